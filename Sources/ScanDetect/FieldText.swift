/// A field's text prepared for the checks that follow a hit: its scalars for character tests,
/// and its UTF-8 with each scalar's byte offset, so that any slice becomes a String by copying
/// bytes (building Strings scalar by scalar is slow). Made only for fields that have hits.
struct FieldText {
    let scalars: [Unicode.Scalar]
    private let utf8: [UInt8]
    /// `offsets[i]` is where scalar `i` starts in `utf8`; `offsets[scalars.count]` is the end.
    private let offsets: [Int]

    init(_ text: String) {
        utf8 = Array(text.utf8)
        scalars = Array(text.unicodeScalars)
        var offsets: [Int] = []
        offsets.reserveCapacity(scalars.count + 1)
        for (position, byte) in utf8.enumerated() where byte & 0xC0 != 0x80 {
            offsets.append(position)
        }
        offsets.append(utf8.count)
        self.offsets = offsets
    }

    var count: Int { scalars.count }

    /// The text of `range` (scalar offsets, clamped).
    func text(_ range: Range<Int>) -> String {
        let lower = max(0, min(range.lowerBound, scalars.count))
        let upper = max(lower, min(range.upperBound, scalars.count))
        return String(decoding: utf8[offsets[lower]..<offsets[upper]], as: UTF8.self)
    }
}
