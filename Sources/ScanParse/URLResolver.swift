import CLibXML2

/// Resolves links against base URIs with libxml2's RFC 3986 resolver.
enum URLResolver {
    /// `link` made absolute against the first usable base; `link` itself when none applies.
    /// The bases are worked out only for a relative link (an element's base walks its ancestors).
    static func resolve(_ link: String, against bases: @autoclosure () -> [String?]) -> String {
        let trimmed = link.trimmingWhitespace()
        guard !trimmed.isEmpty, !isAbsolute(trimmed) else { return trimmed }
        for case let base? in bases() where isAbsolute(base) {
            if let resolved = build(trimmed, base: base) { return resolved }
        }
        return trimmed
    }

    /// Whether `text` starts with a URI scheme (`https:`).
    static func isAbsolute(_ text: String) -> Bool {
        // scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ), then ":" (RFC 3986 3.1).
        var utf8 = text.utf8.makeIterator()
        guard let first = utf8.next(), isLetter(first) else { return false }
        while let byte = utf8.next() {
            if byte == UInt8(ascii: ":") { return true }
            guard isLetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2B || byte == 0x2D || byte == 0x2E
            else { return false }
        }
        return false
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
    }

    private static func build(_ link: String, base: String) -> String? {
        guard let built = xmlBuildURI(link, base) else { return nil }
        defer { ss_xml_free(built) }
        return String(cString: built)
    }
}
