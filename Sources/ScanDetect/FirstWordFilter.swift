/// A filter in front of the trie for words of plain ASCII letters: a bitset of hashes of the
/// literals' first words. A word whose hash is not in it cannot begin any literal (a literal
/// matches whole words), so the trie is walked from only a few words in ten. The word is found
/// and hashed eight bytes at a time (SWAR), without a branch per byte.
///
/// A first word that passes is looked at once more with the word after it: most keywords are
/// phrases ("the thief", "tous droits réservés"), and everyday words such as "the" or "la" start
/// some of them. A walk is needed only when the first word is a whole keyword or goes on other
/// than with a space and a word (`always`), or when the two words begin a keyword (`pairs`).
///
/// Words with digits or non-ASCII characters are not filtered (the scanner walks them), nor
/// is a second word after other white space than one space: the filter only ever skips walks
/// that could not match.
enum FirstWordFilter {
    /// Bits in each set: 2^16 (8 KiB, in L1 cache).
    static let bitCount = 1 << 16

    /// The three sets, as bitsets of hashes.
    struct Sets {
        /// The first word of each keyword that starts with a letter or `_`.
        var first = [UInt64](repeating: 0, count: bitCount / 64)
        /// First words that are a keyword, or that a keyword continues after other than with
        /// one space and a plain word.
        var always = [UInt64](repeating: 0, count: bitCount / 64)
        /// First and second words of the other keywords (`pairHash`).
        var pairs = [UInt64](repeating: 0, count: bitCount / 64)
    }

    /// The sets for `literals` (folded).
    static func sets(for literals: [[UInt8]]) -> Sets {
        var sets = Sets()
        for literal in literals {
            let word = literal.prefix { isPlainWordByte($0) }
            guard !word.isEmpty else { continue }
            let first = hash(of: word)
            insert(first, into: &sets.first)
            let rest = literal.dropFirst(word.count)
            guard rest.first == 0x20, rest.count > 1, isPlainWordByte(rest[rest.startIndex + 1]) else {
                insert(first, into: &sets.always)
                continue
            }
            let second = rest.dropFirst().prefix { isPlainWordByte($0) }
            // A second word that goes on with a digit or a non-ASCII byte is no plain text
            // word: such keywords are walked whenever their first word is seen.
            if let after = rest.dropFirst(1 + second.count).first, after >= 0x80 || after &- 0x30 < 10 {
                insert(first, into: &sets.always)
                continue
            }
            insert(pairHash(first, hash(of: second)), into: &sets.pairs)
        }
        return sets
    }

    /// The hash `plainWord` computes for `word`: eight-byte chunks, little-endian, up to and
    /// including the one where the word ends.
    static func hash(of word: ArraySlice<UInt8>) -> UInt64 {
        var hash: UInt64 = 0
        var offset = 0
        while offset <= word.count {
            var chunk: UInt64 = 0
            for index in 0..<8 where offset + index < word.count {
                chunk |= UInt64(word[word.startIndex + offset + index] | 0x20) << UInt64(index * 8)
            }
            hash = mix(hash, chunk)
            offset += 8
        }
        return hash
    }

    /// The hash of two words, one after the other.
    @inline(__always)
    static func pairHash(_ first: UInt64, _ second: UInt64) -> UInt64 {
        mix(first ^ 0x5851_F42D_4C95_7F2D, second)
    }

    private static func insert(_ hash: UInt64, into bits: inout [UInt64]) {
        let slot = Int(truncatingIfNeeded: hash >> 48)
        bits[slot >> 6] |= 1 << UInt64(slot & 63)
    }

    /// An ASCII letter or `_`.
    static func isPlainWordByte(_ byte: UInt8) -> Bool {
        (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x5F
    }

    @inline(__always)
    static func mix(_ hash: UInt64, _ chunk: UInt64) -> UInt64 {
        let mixed = (hash &+ chunk) &* 0x9E37_79B9_7F4A_7C15
        return mixed ^ (mixed >> 32)
    }

    @inline(__always)
    static func contains(_ hash: UInt64, in bits: UnsafePointer<UInt64>) -> Bool {
        let slot = Int(truncatingIfNeeded: hash >> 48)
        return bits[slot >> 6] & (1 << UInt64(slot & 63)) != 0
    }

    /// The word of plain ASCII letters (and `_`) that starts at byte `start`, when it ends in an
    /// ASCII character that is not a word character: its end and hash. Nil when it runs into a
    /// digit or a non-ASCII character, or too near the end of the text to read eight bytes.
    @inline(__always)
    static func plainWord(_ base: UnsafePointer<UInt8>, _ count: Int, at start: Int) -> (end: Int, hash: UInt64)? {
        let high: UInt64 = 0x8080_8080_8080_8080
        var position = start
        var hash: UInt64 = 0
        while position + 8 <= count {
            let chunk = UInt64(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
            let stops = ~plainLetters(chunk) & high
            if stops == 0 {
                hash = mix(hash, chunk | 0x2020_2020_2020_2020)
                position += 8
                continue
            }
            let shift = stops.trailingZeroBitCount & ~7
            let stop = UInt8(truncatingIfNeeded: chunk >> UInt64(shift))
            guard stop < 0x80, stop &- 0x30 >= 10 else { return nil }
            let keep: UInt64 = shift == 0 ? 0 : .max >> UInt64(64 - shift)
            return (position + shift >> 3, mix(hash, (chunk | 0x2020_2020_2020_2020) & keep))
        }
        return nil
    }

    /// The high bit of each byte of `chunk` that is an ASCII letter or `_`.
    @inline(__always)
    static func plainLetters(_ chunk: UInt64) -> UInt64 {
        let high: UInt64 = 0x8080_8080_8080_8080
        let seven = chunk & 0x7F7F_7F7F_7F7F_7F7F
        let lower = seven | 0x2020_2020_2020_2020
        // Bytes of `lower` from 0x61 to 0x7A: at least 0x61 and not above 0x7A (no carries:
        // every byte is below 0x80 before the additions).
        let letters = (lower &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(lower &+ 0x0505_0505_0505_0505) & high
        let underscore = seven ^ 0x5F5F_5F5F_5F5F_5F5F
        let isUnderscore = ~((underscore &+ 0x7F7F_7F7F_7F7F_7F7F) | underscore) & high
        return (letters | isUnderscore) & ~(chunk & high)
    }
}
