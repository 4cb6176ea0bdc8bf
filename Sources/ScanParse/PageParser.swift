import ScanCore

/// Reads one HTML page as one item: canonical URL, title, meta description, OpenGraph and
/// Twitter-card texts, JSON-LD texts, the visible text, every image's alt and title and every
/// figure caption, and the page's links.
struct PageParser {
    /// The page's own URL (nil for local files).
    let documentURL: String?
    /// The target as named (the file path for local files).
    let source: String

    func parse(root: Node) -> Item {
        let head = HeadReader(root: root)
        let base = head.baseHref.map { URLResolver.resolve($0, against: [documentURL]) } ?? documentURL
        let canonical = head.canonical.map { URLResolver.resolve($0, against: [base]) }
        let url = canonical ?? documentURL ?? source
        var jsonLD = JSONLDReader()
        head.jsonLD.forEach { jsonLD.read($0) }

        var fields = FieldCollector()
        let title = head.title ?? head.meta["og:title"]
        fields.add(.title, plain: title)
        fields.add(.metaDescription, plain: head.meta["description"])
        for key in ["og:title", "og:description", "og:image:alt", "twitter:title", "twitter:description", "twitter:image:alt"] {
            fields.add(.og, plain: head.meta[key])
        }
        jsonLD.texts.forEach { fields.add(.jsonLD, plain: $0) }
        let body = root.descendants("body", in: nil).first ?? root
        var visible = HTMLText.extract(below: body.pointer)
        visible.imageAlts += root.descendants("img", in: nil).compactMap { $0.attribute("title").map(TextBuilder.singleLine) }.filter { !$0.isEmpty }
        fields.add(.text, html: visible)

        let published = head.meta["article:published_time"] ?? jsonLD.published
        let image = head.meta["og:image"].map { Media(url: URLResolver.resolve($0, against: [base]), type: "image", description: head.meta["og:image:alt"]) }
        return Item(
            id: url, url: url, title: title.map(TextBuilder.singleLine), published: published.map(DateParser.parse),
            author: head.meta["author"] ?? jsonLD.author, fields: fields.fields, media: image.map { [$0] } ?? [],
            links: links(below: body, base: base))
    }

    /// Absolute http(s) links, in order, without repeats.
    private func links(below body: Node, base: String?) -> [String] {
        var seen: Set<String> = []
        var result: [String] = []
        for anchor in body.descendants("a", in: nil) {
            guard let href = anchor.attribute("href") else { continue }
            let link = URLResolver.resolve(href, against: [base])
            let lower = link.lowercased()
            guard lower.hasPrefix("http://") || lower.hasPrefix("https://"), seen.insert(link).inserted else { continue }
            result.append(link)
        }
        return result
    }
}

/// What a page's `<head>` says: title, meta names and properties, canonical and base links,
/// JSON-LD blocks (read wherever they are, as pages put them in the body too).
struct HeadReader {
    var title: String?
    /// `name` or `property` (lower-cased) to `content`; the first one wins.
    var meta: [String: String] = [:]
    var canonical: String?
    var baseHref: String?
    var jsonLD: [String] = []

    init(root: Node) {
        title = root.descendants("title", in: nil).first.map { TextBuilder.singleLine($0.text) }.flatMap { $0.isEmpty ? nil : $0 }
        for element in root.descendants("meta", in: nil) {
            guard let key = (element.attribute("property") ?? element.attribute("name"))?.lowercased(),
                let content = element.attribute("content"), meta[key] == nil
            else { continue }
            meta[key] = content
        }
        for link in root.descendants("link", in: nil) {
            let relations = (link.attribute("rel") ?? "").lowercased().split(separator: " ")
            if relations.contains("canonical"), canonical == nil { canonical = nonEmpty(link.attribute("href")) }
        }
        baseHref = root.descendants("base", in: nil).first.flatMap { nonEmpty($0.attribute("href")) }
        jsonLD = root.descendants("script", in: nil)
            .filter { ($0.attribute("type") ?? "").lowercased().contains("ld+json") }
            .map(\.text)
    }
}
