import CLibXML2

/// A read-only view of one libxml2 node. Valid only while its `MarkupTree` is alive.
struct Node {
    let pointer: xmlNodePtr

    init(_ pointer: xmlNodePtr) {
        self.pointer = pointer
    }

    var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }

    /// The element's local name (no prefix), as libxml2 stored it.
    var localName: String {
        pointer.pointee.name.map { String(cString: $0) } ?? ""
    }

    /// The namespace URI, or nil for none.
    var namespaceURI: String? {
        pointer.pointee.ns?.pointee.href.map { String(cString: $0) }
    }

    /// Child elements in document order.
    var elements: [Node] {
        var result: [Node] = []
        var child = pointer.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { result.append(Node(current)) }
            child = current.pointee.next
        }
        return result
    }

    /// Whether this element is `name` in `namespace` (nil: no namespace at all).
    func `is`(_ name: String, in namespace: String?) -> Bool {
        isElement && localName == name && namespaceURI == namespace
    }

    /// The first child element called `name` in `namespace`.
    func element(_ name: String, in namespace: String?) -> Node? {
        elements.first { $0.is(name, in: namespace) }
    }

    /// Child elements called `name` in `namespace`.
    func elements(_ name: String, in namespace: String?) -> [Node] {
        elements.filter { $0.is(name, in: namespace) }
    }

    /// Every element called `name` in `namespace` below this node, in document order, including
    /// ones nested in each other (recovery from broken markup can nest siblings).
    func descendants(_ name: String, in namespace: String?) -> [Node] {
        var found: [Node] = []
        TreeWalker.walk(below: pointer) { node in
            guard node.pointee.type == XML_ELEMENT_NODE else { return false }
            let element = Node(node)
            if element.is(name, in: namespace) { found.append(element) }
            return true
        } leave: { _ in }
        return found
    }

    /// An attribute without namespace, read from its text children only (entity references in
    /// attribute values are never expanded: `xmlGetProp` would expand them).
    func attribute(_ name: String) -> String? {
        var attribute = pointer.pointee.properties
        while let current = attribute {
            if current.pointee.ns == nil, let attrName = current.pointee.name, String(cString: attrName) == name {
                return Self.text(of: current.pointee.children)
            }
            attribute = current.pointee.next
        }
        return nil
    }

    /// All text and CDATA below this node, in order, without markup; entity references skipped.
    var text: String {
        var bytes: [UInt8] = []
        TreeWalker.walk(below: pointer) { node in
            switch node.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content { bytes.appendCString(content) }
                return false
            case XML_ELEMENT_NODE:
                return true
            default:
                return false
            }
        } leave: { _ in }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The base URI that applies to this node (`xml:base`, else the document URL).
    var baseURI: String? {
        guard let base = xmlNodeGetBase(pointer.pointee.doc, pointer) else { return nil }
        defer { ss_xml_free(base) }
        return String(cString: base)
    }

    private static func text(of first: xmlNodePtr?) -> String {
        var bytes: [UInt8] = []
        var child = first
        while let current = child {
            if current.pointee.type == XML_TEXT_NODE, let content = current.pointee.content {
                bytes.appendCString(content)
            }
            child = current.pointee.next
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension Array where Element == UInt8 {
    /// Appends the bytes of a NUL-terminated C string.
    mutating func appendCString(_ pointer: UnsafePointer<UInt8>) {
        var index = 0
        while pointer[index] != 0 { index += 1 }
        append(contentsOf: UnsafeBufferPointer(start: pointer, count: index))
    }
}
