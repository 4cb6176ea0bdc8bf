/// The match with some context on each side, on one line, and where the match sits in it.
struct Snippet {
    /// Scalars of context kept on each side of the match.
    static let context = 40

    let text: String
    let match: Range<Int>

    /// The snippet read straight from UTF-8 (valid: it came from a String), for a match given
    /// both as scalar and as byte offsets; no per-scalar index of the field is built.
    init(utf8: UnsafeBufferPointer<UInt8>, match: Range<Int>, bytes: Range<Int>) {
        func isLead(_ byte: UInt8) -> Bool { byte & 0xC0 != 0x80 }
        var lower = bytes.lowerBound
        var before = 0
        while lower > 0 && before < Self.context {
            lower -= 1
            if isLead(utf8[lower]) { before += 1 }
        }
        var upper = bytes.upperBound
        var after = 0
        while upper < utf8.count && after < Self.context {
            upper += 1
            while upper < utf8.count && !isLead(utf8[upper]) { upper += 1 }
            after += 1
        }
        // One buffer, one String: the ellipses and the body with line breaks as spaces.
        let ellipsis: [UInt8] = [0xE2, 0x80, 0xA6]
        var bytes: [UInt8] = []
        bytes.reserveCapacity(upper - lower + 6)
        if lower > 0 { bytes += ellipsis }
        for byte in utf8[lower..<upper] { bytes.append(byte == 0x0A || byte == 0x0D ? 0x20 : byte) }
        if upper < utf8.count { bytes += ellipsis }
        text = String(decoding: bytes, as: UTF8.self)
        let start = (lower > 0 ? 1 : 0) + before
        self.match = start..<(start + match.count)
    }
}
