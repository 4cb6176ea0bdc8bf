import CLibXML2
import Glibc

/// Reads an XML document as a stream of elements with libxml2's `xmlTextReader`: only the
/// element being looked at (and, once expanded, its subtree) is in memory, and the reader frees
/// what it has passed. Feeds are read this way one item at a time, so memory is bounded by the
/// largest item rather than the document, and no whole-document tree is built and freed.
///
/// The same safety as `MarkupTree`: no network, no DTD loading, no entity substitution; NUL bytes
/// are removed first. Not Sendable: use it inside `read`'s closure only.
final class XMLStream: ElementStream {
    private let reader: xmlTextReaderPtr
    /// Errors that make the document ill-formed, counted by the C error handler.
    private let errorCount: UnsafeMutablePointer<Int32>
    /// True when `skip()` already moved the reader onto the next node.
    private var positioned = false
    /// Reader steps left: every node takes at least a byte and is met at most twice (its start
    /// and its end), so no well-formed document needs more. A bound on the stream whatever the
    /// reader does: a reader that stops moving ends the stream instead of repeating itself.
    private var readsLeft: Int
    /// True once the reader failed (-1, or an element it could not expand). Some failures, such
    /// as an encoding error, raise no parser error, yet end the stream early.
    private var failed = false

    private static let options = Int32(
        XML_PARSE_NONET.rawValue | XML_PARSE_RECOVER.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_COMPACT.rawValue)

    private init(reader: xmlTextReaderPtr, byteCount: Int) {
        self.reader = reader
        readsLeft = 2 * byteCount + 16
        errorCount = .allocate(capacity: 1)
        errorCount.initialize(to: 0)
        ss_reader_count_errors(reader, errorCount)
    }

    deinit {
        xmlFreeTextReader(reader)
        errorCount.deallocate()
    }

    /// Runs `body` with a stream over `bytes` (`encoding` is the HTTP charset; nil lets the
    /// document say). Nil when libxml2 cannot start reading at all.
    static func read<Result>(
        _ bytes: [UInt8], url: String?, encoding: String?, _ body: (XMLStream) throws(ParseError) -> Result
    ) throws(ParseError) -> Result? {
        ss_xml_silence_thread()
        let input = MarkupTree.sanitised(bytes)
        guard input.count < Int32.max else { return nil }
        // The reader reads the caller's buffer in place, so it must not outlive this closure.
        let outcome: Swift.Result<Result?, ParseError> = input.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                guard let reader = xmlReaderForMemory(chars.baseAddress, Int32(chars.count), url, encoding, options)
                else { return .success(nil) }
                let stream = XMLStream(reader: reader, byteCount: chars.count)
                do throws(ParseError) { return .success(try body(stream)) } catch { return .failure(error) }
            }
        }
        return try outcome.get()
    }

    /// Moves to the start of the next element in document order (descending into the current
    /// one unless it was skipped) and returns it; nil at the end of the document, after a
    /// failure, or past the most elements a document of this size can hold.
    func nextElement() -> Node? {
        // After a failure the document is read again from a recovered tree: stop here.
        guard !failed else { return nil }
        while true {
            readsLeft -= 1
            guard readsLeft >= 0 else {
                failed = true
                return nil
            }
            let status = positioned ? 1 : xmlTextReaderRead(reader)
            positioned = false
            guard status == 1 else {
                if status < 0 { failed = true }
                return nil
            }
            if xmlTextReaderNodeType(reader) == Int32(XML_READER_TYPE_ELEMENT.rawValue),
                let node = xmlTextReaderCurrentNode(reader)
            {
                return Node(node)
            }
        }
    }

    /// The depth of the current node (the root element is 0).
    var depth: Int { Int(xmlTextReaderDepth(reader)) }

    /// The current element with its whole subtree read; valid until the stream moves on.
    func expand() -> Node? {
        guard let node = xmlTextReaderExpand(reader) else {
            failed = true
            return nil
        }
        return Node(node)
    }

    /// Moves past the current element's subtree, which the reader then frees.
    func skip() {
        let before = xmlTextReaderCurrentNode(reader)
        let status = xmlTextReaderNext(reader)
        positioned = status == 1
        if status < 0 { failed = true }
        // A reader that reports a move but stays on the same node would hand out the same
        // element forever: treat it as a failure (the document then goes to recovery).
        if positioned, before != nil, xmlTextReaderCurrentNode(reader) == before {
            positioned = false
            failed = true
        }
    }

    /// Whether the document's DTD declares entities; ask on the root element, which comes after
    /// the DTD. (Not through `xmlTextReaderCurrentDoc`: it would take the document from the reader.)
    func declaresEntities(_ root: Node) -> Bool {
        ss_xml_declares_entities(root.pointer.pointee.doc) != 0
    }

    /// False once the parser has had to recover from broken markup, or the reader stopped early.
    var wellFormed: Bool { errorCount.pointee == 0 && !failed }
}
