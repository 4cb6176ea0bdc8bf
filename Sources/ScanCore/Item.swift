/// One post: a feed entry, or a whole HTML page.
public struct Item: Sendable, Hashable {
    /// Stable identity: guid, atom:id or link, else a hash of the content.
    public var id: String
    /// The post's own absolute link, or nil when it has none.
    public var url: String?
    public var title: String?
    public var published: ItemDate?
    public var updated: ItemDate?
    public var author: String?
    /// Every text a reader sees, in document order.
    public var fields: [TextField]
    /// Attached media (images, video, audio), in document order.
    public var media: [Media]
    /// Absolute http(s) links in the post, in document order, without repeats (for checks of
    /// unofficial accounts).
    public var links: [String]

    public init(
        id: String, url: String? = nil, title: String? = nil, published: ItemDate? = nil,
        updated: ItemDate? = nil, author: String? = nil, fields: [TextField] = [], media: [Media] = [],
        links: [String] = []
    ) {
        self.id = id
        self.url = url
        self.title = title
        self.published = published
        self.updated = updated
        self.author = author
        self.fields = fields
        self.media = media
        self.links = links
    }
}
