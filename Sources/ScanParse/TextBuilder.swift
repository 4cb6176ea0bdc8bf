/// Accumulates visible text as UTF-8: runs of white space (including no-break space) become one
/// space, line breaks separate blocks, and no line is empty or has spaces at either end.
struct TextBuilder {
    private var output: [UInt8] = []
    private var lineHasText = false
    private var pendingSpace = false

    /// Appends text; white space inside it is folded. With `keepingLineBreaks`, a line feed or
    /// carriage return ends the line instead. Copies runs of text in bulk: a run goes on through
    /// single ASCII spaces between words, which need no folding.
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, keepingLineBreaks: Bool = false) {
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        var index = 0
        while index < count {
            let spaceLength = Self.spaceLength(base, index, count)
            if spaceLength > 0 {
                if keepingLineBreaks && (base[index] == 0x0A || base[index] == 0x0D) { lineBreak() } else { pendingSpace = true }
                index += spaceLength
                continue
            }
            let start = index
            index += 1
            while index < count {
                if index + 8 <= count, Self.isPlainRun(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                    index += 8
                    continue
                }
                let byte = base[index]
                if byte > 0x20 && byte != 0xC2 {
                    index += 1
                } else if byte == 0x20, index + 1 < count, Self.spaceLength(base, index + 1, count) == 0 {
                    index += 2
                } else if Self.spaceLength(base, index, count) == 0 {
                    index += 1
                } else {
                    break
                }
            }
            if pendingSpace && lineHasText { output.append(0x20) }
            pendingSpace = false
            lineHasText = true
            output.append(contentsOf: UnsafeBufferPointer(start: base + start, count: index - start))
        }
    }

    /// Whether eight bytes (inside a run of text) can be copied as they are: no control or
    /// white-space byte other than single spaces between other bytes, no 0xC2 (the lead of a
    /// no-break space), and no space in the last byte, whose successor is not looked at.
    @inline(__always)
    private static func isPlainRun(_ word: UInt64) -> Bool {
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let high: UInt64 = 0x8080_8080_8080_8080
        // Exact per-byte tests (no carries between bytes): high bit set where the test holds.
        func isZero(_ x: UInt64) -> UInt64 { ~(((x & low7) &+ low7) | x | low7) }
        let below0x20 = ~(((word & low7) &+ 0x6060_6060_6060_6060) | word) & high
        let leadC2 = isZero(word ^ 0xC2C2_C2C2_C2C2_C2C2)
        let spaces = isZero(word ^ 0x2020_2020_2020_2020)
        let doubled = spaces & (spaces << 8)
        return (below0x20 | leadC2 | doubled | (spaces & 0x8000_0000_0000_0000)) == 0
    }

    /// The length of the white-space character at `index` (ASCII space or no-break space), or 0.
    @inline(__always)
    private static func spaceLength(_ base: UnsafePointer<UInt8>, _ index: Int, _ count: Int) -> Int {
        let byte = base[index]
        if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C { return 1 }
        if byte == 0xC2, index + 1 < count, base[index + 1] == 0xA0 { return 2 }
        return 0
    }

    /// Appends a NUL-terminated C string.
    mutating func append(cString pointer: UnsafePointer<UInt8>) {
        var length = 0
        while pointer[length] != 0 { length += 1 }
        append(UnsafeBufferPointer(start: pointer, count: length))
    }

    /// Appends a Swift string.
    mutating func append(_ text: String) {
        var copy = text
        copy.withUTF8 { append($0) }
    }

    /// Ends the current line, if it has any text.
    mutating func lineBreak() {
        if lineHasText { output.append(0x0A) }
        lineHasText = false
        pendingSpace = false
    }

    /// The text built so far.
    func finish() -> String {
        // Decoded from a slice: trimming a copy of `output` would copy every byte first.
        let end = output.last == 0x0A ? output.count - 1 : output.count
        return String(decoding: output[..<end], as: UTF8.self)
    }

    /// The text built so far; the builder is then empty again, keeping its buffer for the next.
    mutating func take() -> String {
        let text = finish()
        output.removeAll(keepingCapacity: true)
        lineHasText = false
        pendingSpace = false
        return text
    }

    /// `text` as lines: white space folded within each line, empty lines dropped. For plain-text
    /// fields (video descriptions, JSON Feed `content_text`) where line breaks mean something.
    static func lines(_ text: String) -> String {
        var copy = text
        return copy.withUTF8 { lines($0) }
    }

    /// UTF-8 bytes as lines, like `lines(_:)`.
    static func lines(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var builder = TextBuilder()
        builder.append(bytes, keepingLineBreaks: true)
        return builder.finish()
    }

    /// UTF-8 bytes folded onto one line.
    static func singleLine(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var builder = TextBuilder()
        builder.append(bytes)
        return builder.finish()
    }

    /// `text` with its white space folded onto one line.
    static func singleLine(_ text: String) -> String {
        var builder = TextBuilder()
        builder.append(text)
        return builder.finish()
    }
}
