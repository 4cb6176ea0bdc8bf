/// Sorts the events of an HTML document (element starts and ends, text) into what a reader
/// sees: body text, image alt texts and figure captions. Fed by the SAX parser for fragments
/// and by a tree walk for XHTML inside feeds, so both follow the same rules. One collector can
/// serve many fragments in turn: `takeResult` empties it and keeps its buffer.
final class VisibleTextCollector {
    private var body = TextBuilder()
    private var caption = TextBuilder()
    private var alts: [String] = []
    private var captions: [String] = []
    /// How many hidden elements (script, style...) enclose the current position.
    private var hiddenDepth = 0
    /// How many figcaption elements enclose the current position.
    private var captionDepth = 0

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

    /// An element starts; `alt` is asked for only when the element is a visible image.
    func start(_ name: UnsafePointer<UInt8>?, alt: () -> String?) {
        let key = ElementNameSet.key(name)
        if Self.hidden.contains(key) { hiddenDepth += 1 }
        guard hiddenDepth == 0 else { return }
        if key == Self.img, let text = alt().map(TextBuilder.singleLine), !text.isEmpty {
            alts.append(text)
        } else if key == Self.figcaption {
            captionDepth += 1
        } else if Self.blocks.contains(key) {
            lineBreak()
        }
    }

    /// An element ends.
    func end(_ name: UnsafePointer<UInt8>?) {
        let key = ElementNameSet.key(name)
        if Self.hidden.contains(key) {
            hiddenDepth = max(0, hiddenDepth - 1)
            return
        }
        guard hiddenDepth == 0 else { return }
        if key == Self.figcaption, captionDepth > 0 {
            captionDepth -= 1
            if captionDepth == 0 {
                let text = caption.finish()
                if !text.isEmpty { captions.append(text) }
                caption = TextBuilder()
            }
        } else if Self.blocks.contains(key) {
            lineBreak()
        }
    }

    /// Text between tags (entities already decoded), as UTF-8.
    func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard hiddenDepth == 0 else { return }
        if captionDepth > 0 { caption.append(bytes) } else { body.append(bytes) }
    }

    /// The texts collected, after which the collector is empty and ready for another fragment.
    func takeResult() -> HTMLText {
        let result = HTMLText(body: body.take(), imageAlts: alts, figcaptions: captions)
        caption = TextBuilder()
        alts = []
        captions = []
        hiddenDepth = 0
        captionDepth = 0
        return result
    }

    private func lineBreak() {
        if captionDepth > 0 { caption.lineBreak() } else { body.lineBreak() }
    }
}
