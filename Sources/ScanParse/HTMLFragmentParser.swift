import CLibXML2
import Glibc

/// Extracts the visible text of HTML fragments (descriptions, contents) with libxml2's HTML
/// parser in SAX mode: no tree is built, events go straight to a `VisibleTextCollector`.
///
/// One parser context serves every fragment of a document: setting up a context (its
/// dictionary, stacks and buffers) costs more than parsing a short fragment. Not Sendable: use
/// one per document, on one thread.
final class HTMLFragmentParser {
    private static let options = Int32(
        HTML_PARSE_NONET.rawValue | HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue)
    private var context: htmlParserCtxtPtr?
    /// Receives the events of each fragment in turn (its buffer is reused).
    private let collector = VisibleTextCollector()

    init() {}

    deinit {
        if let context { htmlFreeParserCtxt(context) }
    }

    /// The visible texts of an HTML fragment given as UTF-8 bytes.
    func extract(_ markup: [UInt8]) -> HTMLText {
        MarkupTree.sanitised(markup).withUnsafeBufferPointer(extract(buffer:))
    }

    /// The visible texts of the HTML an element holds as text (escaped, or in CDATA), read in
    /// place when it is one text node.
    func extract(textOf element: Node) -> HTMLText {
        element.withTextBytes(extract(buffer:))
    }

    /// `extract` of UTF-8 bytes without NULs.
    private func extract(buffer markup: UnsafeBufferPointer<UInt8>) -> HTMLText {
        guard let base = markup.baseAddress,
            memchr(base, Int32(UInt8(ascii: "<")), markup.count) != nil || memchr(base, Int32(UInt8(ascii: "&")), markup.count) != nil
        else {
            return HTMLText(body: TextBuilder.singleLine(markup), imageAlts: [], figcaptions: [])
        }
        guard markup.count < Int32.max, let context = reusableContext() else { return HTMLText(body: "", imageAlts: [], figcaptions: []) }
        ss_xml_silence_thread()
        // The collector lives as long as this parser, hence through the parse.
        context.pointee.userData = Unmanaged.passUnretained(collector).toOpaque()
        defer { context.pointee.userData = nil }
        // A fresh push parser for this fragment, in the context's memory: the reset leaves the
        // SAX callbacks alone and reads UTF-8 (the feed's parser decoded the fragment), but it
        // is the XML parser's reset, so the context is marked as HTML again.
        _ = xmlCtxtResetPush(context, nil, 0, nil, nil)
        context.pointee.html = 1
        _ = htmlCtxtUseOptions(context, Self.options)
        markup.withMemoryRebound(to: CChar.self) { chars in
            _ = htmlParseChunk(context, chars.baseAddress, Int32(chars.count), 1)
        }
        if let document = context.pointee.myDoc {  // never made: the SAX handler builds no tree
            xmlFreeDoc(document)
            context.pointee.myDoc = nil
        }
        return collector.takeResult()
    }

    /// The context, made on first use with the SAX callbacks (libxml2 copies the handler).
    private func reusableContext() -> htmlParserCtxtPtr? {
        if let context { return context }
        var handler = Self.makeHandler()
        context = htmlCreatePushParserCtxt(&handler, nil, nil, 0, nil, XML_CHAR_ENCODING_UTF8)
        return context
    }

    /// `extract` of a string.
    func extract(_ markup: String) -> HTMLText {
        extract(Array(markup.utf8))
    }

    /// The SAX callbacks (a C struct of function pointers; made per parse, it is not Sendable).
    private static func makeHandler() -> htmlSAXHandler {
        var handler = htmlSAXHandler()
        handler.startElement = saxStartElement
        handler.endElement = saxEndElement
        handler.characters = saxCharacters
        handler.ignorableWhitespace = saxCharacters
        handler.cdataBlock = saxCharacters
        return handler
    }
}

// libxml2 calls these on the parsing thread with the collector as context. They are global
// functions on purpose: a closure could be inferred to an actor and trap when called from C.

private func collector(_ context: UnsafeMutableRawPointer?) -> VisibleTextCollector? {
    context.map { Unmanaged<VisibleTextCollector>.fromOpaque($0).takeUnretainedValue() }
}

private func saxStartElement(
    _ context: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?,
    _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
) {
    collector(context)?.start(name) {
        // Attributes come as a NULL-terminated list of name, value pairs.
        guard let attributes else { return nil }
        var index = 0
        while let attributeName = attributes[index] {
            if strcmp(UnsafeRawPointer(attributeName).assumingMemoryBound(to: CChar.self), "alt") == 0 {
                return attributes[index + 1].map { String(cString: $0) }
            }
            index += 2
        }
        return nil
    }
}

private func saxEndElement(_ context: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?) {
    collector(context)?.end(name)
}

private func saxCharacters(_ context: UnsafeMutableRawPointer?, _ characters: UnsafePointer<xmlChar>?, _ length: Int32) {
    guard let characters, length > 0 else { return }
    collector(context)?.text(UnsafeBufferPointer(start: characters, count: Int(length)))
}
