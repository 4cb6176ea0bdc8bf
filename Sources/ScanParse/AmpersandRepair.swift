/// Escapes bare `&` characters (not starting an entity or character reference) outside CDATA
/// sections, the commonest way hand-written feeds are ill-formed ("Fish & Chips Night").
///
/// libxml2's recovery drops such an ampersand and the text after it; re-parsing the repaired
/// bytes keeps the text a reader would see. Used only after a first parse reported an error.
enum AmpersandRepair {
    /// The repaired bytes, or nil when there was nothing to repair.
    static func repair(_ bytes: [UInt8]) -> [UInt8]? {
        var output: [UInt8] = []
        var changed = false
        var index = 0
        let cdataOpen = Array("<![CDATA[".utf8)
        let cdataClose = Array("]]>".utf8)
        output.reserveCapacity(bytes.count + 64)
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "<"), bytes[index...].starts(with: cdataOpen) {
                let end = find(cdataClose, in: bytes, from: index + cdataOpen.count) ?? bytes.count
                output.append(contentsOf: bytes[index..<end])
                index = end
                continue
            }
            if bytes[index] == UInt8(ascii: "&"), !startsReference(bytes, at: index + 1) {
                output.append(contentsOf: Array("&amp;".utf8))
                changed = true
            } else {
                output.append(bytes[index])
            }
            index += 1
        }
        return changed ? output : nil
    }

    /// Whether `name;`, `#digits;` or `#xhex;` starts at `start` (at most 32 bytes long).
    private static func startsReference(_ bytes: [UInt8], at start: Int) -> Bool {
        var index = start
        let limit = min(bytes.count, start + 32)
        guard index < limit else { return false }
        if bytes[index] == UInt8(ascii: "#") {
            index += 1
            let hex = index < limit && (bytes[index] == UInt8(ascii: "x") || bytes[index] == UInt8(ascii: "X"))
            if hex { index += 1 }
            let digitsStart = index
            while index < limit, isDigit(bytes[index], hex: hex) { index += 1 }
            return index > digitsStart && index < limit && bytes[index] == UInt8(ascii: ";")
        }
        guard isLetter(bytes[index]) else { return false }
        while index < limit, isLetter(bytes[index]) || isDigit(bytes[index], hex: false) { index += 1 }
        return index < limit && bytes[index] == UInt8(ascii: ";")
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    private static func isDigit(_ byte: UInt8, hex: Bool) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (hex && ((byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66)))
    }

    /// The index just past the first occurrence of `needle` at or after `start`.
    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0], bytes[index..<index + needle.count].elementsEqual(needle) {
                return index + needle.count
            }
            index += 1
        }
        return nil
    }
}
