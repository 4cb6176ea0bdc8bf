/// Makes text from posts safe to print on a terminal.
enum TerminalText {
    /// `text` with control characters (C0, DEL, C1, which start escape sequences) and bidi
    /// overrides replaced by U+FFFD, and line breaks by spaces.
    static func neutralised(_ text: String) -> String {
        var view = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A, 0x0D, 0x09: view.append(" ")
            case 0x00..<0x20, 0x7F..<0xA0, 0x202A...0x202E, 0x2066...0x2069: view.append("\u{FFFD}")
            default: view.append(scalar)
            }
        }
        return String(view)
    }
}
