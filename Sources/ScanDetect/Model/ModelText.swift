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
