/// The kinds of document the parse stage understands, named as they appear in `items` output.
public enum DocumentFormat: String, Sendable, Codable, CaseIterable {
    case rss090 = "rss-0.90"
    case rss091 = "rss-0.91"
    case rss092 = "rss-0.92"
    case rss1 = "rss-1.0"
    case rss2 = "rss-2.0"
    case atom03 = "atom-0.3"
    case atom1 = "atom-1.0"
    case jsonFeed1 = "json-feed-1.0"
    case jsonFeed11 = "json-feed-1.1"
    /// An HTML page: one page is one item.
    case html
}
