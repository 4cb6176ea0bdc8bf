import ScanCore

/// Reads the RSS family: 0.91, 0.92 and 2.0 (elements in no namespace) and the RDF-based 0.90
/// and 1.0 (elements in their namespace, items beside the channel), with `content:encoded`,
/// Dublin Core, Media RSS and enclosures.
struct RSSParser {
    /// The document's own URL (nil for local files), the last base for relative links.
    let documentURL: String?
    /// The namespaces the core elements may be in: `[nil]` for 0.9x/2.0; RSS 1.0's and 0.90's
    /// for RDF, where the first channel or item decides.
    let namespaces: [String?]
    let limits: ParseLimits
    let html: HTMLFragmentParser

    /// What a streamed read found, and the namespace of its core elements.
    struct Outcome {
        var content: FeedContent
        var namespace: String?
        /// The channel's link, when it came only after items that were read without it: read
        /// again with it known (`knownLink`).
        var lateLink: String?
    }

    /// Reads the feed whose root element `stream` is on. Items are searched anywhere below the
    /// root: RSS 1.0 puts them beside the channel, and a broken item can swallow its successors
    /// when libxml2 recovers; none may be lost.
    func parse(_ stream: some ElementStream, root: Node, knownLink: String? = nil) -> Outcome {
        var reader = Reader(parser: self, link: knownLink)
        var next: Node? = root
        while let element = next {
            reader.visit(element, in: stream)
            next = stream.nextElement()
        }
        let late = knownLink == nil && reader.readWithoutLink ? reader.link : nil
        return Outcome(
            content: FeedContent(title: reader.title, items: reader.items.items, truncatedItems: reader.items.skipped),
            namespace: reader.namespace ?? namespaces.first ?? nil, lateLink: late)
    }

    /// The state of one streamed read.
    private struct Reader {
        let parser: RSSParser
        var link: String?
        var title: String?
        var namespace: String??
        var channelDepth: Int?
        /// True once an element at the channel's depth or above follows it (RSS 1.0 puts
        /// `image` and `textinput` beside the channel: their titles are not the channel's).
        var channelClosed = false
        var items: ItemCollector
        var readWithoutLink = false

        init(parser: RSSParser, link: String?) {
            self.parser = parser
            self.link = link
            items = ItemCollector(limit: parser.limits.maxItems)
            if parser.namespaces.count == 1 { namespace = .some(parser.namespaces[0]) }
        }

        mutating func visit(_ element: Node, in stream: some ElementStream) {
            if let channelDepth, stream.depth <= channelDepth { channelClosed = true }
            if channelDepth == nil, isCore(element, "channel") {
                channelDepth = stream.depth
            } else if let channelDepth, !channelClosed, stream.depth == channelDepth + 1,
                isCore(element, "title") || isCore(element, "link")
            {
                readChannelChild(element, in: stream)
            } else if isCore(element, "item") {
                if link == nil { readWithoutLink = true }
                let namespace = self.namespace ?? nil
                let reader = RSSItemReader(documentURL: parser.documentURL, namespace: namespace, html: parser.html)
                items.take(from: stream, nested: { $0.descendants("item", in: namespace) }) { [link] in
                    reader.item(from: $0, channelLink: link)
                }
            }
        }

        /// The channel's first title and first link. The stream then goes on *into* the element:
        /// recovery from broken markup (an unclosed tag in the title) can nest the items there.
        private mutating func readChannelChild(_ element: Node, in stream: some ElementStream) {
            let isTitle = isCore(element, "title")
            guard isTitle ? title == nil : link == nil, let node = stream.expand() else { return }
            if isTitle { title = TextBuilder.singleLine(node.text) } else { link = node.text }
        }

        /// Whether `element` is the core element `name`; the first channel or item fixes the
        /// namespace for an RDF document.
        private mutating func isCore(_ element: Node, _ name: String) -> Bool {
            if let namespace { return element.is(name, in: namespace) }
            guard element.is(name, inAny: parser.namespaces) else { return false }
            if name == "channel" || name == "item" { namespace = .some(element.namespaceURI) }
            return true
        }
    }

}

/// Reads one RSS item (expanded into a small tree) into an `Item`.
struct RSSItemReader {
    let documentURL: String?
    /// The namespace of the core elements (nil for 0.9x/2.0).
    let namespace: String?
    let html: HTMLFragmentParser

    private func child(_ element: Node, _ name: String) -> Node? {
        element.element(name, in: namespace)
    }

    func item(from element: Node, channelLink: String?) -> Item {
        let bases = { [element.baseURI, channelLink, documentURL] }
        let title = child(element, "title").map { html.extract(textOf: $0).body }
        var fields = FieldCollector()
        fields.add(.title, plain: title)
        let content = element.element("encoded", in: Namespace.content).map { html.extract(textOf: $0) }
        fields.add(content == nil ? .content : .summary, html: child(element, "description").map { html.extract(textOf: $0) })
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
    private func identity(of element: Node, bases: () -> [String?], fallback: @autoclosure () -> [String]) -> (String, String?) {
        let guid = child(element, "guid")
        let guidText = nonEmpty(guid?.text) ?? nonEmpty(element.attribute("about", in: Namespace.rdf))
        let guidIsLink = guid?.attribute("isPermaLink").map { $0.lowercased() != "false" } ?? (guid != nil)
        var link = nonEmpty(child(element, "link")?.text).map { URLResolver.resolve($0, against: bases()) }
        if link == nil, guidIsLink, let guidText { link = URLResolver.resolve(guidText, against: bases()) }
        return (guidText ?? link ?? Fingerprint.contentID(fallback()), link)
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
