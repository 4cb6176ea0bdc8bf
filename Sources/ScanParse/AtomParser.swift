import ScanCore

/// Reads Atom 1.0 (`<feed><entry>`), with text constructs of type text, html and xhtml.
struct AtomParser {
    /// The document's own URL (nil for local files), the last base for relative links.
    let documentURL: String?

    func parse(root: Node) -> (title: String?, items: [Item]) {
        let title = root.element("title", in: Namespace.atom).map { textConstruct($0).body }
        let feedLink = alternateLink(of: root, bases: [root.baseURI, documentURL])
        let items = root.elements("entry", in: Namespace.atom).map { item(from: $0, feedLink: feedLink) }
        return (title, items)
    }

    private func item(from entry: Node, feedLink: String?) -> Item {
        let link = alternateLink(of: entry, bases: [entry.baseURI, feedLink, documentURL])
        let title = entry.element("title", in: Namespace.atom).map { textConstruct($0).body }
        var fields = FieldCollector()
        fields.add(.title, plain: title)
        fields.add(.summary, html: entry.element("summary", in: Namespace.atom).map(textConstruct))
        if let content = entry.element("content", in: Namespace.atom), content.attribute("src") == nil {
            fields.add(.content, html: textConstruct(content))
        }
        let idText = entry.element("id", in: Namespace.atom)?.text.trimmingWhitespace()
        let id = idText.flatMap { $0.isEmpty ? nil : $0 } ?? link
            ?? Fingerprint.contentID([title ?? ""] + fields.fields.map(\.text))
        let author = entry.element("author", in: Namespace.atom)?.element("name", in: Namespace.atom)
        return Item(
            id: id, url: link, title: title,
            published: date(entry, "published"), updated: date(entry, "updated"),
            author: author.map { TextBuilder.singleLine($0.text) }, fields: fields.fields)
    }

    private func date(_ entry: Node, _ name: String) -> ItemDate? {
        entry.element(name, in: Namespace.atom).map { DateParser.parse($0.text) }
    }

    /// The `rel="alternate"` link (or one with no rel), resolved.
    private func alternateLink(of element: Node, bases: [String?]) -> String? {
        let links = element.elements("link", in: Namespace.atom)
        let chosen = links.first { ($0.attribute("rel") ?? "alternate") == "alternate" }
        guard let href = chosen?.attribute("href"), !href.trimmingWhitespace().isEmpty else { return nil }
        return URLResolver.resolve(href, against: bases)
    }

    /// The texts of an Atom text construct, by its `type` (text, html or xhtml).
    private func textConstruct(_ element: Node) -> HTMLText {
        switch element.attribute("type")?.lowercased() {
        case "html", "text/html":
            return HTMLText.extract(fromMarkup: element.text)
        case "xhtml", "application/xhtml+xml":
            return HTMLText.extract(below: element.pointer)
        default:
            return HTMLText(body: TextBuilder.singleLine(element.text), imageAlts: [], figcaptions: [])
        }
    }
}
