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

    /// What a streamed read found.
    struct Outcome {
        var content: FeedContent
        /// The feed's link, when it came only after entries that were read without it: read
        /// again with it known (`knownLink`).
        var lateLink: String?
    }

    /// Reads the feed whose root element `stream` is on, one entry at a time. Entries are
    /// searched anywhere below the root, as recovery from broken markup can nest them.
    func parse(_ stream: some ElementStream, root: Node, knownLink: String? = nil) -> Outcome {
        let feedBase = root.baseURI
        var title: String?
        var feedLink = knownLink
        var sawAlternate = knownLink != nil
        var readWithoutLink = false
        var entries = ItemCollector(limit: limits.maxItems)
        var next = stream.nextElement()
        while let element = next {
            if stream.depth == 1, title == nil, element.is("title", in: namespace), let node = stream.expand() {
                // Not skipped: recovery from broken markup can nest the entries inside the title.
                title = TextBuilder.singleLine(textConstruct(node).body)
            } else if stream.depth == 1, !sawAlternate, element.is("link", in: namespace), Self.isAlternate(element) {
                // The first alternate link decides, as a reader would take it.
                sawAlternate = true
                feedLink = nonEmpty(element.attribute("href")).map { URLResolver.resolve($0, against: [feedBase, documentURL]) }
            } else if element.is("entry", in: namespace) {
                if feedLink == nil { readWithoutLink = true }
                entries.take(from: stream, nested: { $0.descendants("entry", in: namespace) }) { [feedLink] in
                    item(from: $0, feedLink: feedLink)
                }
            }
            next = stream.nextElement()
        }
        let content = FeedContent(title: title, items: entries.items, truncatedItems: entries.skipped)
        return Outcome(content: content, lateLink: knownLink == nil && readWithoutLink ? feedLink : nil)
    }

    private func item(from entry: Node, feedLink: String?) -> Item {
        let bases = { [entry.baseURI, feedLink, documentURL] }
        let link = alternateLink(of: entry, bases: bases)
        let title = entry.element("title", in: namespace).map { TextBuilder.singleLine(textConstruct($0).body) }
        var fields = FieldCollector()
        fields.add(.title, folded: title)
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

    private static func isAlternate(_ link: Node) -> Bool {
        (link.attribute("rel") ?? "alternate") == "alternate"
    }

    /// The `rel="alternate"` link (or one with no rel), resolved.
    private func alternateLink(of element: Node, bases: () -> [String?]) -> String? {
        let chosen = element.elements("link", in: namespace).first(where: Self.isAlternate)
        guard let href = nonEmpty(chosen?.attribute("href")) else { return nil }
        return URLResolver.resolve(href, against: bases())
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
        if isHTML { return html.extract(textOf: element) }
        return HTMLText(body: TextBuilder.singleLine(element.text), imageAlts: [], figcaptions: [])
    }
}
