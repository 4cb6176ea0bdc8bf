/// Folded words and phrases looked for in a folded text on word boundaries: a rule's context
/// words and exclusions. A one-word entry is found by hashing the text's words once and looking
/// each up, instead of searching the text once per entry (context lists hold up to a hundred
/// words and are checked at every candidate); entries with other bytes (phrases, "child's",
/// "$ par année") are searched as before.
///
/// Words here are maximal runs of `isWordByte` bytes, the boundaries `contains` checks, so both
/// ways find the same entries.
struct WordList: Sendable {
    /// One-word entries by hash (entries with the same hash are compared byte by byte).
    private let words: [UInt64: [[UInt8]]]
    private let phrases: [[UInt8]]

    init(_ entries: [[UInt8]]) {
        var words: [UInt64: [[UInt8]]] = [:]
        var phrases: [[UInt8]] = []
        for entry in entries where !entry.isEmpty {
            if entry.allSatisfy(Self.isWordByte) {
                words[FNV.hash(entry[...]), default: []].append(entry)
            } else {
                phrases.append(entry)
            }
        }
        self.words = words
        self.phrases = phrases
    }

    var isEmpty: Bool { words.isEmpty && phrases.isEmpty }

    /// Whether an entry occurs in `text` on word boundaries.
    func occurs(in text: [UInt8]) -> Bool {
        if !words.isEmpty && containsWord(text) { return true }
        return phrases.contains { Self.contains(text, $0) }
    }

    private func containsWord(_ text: [UInt8]) -> Bool {
        text.withUnsafeBufferPointer { bytes in
            var index = 0
            while index < bytes.count {
                guard Self.isWordByte(bytes[index]) else {
                    index += 1
                    continue
                }
                let start = index
                var hash = FNV.offset
                while index < bytes.count && Self.isWordByte(bytes[index]) {
                    hash = FNV.add(hash, bytes[index])
                    index += 1
                }
                if let candidates = words[hash],
                    candidates.contains(where: { $0.elementsEqual(UnsafeBufferPointer(rebasing: bytes[start..<index])) }) {
                    return true
                }
            }
            return false
        }
    }

    /// Whether `needle` occurs in `haystack` on word boundaries.
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            guard haystack[start..<start + needle.count].elementsEqual(needle) else { continue }
            let before = start == 0 || !isWordByte(haystack[start - 1])
            let after = start + needle.count == haystack.count || !isWordByte(haystack[start + needle.count])
            if before && after { return true }
        }
        return false
    }

    /// Digits, a-z and every byte of a non-ASCII scalar (folded text has no capitals).
    @inline(__always)
    static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A) || byte >= 0x80
    }
}
