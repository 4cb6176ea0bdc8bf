/// A field's text prepared for the checks that follow a hit: its scalars for character tests,
/// and its UTF-8 with each scalar's byte offset, so that any slice becomes a String by copying
/// bytes (building Strings scalar by scalar is slow). Made only for fields that have hits.
struct FieldText {
    private let utf8: [UInt8]
    /// `offsets[i]` is where scalar `i` starts in `utf8`; `offsets[scalars.count]` is the end.
    private let offsets: [Int]

    init(_ text: String) {
        utf8 = Array(text.utf8)
        var offsets: [Int] = []
        offsets.reserveCapacity(utf8.count + 1)
        for (position, byte) in utf8.enumerated() where byte & 0xC0 != 0x80 {
            offsets.append(position)
        }
        offsets.append(utf8.count)
        self.offsets = offsets
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

    /// The text of `range` (scalar offsets, clamped).
    func text(_ range: Range<Int>) -> String {
        let lower = max(0, min(range.lowerBound, count))
        let upper = max(lower, min(range.upperBound, count))
        return String(decoding: utf8[offsets[lower]..<offsets[upper]], as: UTF8.self)
    }
}
