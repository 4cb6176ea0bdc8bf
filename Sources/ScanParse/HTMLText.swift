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
        guard markup.contains("<") || markup.contains("&") else {
            return HTMLText(body: TextBuilder.singleLine(markup), imageAlts: [], figcaptions: [])
        }
        // The fragment is a Swift string, hence UTF-8: saying so here overrides nothing.
        guard let tree = MarkupTree.parseHTML(Array(markup.utf8), url: nil, encoding: "UTF-8"),
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
    static let hidden: Set<String> = [
        "script", "style", "noscript", "template", "head", "title", "iframe", "object", "embed",
        "svg", "math", "select", "option", "button", "canvas", "audio", "video",
    ]
    /// Elements that start a new line.
    static let blocks: Set<String> = [
        "p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
        "blockquote", "pre", "table", "tr", "td", "th", "thead", "tbody", "tfoot", "caption",
        "section", "article", "header", "footer", "figure", "hr", "address", "nav", "aside",
        "main", "form", "fieldset", "legend", "details", "summary",
    ]

    mutating func collect(below root: xmlNodePtr) {
        TreeWalker.walk(below: root) { node in enter(node) } leave: { node in
            if node.pointee.type == XML_ELEMENT_NODE, Self.blocks.contains(Node(node).localName.lowercased()) {
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
        let name = element.localName.lowercased()
        if Self.hidden.contains(name) { return false }
        switch name {
        case "img":
            if let alt = element.attribute("alt").map(TextBuilder.singleLine), !alt.isEmpty { alts.append(alt) }
            return false
        case "figcaption":
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
