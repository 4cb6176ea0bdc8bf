import ScanCore

/// Reads Media RSS (`media:content`, `media:group`, item-level `media:*`) and RSS enclosures of
/// one item or entry: their texts become fields, their objects become `Media`.
struct MediaCollector {
    /// Bases for resolving relative media URLs.
    let bases: () -> [String?]
    let html: HTMLFragmentParser

    /// The item's media, in document order; texts are added to `fields`.
    func collect(from item: Node, into fields: inout FieldCollector) -> [Media] {
        var media: [Media] = []
        let itemTexts = texts(of: item)
        itemTexts.addFields(to: &fields)
        item.forEachElement { child in
            if child.is("content", inAny: Namespace.media) {
                media.append(object(child, inherited: itemTexts, fields: &fields))
            } else if child.is("group", inAny: Namespace.media) {
                let groupTexts = texts(of: child).merged(over: itemTexts)
                groupTexts.addFields(to: &fields)
                let contents = child.elements("content", inAny: Namespace.media)
                media += contents.map { object($0, inherited: groupTexts, fields: &fields) }
                if contents.isEmpty { media.append(groupTexts.media(url: nil, type: nil)) }
            } else if child.is("enclosure", in: nil), let url = child.attribute("url") {
                media.append(itemTexts.media(url: URLResolver.resolve(url, against: bases()), type: child.attribute("type")))
            }
        }
        if media.isEmpty, itemTexts.thumbnail != nil { media.append(itemTexts.media(url: nil, type: nil)) }
        return media
    }

    private func object(_ content: Node, inherited: MediaTexts, fields: inout FieldCollector) -> Media {
        let own = texts(of: content)
        own.addFields(to: &fields)
        let url = content.attribute("url").map { URLResolver.resolve($0, against: bases()) }
        return own.merged(over: inherited).media(url: url, type: content.attribute("type") ?? content.attribute("medium"))
    }

    /// The `media:*` texts directly inside `element`.
    private func texts(of element: Node) -> MediaTexts {
        func text(_ name: String) -> String? {
            guard let node = element.element(name, inAny: Namespace.media) else { return nil }
            let value = node.attribute("type") == "html"
                ? html.extract(textOf: node).body : node.withTextBytes(TextBuilder.lines)
            return value.isEmpty ? nil : value
        }
        let thumbnail = element.element("thumbnail", inAny: Namespace.media)?.attribute("url")
        return MediaTexts(
            title: text("title"), description: text("description"), credit: text("credit"),
            copyright: text("copyright"), thumbnail: thumbnail.map { URLResolver.resolve($0, against: bases()) })
    }
}

/// The texts Media RSS can give at item, group or content level.
struct MediaTexts {
    var title: String?
    var description: String?
    var credit: String?
    var copyright: String?
    var thumbnail: String?

    /// These texts, falling back to `outer`'s where this level has none.
    func merged(over outer: MediaTexts) -> MediaTexts {
        MediaTexts(
            title: title ?? outer.title, description: description ?? outer.description,
            credit: credit ?? outer.credit, copyright: copyright ?? outer.copyright,
            thumbnail: thumbnail ?? outer.thumbnail)
    }

    func addFields(to fields: inout FieldCollector) {
        fields.add(.mediaTitle, folded: title)
        fields.add(.mediaDescription, folded: description)
        fields.add(.mediaCredit, plain: credit)
        fields.add(.mediaCopyright, plain: copyright)
    }

    func media(url: String?, type: String?) -> Media {
        Media(url: url, type: type, title: title, description: description, credit: credit,
              copyright: copyright, thumbnail: thumbnail)
    }
}
