/// The match with some context on each side, on one line, and where the match sits in it.
struct Snippet {
    /// Scalars of context kept on each side of the match.
    static let context = 40

    let text: String
    let match: Range<Int>

    init(scalars: [Unicode.Scalar], match: Range<Int>) {
        let lower = max(0, match.lowerBound - Self.context)
        let upper = min(scalars.count, match.upperBound + Self.context)
        var view = String.UnicodeScalarView()
        if lower > 0 { view.append("…") }
        let prefix = view.count
        for scalar in scalars[lower..<upper] {
            view.append(scalar.properties.isWhitespace ? " " : scalar)
        }
        if upper < scalars.count { view.append("…") }
        text = String(view)
        let start = prefix + match.lowerBound - lower
        self.match = start..<(start + match.count)
    }
}
