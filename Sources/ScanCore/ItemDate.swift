/// A date as a feed wrote it, with its normalised RFC 3339 UTC form when it could be read.
public struct ItemDate: Sendable, Hashable, Codable {
    /// RFC 3339 in UTC (`2025-03-14T09:30:00Z`), or nil when `raw` could not be read.
    public var rfc3339: String?
    /// The text exactly as the document had it.
    public var raw: String

    public init(rfc3339: String?, raw: String) {
        self.rfc3339 = rfc3339
        self.raw = raw
    }
}
