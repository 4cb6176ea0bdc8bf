/// Decoding one scalar from valid UTF-8 (it came from a String), for the loops that read a
/// field's bytes directly: the matcher, the field checks, the name tokenizer.
enum UTF8Scalar {
    /// The value and UTF-8 length of the scalar whose first byte is at `position`.
    @inline(__always)
    static func decode(_ base: UnsafePointer<UInt8>, _ count: Int, at position: Int) -> (value: UInt32, length: Int) {
        let lead = UInt32(base[position])
        guard lead >= 0x80 else { return (lead, 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = lead & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length where position + offset < count {
            value = (value << 6) | (UInt32(base[position + offset]) & 0x3F)
        }
        return (value, length)
    }

    /// The scalar whose first byte is at `position` of `bytes`, and its UTF-8 length.
    static func scalar(in bytes: [UInt8], at position: Int) -> (scalar: Unicode.Scalar, length: Int) {
        let (value, length) = bytes.withUnsafeBufferPointer { buffer in
            // A position exists, so the buffer has a base address.
            buffer.baseAddress.map { decode($0, buffer.count, at: position) } ?? (0xFFFD, 1)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}
