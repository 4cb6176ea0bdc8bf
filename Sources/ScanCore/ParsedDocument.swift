/// What the parse stage made of one fetched document.
public struct ParsedDocument: Sendable, Equatable {
    /// Where the document came from (URL or path), as the fetch stage named it.
    public var source: String
    public var format: DocumentFormat
    public var title: String?
    /// The encoding the parser used, when it reported one.
    public var encoding: String?
    /// True when the markup was broken and the parser recovered what it could.
    public var illFormed: Bool
    public var items: [Item]
    /// Items beyond the parse limit, counted but not read (a warning for the report).
    public var skippedItems: Int

    public init(
        source: String, format: DocumentFormat, title: String?, encoding: String?,
        illFormed: Bool, items: [Item], skippedItems: Int = 0
    ) {
        self.source = source
        self.format = format
        self.title = title
        self.encoding = encoding
        self.illFormed = illFormed
        self.items = items
        self.skippedItems = skippedItems
    }
}
