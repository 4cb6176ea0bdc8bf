import Foundation

/// How text is compared with rule literals: lower-cased, accents removed, typographic quotes,
/// dashes and spaces unified. Each scalar folds to a short byte string (mostly one ASCII byte);
/// the matcher consumes these bytes directly, so no folded copy of a text is ever built.
enum TextFolding {
    /// Folded bytes for every scalar below `tableLimit`, packed: `offsets[s]..<offsets[s + 1]`.
    static let tableLimit = 0x2070
    static let table: (bytes: [UInt8], offsets: [Int32]) = {
        var bytes: [UInt8] = []
        var offsets: [Int32] = [0]
        bytes.reserveCapacity(tableLimit * 2)
        for value in 0..<tableLimit {
            if let scalar = Unicode.Scalar(value) { bytes += computeFold(scalar) }
            offsets.append(Int32(bytes.count))
        }
        return (bytes, offsets)
    }()

    /// ASCII fast path: lower case, white space as a space.
    static let ascii: [UInt8] = (0..<128).map { value in
        let byte = UInt8(value)
        if byte >= 0x41 && byte <= 0x5A { return byte + 0x20 }
        if byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C { return 0x20 }
        return byte
    }

    /// The table's two halves, held apart so that a lookup does not copy the tuple.
    private static let foldBytes = table.bytes
    private static let foldOffsets = table.offsets

    /// Calls `body` with the folded bytes of `scalar`.
    @inline(__always)
    static func withFolded(_ scalar: Unicode.Scalar, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        let value = Int(scalar.value)
        if value < 0x80 {
            var byte = ascii[value]
            withUnsafePointer(to: &byte) { body(UnsafeBufferPointer(start: $0, count: 1)) }
        } else if value < tableLimit {
            let start = Int(foldOffsets[value])
            let end = Int(foldOffsets[value + 1])
            foldBytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
        } else {
            let utf8 = Array(String(scalar).utf8)
            utf8.withUnsafeBufferPointer(body)
        }
    }

    /// `text` folded, as bytes (used for rule literals and context words, not for scanned text).
    static func fold(_ text: String) -> [UInt8] {
        var output: [UInt8] = []
        var lastWasSpace = true
        for scalar in text.unicodeScalars {
            withFolded(scalar) { bytes in
                for byte in bytes {
                    if byte == 0x20 {
                        if lastWasSpace { continue }
                        lastWasSpace = true
                    } else {
                        lastWasSpace = false
                    }
                    output.append(byte)
                }
            }
        }
        while output.last == 0x20 { output.removeLast() }
        return output
    }

    private static let special: [Unicode.Scalar: String] = [
        "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l",
        "đ": "d", "Đ": "d", "ı": "i", "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'",
        "“": "\"", "”": "\"", "„": "\"", "‟": "\"", "″": "\"", "«": "\"", "»": "\"",
        "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-", "…": "...",
        "\u{00A0}": " ", "\u{2007}": " ", "\u{202F}": " ",
    ]

    private static func computeFold(_ scalar: Unicode.Scalar) -> [UInt8] {
        if scalar.value < 128 { return [ascii[Int(scalar.value)]] }
        if let replacement = special[scalar] { return Array(replacement.utf8) }
        if scalar.properties.isWhitespace { return [0x20] }
        let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
            .filter { $0.properties.generalCategory != .nonspacingMark }
        let lowered = String(String.UnicodeScalarView(decomposed)).lowercased()
        return lowered.isEmpty ? Array(String(scalar).utf8) : Array(lowered.utf8)
    }
}
