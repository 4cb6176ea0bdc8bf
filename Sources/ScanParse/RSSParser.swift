import ScanCore

/// Reads RSS 2.0 (`<rss><channel><item>`) with `content:encoded` and Dublin Core.
struct RSSParser {
    /// The document's own URL (nil for local files), the last base for relative links.
    let documentURL: String?

    func parse(root: Node) -> (title: String?, items: [Item]) {
        guard let channel = root.element("channel", in: nil) else { return (nil, []) }
        let title = channel.element("title", in: nil).map { TextBuilder.singleLine($0.text) }
        let channelLink = channel.element("link", in: nil)?.text
        // Items are searched anywhere below the root: a broken item can swallow its successors
        // when libxml2 recovers, and they must not be lost.
        let items = root.descendants("item", in: nil).map { item(from: $0, channelLink: channelLink) }
        return (title, items)
    }

    private func item(from element: Node, channelLink: String?) -> Item {
        let bases = [element.baseURI, channelLink, documentURL]
        let guid = element.element("guid", in: nil)
        let guidText = guid.map { $0.text.trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 }
        let guidIsLink = guid?.attribute("isPermaLink").map { $0.lowercased() != "false" } ?? true
        var link = element.element("link", in: nil).map { URLResolver.resolve($0.text, against: bases) }
        if link?.isEmpty ?? true, guidIsLink, let guidText { link = URLResolver.resolve(guidText, against: bases) }
        let title = element.element("title", in: nil).map { HTMLText.extract(fromMarkup: $0.text).body }
        let content = element.element("encoded", in: Namespace.content).map { HTMLText.extract(fromMarkup: $0.text) }
        let description = element.element("description", in: nil).map { HTMLText.extract(fromMarkup: $0.text) }

        var fields = FieldCollector()
        fields.add(.title, plain: title)
        fields.add(content == nil ? .content : .summary, html: description)
        fields.add(.content, html: content)
        let date = (element.element("pubDate", in: nil) ?? element.element("date", in: Namespace.dublinCore))
        let author = element.element("author", in: nil) ?? element.element("creator", in: Namespace.dublinCore)
        let id = guidText ?? link.flatMap { $0.isEmpty ? nil : $0 }
            ?? Fingerprint.contentID([title ?? ""] + fields.fields.map(\.text))
        return Item(
            id: id, url: link.flatMap { $0.isEmpty ? nil : $0 }, title: title,
            published: date.map { DateParser.parse($0.text) }, updated: nil,
            author: author.map { TextBuilder.singleLine($0.text) }, fields: fields.fields)
    }
}
