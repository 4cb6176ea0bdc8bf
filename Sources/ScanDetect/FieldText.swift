/// A field's text prepared for the checks that follow a hit, as UTF-8. Positions are byte
/// offsets of scalar starts; the checks step over scalars where they need to count characters
/// (context windows, regex windows), so no per-scalar index of the field is ever built. Only a
/// finding's reported offsets are converted to Unicode scalar offsets (`scalarOffset(of:)`).
struct FieldText {
    private let utf8: [UInt8]

    init(_ text: String) {
        utf8 = Array(text.utf8)
    }

    /// The end position (the byte count).
    var end: Int { utf8.count }

    /// The position of the scalar after the one at `position`.
    @inline(__always)
    func position(after position: Int) -> Int {
        var next = position + 1
        while next < utf8.count && utf8[next] & 0xC0 == 0x80 { next += 1 }
        return next
    }

    /// The position of the scalar before the one at `position` (which is above 0).
    @inline(__always)
    func position(before position: Int) -> Int {
        var previous = position - 1
        while previous > 0 && utf8[previous] & 0xC0 == 0x80 { previous -= 1 }
        return previous
    }

    /// `position` moved by `distance` scalars (either way), stopping at the text's ends. Counts
    /// scalar starts eight bytes at a time while far from the goal.
    func position(_ position: Int, movedBy distance: Int) -> Int {
        utf8.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return 0 }
            var result = position
            // Scalar starts passed so far.
            var starts = 0
            if distance >= 0 {
                while result + 8 <= bytes.count && distance - starts > 8 {
                    starts += Self.starts(in: UnsafeRawPointer(base + result).loadUnaligned(as: UInt64.self))
                    result += 8
                }
                while result < bytes.count {
                    if base[result] & 0xC0 != 0x80 {
                        if starts == distance { break }
                        starts += 1
                    }
                    result += 1
                }
            } else {
                while result >= 8 && -distance - starts > 8 {
                    result -= 8
                    starts += Self.starts(in: UnsafeRawPointer(base + result).loadUnaligned(as: UInt64.self))
                }
                while result > 0 && starts < -distance {
                    result -= 1
                    if base[result] & 0xC0 != 0x80 { starts += 1 }
                }
            }
            return result
        }
    }

    /// Scalar starts among eight bytes: those that are not continuation bytes (10xxxxxx).
    @inline(__always)
    private static func starts(in chunk: UInt64) -> Int {
        8 - (chunk & ~(chunk << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
    }

    /// The scalar at `position`, decoded from the UTF-8 (valid: it came from a String).
    subscript(position: Int) -> Unicode.Scalar {
        UTF8Scalar.scalar(in: utf8, at: position).scalar
    }

    /// The number of scalars before `position`: the Unicode scalar offset a finding reports.
    func scalarOffset(of position: Int) -> Int {
        scalarCount(0..<position)
    }

    /// The number of scalars in `range`, counting scalar starts eight bytes at a time.
    func scalarCount(_ range: Range<Int>) -> Int {
        utf8.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return 0 }
            var starts = 0
            var index = range.lowerBound
            while index + 8 <= range.upperBound {
                starts += Self.starts(in: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                index += 8
            }
            while index < range.upperBound {
                if base[index] & 0xC0 != 0x80 { starts += 1 }
                index += 1
            }
            return starts
        }
    }

    /// Calls `body` with the UTF-8 of `range`.
    func withUTF8<Result>(_ range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        utf8.withUnsafeBufferPointer { bytes in body(UnsafeBufferPointer(rebasing: bytes[range])) }
    }

    /// The position of the scalar that contains byte `offset` (at most `end`).
    func scalarStart(containing offset: Int) -> Int {
        var start = min(offset, utf8.count)
        while start > 0 && start < utf8.count && utf8[start] & 0xC0 == 0x80 { start -= 1 }
        return start
    }

    /// Calls `body` with the whole field's UTF-8.
    func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        utf8.withUnsafeBufferPointer(body)
    }

    /// The text of `range` (clamped); with `oneLine`, line breaks become spaces.
    func text(_ range: Range<Int>, oneLine: Bool = false) -> String {
        let lower = max(0, min(range.lowerBound, utf8.count))
        let upper = max(lower, min(range.upperBound, utf8.count))
        let bytes = utf8[lower..<upper]
        guard oneLine, bytes.contains(where: { $0 == 0x0A || $0 == 0x0D }) else {
            return String(decoding: bytes, as: UTF8.self)
        }
        return String(decoding: bytes.map { $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 }, as: UTF8.self)
    }

    /// Whether the scalar at `position` is a word character (`WordCharacter`).
    func isWordCharacter(_ position: Int) -> Bool {
        WordCharacter.contains(self[position])
    }

    /// Whether the scalar at `position` is white space or one of `separators` (all ASCII here
    /// but for the dashes).
    func isSpaceOrSeparator(_ position: Int) -> Bool {
        let byte = utf8[position]
        if byte < 0x80 {
            return byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) || byte == 0x2C || byte == 0x3A || byte == 0x3B
                || byte == 0x2D || byte == 0x28
        }
        let scalar = self[position]
        return scalar.properties.isWhitespace || scalar == "–" || scalar == "—"
    }
}
