import ScanCore

/// Reads the RSS family: 0.91, 0.92 and 2.0 (elements in no namespace) and the RDF-based 0.90
/// and 1.0 (elements in their namespace, items beside the channel), with `content:encoded`,
/// Dublin Core, Media RSS and enclosures.
struct RSSParser {
    /// The document's own URL (nil for local files), the last base for relative links.
    let documentURL: String?
    /// The namespace of the core elements: nil for 0.9x/2.0, `Namespace.rss1` for 1.0.
    let namespace: String?
    let limits: ParseLimits
    let html: HTMLFragmentParser

    func parse(root: Node) -> FeedContent {
        let channel = root.is("channel", in: namespace) ? root : root.descendants("channel", in: namespace).first
        let title = channel?.element("title", in: namespace).map { TextBuilder.singleLine($0.text) }
        let channelLink = channel?.element("link", in: namespace)?.text
        // Items are searched anywhere below the root: RSS 1.0 puts them beside the channel, and
        // a broken item can swallow its successors when libxml2 recovers; none may be lost.
        let elements = root.descendants("item", in: namespace)
        let items = elements.prefix(limits.maxItems).map { item(from: $0, channelLink: channelLink) }
        return FeedContent(title: title, items: items, truncatedItems: max(0, elements.count - limits.maxItems))
    }

    private func child(_ element: Node, _ name: String) -> Node? {
        element.element(name, in: namespace)
    }

    private func item(from element: Node, channelLink: String?) -> Item {
        let bases = [element.baseURI, channelLink, documentURL]
        let title = child(element, "title").map { html.extract($0.textBytes).body }
        var fields = FieldCollector()
        fields.add(.title, plain: title)
        let content = element.element("encoded", in: Namespace.content).map { html.extract($0.textBytes) }
        fields.add(content == nil ? .content : .summary, html: child(element, "description").map { html.extract($0.textBytes) })
        fields.add(.content, html: content)
        let media = MediaCollector(bases: bases, html: html).collect(from: element, into: &fields)
        fields.add(.rights, plain: (element.element("rights", in: Namespace.dublinCore) ?? child(element, "copyright"))?.text)
        let (id, link) = identity(of: element, bases: bases, fallback: [title ?? ""] + fields.fields.map(\.text))
        let date = child(element, "pubDate") ?? element.element("date", in: Namespace.dublinCore)
        let author = child(element, "author") ?? element.element("creator", in: Namespace.dublinCore)
        return Item(
            id: id, url: link, title: title, published: date.map { DateParser.parse($0.text) },
            updated: element.element("modified", in: Namespace.dublinCore).map { DateParser.parse($0.text) },
            author: author.map { TextBuilder.singleLine($0.text) }, fields: fields.fields, media: media)
    }

    /// The item's id and link: guid (or RSS 1.0's `rdf:about`), else the link, else a content hash.
    private func identity(of element: Node, bases: [String?], fallback: [String]) -> (String, String?) {
        let guid = child(element, "guid")
        let guidText = nonEmpty(guid?.text) ?? nonEmpty(element.attribute("about", in: Namespace.rdf))
        let guidIsLink = guid?.attribute("isPermaLink").map { $0.lowercased() != "false" } ?? (guid != nil)
        var link = nonEmpty(child(element, "link")?.text).map { URLResolver.resolve($0, against: bases) }
        if link == nil, guidIsLink, let guidText { link = URLResolver.resolve(guidText, against: bases) }
        return (guidText ?? link ?? Fingerprint.contentID(fallback), link)
    }
}

/// What a feed parser read: the feed's title and its items, in document order.
struct FeedContent {
    var title: String?
    var items: [Item]
    /// Items beyond `ParseLimits.maxItems`, counted but not read.
    var truncatedItems: Int = 0
}

/// The text, trimmed, or nil when there is none.
func nonEmpty(_ text: String?) -> String? {
    guard let trimmed = text?.trimmingWhitespace(), !trimmed.isEmpty else { return nil }
    return trimmed
}
