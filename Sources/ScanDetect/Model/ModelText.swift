/// The words a model reads in a text: runs of `a`–`z` and `0`–`9` in its folded form
/// (`TextFolding`: lower case, accents removed), so "L'Élève" is the words `l` and `eleve`.
/// Each word keeps the UTF-8 range it came from, whether a sentence ends after it, and the
/// hashes its features are keyed by (`ModelFeatures`), computed as the word is read.
struct ModelText {
    struct Word {
        /// Where the folded word sits in `folded`.
        var start: Int32
        var count: Int32
        /// UTF-8 positions in the text.
        var source: Range<Int>
        /// A `.`, `!`, `?` or line break follows the word (before the next word).
        var endsSentence: Bool
        /// FNV-1a of the word, of its first `stemLength` bytes, and of its first 4, 5 and 6 bytes
        /// followed by `*` (0 when the word is not longer than that).
        var hash: UInt64
        var stem: UInt64
        var prefixes: (UInt64, UInt64, UInt64)
    }

    private(set) var folded: [UInt8] = []
    private(set) var words: [Word] = []

    /// Bytes below 0x80 by what they do: 0 ends a word, 1 is part of one, 2 is an upper-case
    /// letter, 3 ends a sentence.
    private static let asciiClass: [UInt8] = (0..<128).map { value in
        let byte = UInt8(value)
        if isWordByte(byte) { return 1 }
        if byte >= 0x41 && byte <= 0x5A { return 2 }
        return isSentenceEnd(byte) ? 3 : 0
    }

    /// `.`, `!`, `?` and a line break end a sentence (for `Word.endsSentence` and `ModelWindows`).
    @inline(__always)
    static func isSentenceEnd(_ byte: UInt8) -> Bool {
        byte == 0x2E || byte == 0x21 || byte == 0x3F || byte == 0x0A
    }

    /// The words of `utf8`, a valid UTF-8 text (it came from a `String`), or of a part of it:
    /// `offset` is added to every source position.
    /// Without `keepingText`, only the hashes are kept (scoring); `word(_:)` needs the text.
    init(utf8: UnsafeBufferPointer<UInt8>, offset: Int = 0, keepingText: Bool = true) {
        guard let base = utf8.baseAddress else { return }
        let count = utf8.count
        if keepingText { folded.reserveCapacity(count) }
        words.reserveCapacity(count / 5)
        var reader = WordReader(offset: offset, keepingText: keepingText)
        Self.asciiClass.withUnsafeBufferPointer { classes in
            var position = 0
            while position < count {
                let byte = base[position]
                if byte < 0x80 {
                    switch classes[Int(byte)] {
                    case 1: reader.add(byte, at: position, end: position + 1, into: &folded)
                    case 2: reader.add(byte | 0x20, at: position, end: position + 1, into: &folded)
                    case 3:
                        reader.end(into: &words)
                        if !words.isEmpty { words[words.count - 1].endsSentence = true }
                    default: reader.end(into: &words)
                    }
                    position += 1
                    continue
                }
                let (value, length) = UTF8Scalar.decode(base, count, at: position)
                let end = min(count, position + length)
                TextFolding.withFolded(Unicode.Scalar(value) ?? "\u{FFFD}") { bytes in
                    for byte in bytes {
                        if Self.isWordByte(byte) {
                            reader.add(byte, at: position, end: end, into: &folded)
                        } else {
                            reader.end(into: &words)
                            if Self.isSentenceEnd(byte), !words.isEmpty { words[words.count - 1].endsSentence = true }
                        }
                    }
                }
                position = end
            }
        }
        reader.end(into: &words)
    }

    @inline(__always)
    static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
    }

    /// The folded text of word `index`.
    func word(_ index: Int) -> String {
        let word = words[index]
        return String(decoding: folded[Int(word.start)..<Int(word.start + word.count)], as: UTF8.self)
    }
}

/// The word being read, hashed byte by byte.
private struct WordReader {
    let offset: Int
    let keepingText: Bool
    var start = -1
    var foldedStart = 0
    var lastEnd = 0
    var length = 0
    var hash = FNV.offset
    var stem = FNV.offset
    var prefixes = (UInt64(0), UInt64(0), UInt64(0))

    init(offset: Int, keepingText: Bool) {
        self.offset = offset
        self.keepingText = keepingText
    }

    @inline(__always)
    mutating func add(_ byte: UInt8, at position: Int, end: Int, into folded: inout [UInt8]) {
        if start < 0 {
            start = position
            foldedStart = folded.count
        }
        if keepingText { folded.append(byte) }
        lastEnd = end
        hash = FNV.add(hash, byte)
        length += 1
        // A prefix feature exists only when the word goes on past it: note the state after 4, 5
        // and 6 bytes, and finish it (`*`) when the next byte arrives.
        switch length {
        case 4: prefixes.0 = hash
        case 5:
            stem = hash
            prefixes.0 = FNV.add(prefixes.0, 0x2A)
            prefixes.1 = hash
        case 6:
            prefixes.1 = FNV.add(prefixes.1, 0x2A)
            prefixes.2 = hash
        case 7: prefixes.2 = FNV.add(prefixes.2, 0x2A)
        default: break
        }
    }

    @inline(__always)
    mutating func end(into words: inout [ModelText.Word]) {
        guard start >= 0 else { return }
        words.append(ModelText.Word(
            start: Int32(foldedStart), count: Int32(length), source: offset + start..<offset + lastEnd, endsSentence: false,
            hash: hash, stem: length >= ModelFeatures.stemLength ? stem : hash,
            prefixes: (length > 4 ? prefixes.0 : 0, length > 5 ? prefixes.1 : 0, length > 6 ? prefixes.2 : 0)))
        start = -1
        length = 0
        hash = FNV.offset
        stem = FNV.offset
        prefixes = (0, 0, 0)
    }
}

/// The features of a window of words, in one definition with two spellings: as text (to train a
/// model, write it down and explain a finding) and as 64-bit keys (to score).
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
            for length in prefixLengths where word.utf8.count > length { names.append(String(word.prefix(length)) + "*") }
            if let previous { names.append("~" + previous.prefix(stemLength) + " " + word.prefix(stemLength)) }
            previous = word
        }
        return names
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
