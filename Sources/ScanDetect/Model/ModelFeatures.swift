/// The features of a window of words, in one definition with two spellings: as text (to train a
/// model, write it down and explain a finding) and as 64-bit keys (what the scorer looks up;
/// `LinearModel.probability` takes a known word's key and its starts' at once, and is tested
/// against these).
///
/// For each word `w` (and the word `v` before it, inside the window):
/// - `w` itself, and the pair `v w`;
/// - `w`'s first 4, 5 and 6 letters followed by `*`, when `w` is longer (`skimm*`);
/// - `~` + the first 5 letters of `v`, a space, the first 5 letters of `w` (`~stole money`).
///
/// A feature's value is how often it occurs divided by the square root of the number of feature
/// occurrences in the window, so long and short posts weigh alike.
enum ModelFeatures {
    static let prefixLengths = [4, 5, 6]
    static let stemLength = 5

    /// The features of `words[range]`, as text, in order of occurrence (with repeats).
    static func names(of text: ModelText, in range: Range<Int>) -> [String] {
        var names: [String] = []
        var previous: String?
        for index in range {
            let word = text.word(index)
            names.append(word)
            if let previous { names.append(previous + " " + word) }
            names += starts(of: word)
            if let previous { names.append("~" + previous.prefix(stemLength) + " " + word.prefix(stemLength)) }
            previous = word
        }
        return names
    }

    /// The word-start features of a folded `word` (`skim*`, `skimm*`, `skimmi*`): its first 4, 5
    /// and 6 letters followed by `*`, those it goes on past.
    static func starts(of word: String) -> [String] {
        prefixLengths.filter { word.utf8.count > $0 }.map { String(word.prefix($0)) + "*" }
    }

    /// The key of a feature written as text.
    static func key(of name: String) -> UInt64 {
        var utf8 = Array(name.utf8)
        let stems = utf8.first == 0x7E
        if stems { utf8.removeFirst() }
        guard let space = utf8.firstIndex(of: 0x20) else { return FNV.hash(utf8[...]) }
        return combine(FNV.hash(utf8[..<space]), FNV.hash(utf8[(space + 1)...]), kind: stems ? 3 : 1)
    }

    /// The key of every feature of `words[range]`, in the order of `names`, to `body`; returns
    /// how many there were.
    @inline(__always)
    @discardableResult
    static func keys(of text: ModelText, in range: Range<Int>, _ body: (UInt64) -> Void) -> Int {
        var total = 0
        text.words.withUnsafeBufferPointer { words in
            for index in range {
                let word = words[index]
                body(word.hash)
                total += 1
                if index > range.lowerBound {
                    body(combine(words[index - 1].hash, word.hash, kind: 1))
                    total += 1
                }
                if word.prefixes.0 != 0 { body(word.prefixes.0); total += 1 }
                if word.prefixes.1 != 0 { body(word.prefixes.1); total += 1 }
                if word.prefixes.2 != 0 { body(word.prefixes.2); total += 1 }
                if index > range.lowerBound {
                    body(combine(words[index - 1].stem, word.stem, kind: 3))
                    total += 1
                }
            }
        }
        return total
    }

    /// Two word hashes as one key (a pair of words, or of word starts).
    @inline(__always)
    static func combine(_ first: UInt64, _ second: UInt64, kind: UInt64) -> UInt64 {
        var key = (first &* 0x9E37_79B9_7F4A_7C15) ^ ((second << 29) | (second >> 35)) ^ kind
        key ^= key >> 31
        return key &* 0xBF58_476D_1CE4_E5B9
    }
}

/// 64-bit FNV-1a: the hash of a word, and so of a feature's key.
enum FNV {
    static let offset: UInt64 = 0xCBF2_9CE4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01B3

    @inline(__always)
    static func add(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* prime
    }

    static func hash(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var hash = offset
        for byte in bytes { hash = add(hash, byte) }
        return hash
    }
}
