import CLibXML2
import Glibc

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
        HTMLFragmentParser().extract(markup)
    }

    /// Extracts the visible texts below `node` (an HTML tree, or XHTML inside a feed).
    static func extract(below node: xmlNodePtr) -> HTMLText {
        let collector = VisibleTextCollector()
        TreeWalker.walk(below: node) { node in
            switch node.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content { collector.text(UnsafeBufferPointer(start: content, count: strlen(content))) }
                return false
            case XML_ELEMENT_NODE:
                collector.start(node.pointee.name) { Node(node).attribute("alt") }
                return true
            default:
                return false
            }
        } leave: { node in
            if node.pointee.type == XML_ELEMENT_NODE { collector.end(node.pointee.name) }
        }
        return collector.takeResult()
    }
}

/// A set of element names looked up without allocating or hashing with SipHash: each name is
/// packed, lower-cased, into a 64-bit key (its first seven bytes and its length), unique for the
/// names HTML uses, and the keys sit in a small open-addressing table. It is asked twice for
/// every tag of every fragment.
struct ElementNameSet: Sendable {
    private static let slots = 128
    private let table: [UInt64]

    init(_ names: [String]) {
        precondition(names.count < Self.slots / 2, "an element-name set is meant to be small")
        var table = [UInt64](repeating: 0, count: Self.slots)
        for key in names.map({ Self.key($0) }) {
            var slot = Self.slot(key)
            while table[slot] != 0 && table[slot] != key { slot = (slot + 1) % Self.slots }
            table[slot] = key
        }
        self.table = table
    }

    func contains(_ key: UInt64) -> Bool {
        guard key != 0 else { return false }
        var slot = Self.slot(key)
        while true {
            let stored = table[slot]
            if stored == key { return true }
            if stored == 0 { return false }
            slot = (slot + 1) % Self.slots
        }
    }

    private static func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 57)
    }

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
