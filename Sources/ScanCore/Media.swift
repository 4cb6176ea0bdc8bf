/// A media object attached to an item (Media RSS, an enclosure, a JSON Feed attachment or image).
///
/// Its texts also appear among the item's fields (`media-title`, `media-description`, ...), which
/// is where detectors look; this is the structured view for `items` and later checks.
public struct Media: Sendable, Hashable {
    public var url: String?
    /// The MIME type, or the Media RSS `medium`, when given.
    public var type: String?
    public var title: String?
    public var description: String?
    public var credit: String?
    public var copyright: String?
    public var thumbnail: String?

    public init(
        url: String? = nil, type: String? = nil, title: String? = nil, description: String? = nil,
        credit: String? = nil, copyright: String? = nil, thumbnail: String? = nil
    ) {
        self.url = url
        self.type = type
        self.title = title
        self.description = description
        self.credit = credit
        self.copyright = copyright
        self.thumbnail = thumbnail
    }
}
