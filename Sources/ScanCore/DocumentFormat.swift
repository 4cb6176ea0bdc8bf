/// The kinds of document the parse stage understands, named as they appear in `items` output.
public enum DocumentFormat: String, Sendable, Codable {
    case rss2 = "rss-2.0"
    case atom1 = "atom-1.0"
}
