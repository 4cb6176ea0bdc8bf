import CLibXML2

/// Resolves links against base URIs with libxml2's RFC 3986 resolver.
enum URLResolver {
    /// `link` made absolute against the first usable base; `link` itself when none applies.
    static func resolve(_ link: String, against bases: [String?]) -> String {
        let trimmed = link.trimmingWhitespace()
        guard !trimmed.isEmpty, !isAbsolute(trimmed) else { return trimmed }
        for case let base? in bases where isAbsolute(base) {
            if let resolved = build(trimmed, base: base) { return resolved }
        }
        return trimmed
    }

    /// Whether `text` starts with a URI scheme (`https:`).
    static func isAbsolute(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":"), colon != text.startIndex else { return false }
        return text[..<colon].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
            && text.first?.isLetter == true
    }

    private static func build(_ link: String, base: String) -> String? {
        guard let built = xmlBuildURI(link, base) else { return nil }
        defer { ss_xml_free(built) }
        return String(cString: built)
    }
}
