import CLibXML2
import Glibc

/// Owns one libxml2 document tree parsed from untrusted bytes. Not Sendable: parse and read it
/// on one task, then let it go.
///
/// Parsing never touches the network, never loads a DTD and never substitutes entities; text is
/// read with `Node`'s own walk, which skips entity references (see docs/architecture.md).
final class MarkupTree {
    let document: xmlDocPtr
    /// False when the parser had to recover from broken markup.
    let wellFormed: Bool

    private init(document: xmlDocPtr, wellFormed: Bool) {
        self.document = document
        self.wellFormed = wellFormed
    }

    deinit {
        xmlFreeDoc(document)
    }

    /// The root element, or nil for input with no markup at all.
    var root: Node? {
        xmlDocGetRootElement(document).map(Node.init)
    }

    /// The encoding the document declared, if any.
    var declaredEncoding: String? {
        document.pointee.encoding.map { String(cString: $0) }
    }

    var declaresEntities: Bool {
        ss_xml_declares_entities(document) != 0
    }

    private static let xmlOptions = Int32(
        XML_PARSE_NONET.rawValue | XML_PARSE_RECOVER.rawValue | XML_PARSE_NOERROR.rawValue
            | XML_PARSE_NOWARNING.rawValue | XML_PARSE_COMPACT.rawValue)
    /// Parses XML; `encoding` is the HTTP charset (nil lets the document say). Nil on no document.
    static func parseXML(_ bytes: [UInt8], url: String?, encoding: String?) -> MarkupTree? {
        parse(bytes, makeContext: xmlNewParserCtxt, freeContext: xmlFreeParserCtxt) { context, chars, count in
            xmlCtxtReadMemory(context, chars, count, url, encoding, xmlOptions)
        }
    }

    private static let htmlOptions = Int32(
        HTML_PARSE_NONET.rawValue | HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_COMPACT.rawValue)

    /// Parses a whole HTML page; `encoding` nil lets the page's BOM or `<meta charset>` decide
    /// (never force UTF-8 over a declared charset: it garbles text).
    static func parseHTML(_ bytes: [UInt8], url: String?, encoding: String?) -> MarkupTree? {
        parse(bytes, makeContext: htmlNewParserCtxt, freeContext: htmlFreeParserCtxt) { context, chars, count in
            htmlCtxtReadMemory(context, chars, count, url, encoding, htmlOptions)
        }
    }

    /// Reads `bytes` (NULs removed) with a parser context of its own; nil on no document.
    private static func parse(
        _ bytes: [UInt8], makeContext: () -> xmlParserCtxtPtr?, freeContext: (xmlParserCtxtPtr) -> Void,
        read: (xmlParserCtxtPtr, UnsafePointer<CChar>?, Int32) -> xmlDocPtr?
    ) -> MarkupTree? {
        ss_xml_silence_thread()
        guard let context = makeContext() else { return nil }
        defer { freeContext(context) }
        let input = sanitised(bytes)
        guard input.count < Int32.max else { return nil }
        let document = input.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in read(context, chars.baseAddress, Int32(chars.count)) }
        }
        guard let document else { return nil }
        return MarkupTree(document: document, wellFormed: context.pointee.wellFormed != 0)
    }

    /// The bytes without NULs, which would silently truncate the document in libxml2. UTF-16
    /// input (where NUL bytes are part of the characters) is left alone.
    static func sanitised(_ bytes: [UInt8]) -> [UInt8] {
        let hasNUL = bytes.withUnsafeBytes { raw in raw.baseAddress.map { memchr($0, 0, raw.count) != nil } ?? false }
        guard hasNUL, !looksLikeUTF16(bytes) else { return bytes }
        return bytes.filter { $0 != 0 }
    }

    static func looksLikeUTF16(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 2 else { return false }
        let (a, b) = (bytes[0], bytes[1])
        return (a == 0xFF && b == 0xFE) || (a == 0xFE && b == 0xFF) || (a == 0x3C && b == 0) || (a == 0 && b == 0x3C)
    }
}
