import ScanCore

/// Reads Atom 1.0 and Atom 0.3 (`<feed><entry>`), with text constructs of every type and mode,
/// `xml:base`, `rights`, and Media RSS inside entries (YouTube's `media:group`).
struct AtomParser {
    /// The document's own URL (nil for local files), the last base for relative links.
    let documentURL: String?
    /// `Namespace.atom` (1.0) or `Namespace.atom03` (0.3).
    let namespace: String
    let limits: ParseLimits
    let html: HTMLFragmentParser

    private var isLegacy: Bool { namespace == Namespace.atom03 }

    func parse(root: Node) -> FeedContent {
        let title = root.element("title", in: namespace).map { TextBuilder.singleLine(textConstruct($0).body) }
        let feedLink = alternateLink(of: root, bases: [root.baseURI, documentURL])
        let entries = root.descendants("entry", in: namespace)
        let items = entries.prefix(limits.maxItems).map { item(from: $0, feedLink: feedLink) }
        return FeedContent(title: title, items: items, truncatedItems: max(0, entries.count - limits.maxItems))
    }

    private func item(from entry: Node, feedLink: String?) -> Item {
        let bases = [entry.baseURI, feedLink, documentURL]
        let link = alternateLink(of: entry, bases: bases)
        let title = entry.element("title", in: namespace).map { TextBuilder.singleLine(textConstruct($0).body) }
        var fields = FieldCollector()
        fields.add(.title, plain: title)
        fields.add(.summary, html: entry.element("summary", in: namespace).map(textConstruct))
        if let content = entry.element("content", in: namespace), content.attribute("src") == nil {
            fields.add(.content, html: textConstruct(content))
        }
        let media = MediaCollector(bases: bases, html: html).collect(from: entry, into: &fields)
        let rights = entry.element(isLegacy ? "copyright" : "rights", in: namespace)
        fields.add(.rights, html: rights.map(textConstruct))
        let id = nonEmpty(entry.element("id", in: namespace)?.text) ?? link
            ?? Fingerprint.contentID([title ?? ""] + fields.fields.map(\.text))
        let author = entry.element("author", in: namespace)?.element("name", in: namespace)
        return Item(
            id: id, url: link, title: title,
            published: date(entry, isLegacy ? ["issued", "created"] : ["published"]),
            updated: date(entry, isLegacy ? ["modified"] : ["updated"]),
            author: author.map { TextBuilder.singleLine($0.text) }, fields: fields.fields, media: media)
    }

    private func date(_ entry: Node, _ names: [String]) -> ItemDate? {
        names.lazy.compactMap { entry.element($0, in: namespace) }.first.map { DateParser.parse($0.text) }
    }

    /// The `rel="alternate"` link (or one with no rel), resolved.
    private func alternateLink(of element: Node, bases: [String?]) -> String? {
        let links = element.elements("link", in: namespace)
        let chosen = links.first { ($0.attribute("rel") ?? "alternate") == "alternate" }
        guard let href = nonEmpty(chosen?.attribute("href")) else { return nil }
        return URLResolver.resolve(href, against: bases)
    }

    /// The texts of a text construct. Atom 1.0 says `type` text, html or xhtml (or a MIME type
    /// for content); Atom 0.3 says a MIME type plus `mode` xml, escaped or base64.
    private func textConstruct(_ element: Node) -> HTMLText {
        let type = element.attribute("type")?.lowercased() ?? "text"
        let mode = element.attribute("mode")?.lowercased() ?? "xml"
        let isHTML = type == "html" || type == "text/html"
        let isXHTML = type == "xhtml" || type == "application/xhtml+xml"
        if mode == "base64" || !(isHTML || isXHTML || type == "text" || type.hasPrefix("text/")) {
            return HTMLText(body: "", imageAlts: [], figcaptions: [])
        }
        if isXHTML || (isLegacy && isHTML && mode == "xml" && !element.elements.isEmpty) {
            return HTMLText.extract(below: element.pointer)
        }
        if isHTML { return html.extract(element.textBytes) }
        return HTMLText(body: TextBuilder.singleLine(element.text), imageAlts: [], figcaptions: [])
    }
}
