/// The match with some context on each side, on one line, and where the match sits in it.
struct Snippet {
    /// Scalars of context kept on each side of the match.
    static let context = 40

    let text: String
    let match: Range<Int>

    init(field: FieldText, match: Range<Int>) {
        let lower = max(0, match.lowerBound - Self.context)
        let upper = min(field.count, match.upperBound + Self.context)
        let body = field.text(lower..<upper, oneLine: true)
        text = (lower > 0 ? "…" : "") + body + (upper < field.count ? "…" : "")
        let start = (lower > 0 ? 1 : 0) + match.lowerBound - lower
        self.match = start..<(start + match.count)
    }
}
