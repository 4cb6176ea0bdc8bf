/// A field's text prepared for the checks that follow a hit: its scalars for character tests,
/// and its UTF-8 with each scalar's byte offset, so that any slice becomes a String by copying
/// bytes (building Strings scalar by scalar is slow). Made only for fields that have hits.
struct FieldText {
    private let utf8: [UInt8]
    /// `offsets[i]` is where scalar `i` starts in `utf8`; `offsets[scalars.count]` is the end.
    private let offsets: [Int]

    init(_ text: String) {
        utf8 = Array(text.utf8)
        offsets = utf8.withUnsafeBufferPointer { bytes in
            [Int](unsafeUninitializedCapacity: bytes.count + 1) { buffer, count in
                var written = 0
                for position in 0..<bytes.count where bytes[position] & 0xC0 != 0x80 {
                    buffer[written] = position
                    written += 1
                }
                buffer[written] = bytes.count
                count = written + 1
            }
        }
    }

    /// The number of scalars.
    var count: Int { offsets.count - 1 }

    /// The scalar at `index`, decoded from the UTF-8 (valid: it came from a String).
    subscript(index: Int) -> Unicode.Scalar {
        let start = offsets[index]
        let lead = UInt32(utf8[start])
        guard lead >= 0x80 else { return Unicode.Scalar(UInt8(lead)) }
        let length = offsets[index + 1] - start
        var value = lead & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length { value = (value << 6) | (UInt32(utf8[start + offset]) & 0x3F) }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    /// Calls `body` with the UTF-8 of `range` and the byte offset of scalar `anchor` inside it;
    /// returns `body`'s byte range as scalar offsets.
    func withUTF8(_ range: Range<Int>, anchor: Int, _ body: (UnsafeBufferPointer<UInt8>, Int) -> Range<Int>?) -> Range<Int>? {
        let base = offsets[range.lowerBound]
        let found = utf8.withUnsafeBufferPointer { bytes in
            body(UnsafeBufferPointer(rebasing: bytes[base..<offsets[range.upperBound]]), offsets[anchor] - base)
        }
        guard let found else { return nil }
        return scalarIndex(atByte: base + found.lowerBound)..<scalarIndex(atByte: base + found.upperBound)
    }

    /// The scalar that starts at (or contains) byte `offset`.
    private func scalarIndex(atByte offset: Int) -> Int {
        var low = 0
        var high = offsets.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if offsets[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// The text of `range` (scalar offsets, clamped); with `oneLine`, line breaks become spaces.
    func text(_ range: Range<Int>, oneLine: Bool = false) -> String {
        let lower = max(0, min(range.lowerBound, count))
        let upper = max(lower, min(range.upperBound, count))
        let bytes = utf8[offsets[lower]..<offsets[upper]]
        guard oneLine, bytes.contains(where: { $0 == 0x0A || $0 == 0x0D }) else {
            return String(decoding: bytes, as: UTF8.self)
        }
        return String(decoding: bytes.map { $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 }, as: UTF8.self)
    }

    /// Whether the scalar at `index` is a letter or digit (ASCII without a table lookup).
    func isWordCharacter(_ index: Int) -> Bool {
        let byte = utf8[offsets[index]]
        if byte < 0x80 {
            return (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x5F
        }
        let scalar = self[index]
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// Whether the scalar at `index` is white space or one of `separators` (all ASCII here but
    /// for the dashes).
    func isSpaceOrSeparator(_ index: Int) -> Bool {
        let byte = utf8[offsets[index]]
        if byte < 0x80 {
            return byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) || byte == 0x2C || byte == 0x3A || byte == 0x3B
                || byte == 0x2D || byte == 0x28
        }
        let scalar = self[index]
        return scalar.properties.isWhitespace || scalar == "–" || scalar == "—"
    }
}
