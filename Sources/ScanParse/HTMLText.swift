import CLibXML2

/// The texts a reader sees in a piece of HTML: the body text, and image alt texts and figure
/// captions as their own texts (each text appears once: a caption is not repeated in the body).
public struct HTMLText: Sendable, Equatable {
    /// Visible text, one line per block element.
    public var body: String
    /// Non-empty `alt` attributes of images, in document order.
    public var imageAlts: [String]
    /// Figure captions, in document order.
    public var figcaptions: [String]

    /// Extracts the visible texts of an HTML fragment (a feed's description or content).
    public static func extract(fromMarkup markup: String) -> HTMLText {
        extract(markup: Array(markup.utf8))
    }

    /// Extracts the visible texts of an HTML fragment given as UTF-8 bytes.
    static func extract(markup: [UInt8]) -> HTMLText {
        guard markup.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") }) else {
            return HTMLText(body: markup.withUnsafeBufferPointer(TextBuilder.singleLine), imageAlts: [], figcaptions: [])
        }
        // The fragment was decoded by the feed's parser, hence UTF-8: saying so overrides nothing.
        guard let tree = MarkupTree.parseHTML(markup, url: nil, encoding: "UTF-8"),
            let root = tree.root
        else {
            return HTMLText(body: "", imageAlts: [], figcaptions: [])
        }
        return withExtendedLifetime(tree) { extract(below: root.pointer) }
    }

    /// Extracts the visible texts below `node` (an HTML tree, or XHTML inside a feed).
    static func extract(below node: xmlNodePtr) -> HTMLText {
        var collector = VisibleTextCollector()
        collector.collect(below: node)
        return HTMLText(body: collector.body.finish(), imageAlts: collector.alts, figcaptions: collector.captions)
    }
}

/// Walks a tree once, sorting its text into body, alt texts and captions.
struct VisibleTextCollector {
    var body = TextBuilder()
    var alts: [String] = []
    var captions: [String] = []

    /// Elements whose content a reader never sees as text.
    static let hidden = ElementNameSet([
        "script", "style", "noscript", "template", "head", "title", "iframe", "object", "embed",
        "svg", "math", "select", "option", "button", "canvas", "audio", "video",
    ])
    /// Elements that start a new line.
    static let blocks = ElementNameSet([
        "p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
        "blockquote", "pre", "table", "tr", "td", "th", "thead", "tbody", "tfoot", "caption",
        "section", "article", "header", "footer", "figure", "hr", "address", "nav", "aside",
        "main", "form", "fieldset", "legend", "details", "summary",
    ])
    private static let img = ElementNameSet.key("img")
    private static let figcaption = ElementNameSet.key("figcaption")

    mutating func collect(below root: xmlNodePtr) {
        TreeWalker.walk(below: root) { node in enter(node) } leave: { node in
            if node.pointee.type == XML_ELEMENT_NODE, Self.blocks.contains(ElementNameSet.key(node.pointee.name)) {
                body.lineBreak()
            }
        }
    }

    private mutating func enter(_ node: xmlNodePtr) -> Bool {
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            if let content = node.pointee.content { body.append(cString: content) }
            return false
        case XML_ELEMENT_NODE:
            return enterElement(Node(node))
        default:
            return false
        }
    }

    private mutating func enterElement(_ element: Node) -> Bool {
        let name = ElementNameSet.key(element.pointer.pointee.name)
        if Self.hidden.contains(name) { return false }
        switch name {
        case Self.img:
            if let alt = element.attribute("alt").map(TextBuilder.singleLine), !alt.isEmpty { alts.append(alt) }
            return false
        case Self.figcaption:
            var inner = VisibleTextCollector()
            inner.collect(below: element.pointer)
            let caption = inner.body.finish()
            if !caption.isEmpty { captions.append(caption) }
            alts += inner.alts
            return false
        default:
            if Self.blocks.contains(name) { body.lineBreak() }
            return true
        }
    }
}

/// A set of element names looked up without allocating: each name is packed, lower-cased, into
/// a 64-bit key (its first seven bytes and its length), unique for the names HTML uses.
struct ElementNameSet: Sendable {
    private let keys: Set<UInt64>

    init(_ names: [String]) {
        keys = Set(names.map { Self.key($0) })
    }

    func contains(_ key: UInt64) -> Bool { keys.contains(key) }

    static func key(_ name: String) -> UInt64 {
        var copy = name
        return copy.withUTF8 { key(bytes: $0) }
    }

    static func key(_ name: UnsafePointer<UInt8>?) -> UInt64 {
        guard let name else { return 0 }
        var length = 0
        while name[length] != 0 && length < 255 { length += 1 }
        return key(bytes: UnsafeBufferPointer(start: name, count: length))
    }

    private static func key(bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var key = UInt64(min(bytes.count, 255)) << 56
        for index in 0..<min(bytes.count, 7) {
            var byte = bytes[index]
            if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
            key |= UInt64(byte) << (UInt64(index) * 8)
        }
        return key
    }
}
