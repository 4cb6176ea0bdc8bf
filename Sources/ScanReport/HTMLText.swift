/// Escaping for the HTML report: everything taken from posts goes through here.
enum HTMLEscape {
    /// `text` safe as element content and as a double-quoted attribute value; control
    /// characters become U+FFFD.
    static func text(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            case "\n", "\t": output += " "
            default:
                if scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) {
                    output += "\u{FFFD}"
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output
    }

    /// `url` if it is an http(s) URL that is safe to link to, else nil: no other scheme
    /// (`javascript:`, `data:`...) is ever emitted as a link.
    static func safeLink(_ url: String?) -> String? {
        guard let url else { return nil }
        let lower = url.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://"),
            !url.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F })
        else { return nil }
        return text(url)
    }
}
