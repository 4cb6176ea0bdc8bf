import CLibXML2
import Glibc

/// A read-only view of one libxml2 node. Valid only while its `MarkupTree` is alive.
///
/// Name and namespace tests compare C strings in place: they run for every element of every
/// document and must not allocate.
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

    /// The element's namespace URI, if it has one.
    var namespaceURI: String? {
        pointer.pointee.ns?.pointee.href.map { String(cString: $0) }
    }

    /// Child elements in document order.
    var elements: [Node] {
        var result: [Node] = []
        forEachElement { result.append($0) }
        return result
    }

    /// Calls `body` for each child element, in order, without allocating.
    func forEachElement(_ body: (Node) -> Void) {
        var child = pointer.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { body(Node(current)) }
            child = current.pointee.next
        }
    }

    /// Whether this element is `name` in `namespace` (nil: no namespace at all).
    func `is`(_ name: String, in namespace: String?) -> Bool {
        isElement && hasName(name) && hasNamespace(namespace)
    }

    /// Whether this element is `name` in any of `namespaces`.
    func `is`(_ name: String, inAny namespaces: [String?]) -> Bool {
        isElement && hasName(name) && namespaces.contains { hasNamespace($0) }
    }

    /// The first child element called `name` in `namespace`.
    func element(_ name: String, in namespace: String?) -> Node? {
        firstElement { $0.is(name, in: namespace) }
    }

    /// The first child element called `name` in any of `namespaces`.
    func element(_ name: String, inAny namespaces: [String?]) -> Node? {
        firstElement { $0.is(name, inAny: namespaces) }
    }

    /// Child elements called `name` in `namespace`.
    func elements(_ name: String, in namespace: String?) -> [Node] {
        var result: [Node] = []
        forEachElement { if $0.is(name, in: namespace) { result.append($0) } }
        return result
    }

    /// Child elements called `name` in any of `namespaces`.
    func elements(_ name: String, inAny namespaces: [String?]) -> [Node] {
        var result: [Node] = []
        forEachElement { if $0.is(name, inAny: namespaces) { result.append($0) } }
        return result
    }

    /// Every element called `name` in `namespace` below this node, in document order, including
    /// ones nested in each other (recovery from broken markup can nest siblings).
    func descendants(_ name: String, in namespace: String?) -> [Node] {
        var found: [Node] = []
        TreeWalker.walk(below: pointer) { node in
            guard node.pointee.type == XML_ELEMENT_NODE else { return false }
            let element = Node(node)
            if element.hasName(name), element.hasNamespace(namespace) { found.append(element) }
            return true
        } leave: { _ in }
        return found
    }

    /// An attribute without namespace, read from its text children only (entity references in
    /// attribute values are never expanded: `xmlGetProp` would expand them).
    func attribute(_ name: String) -> String? {
        attributeNode(name) { $0.pointee.ns == nil }.map { Self.text(of: $0.pointee.children) }
    }

    /// An attribute in `namespace`, read like `attribute(_:)`.
    func attribute(_ name: String, in namespace: String) -> String? {
        attributeNode(name) { attribute in
            guard let href = attribute.pointee.ns?.pointee.href else { return false }
            return Self.equal(href, namespace)
        }.map { Self.text(of: $0.pointee.children) }
    }

    /// All text and CDATA below this node, in order, without markup; entity references skipped.
    var text: String {
        withTextBytes { String(decoding: $0, as: UTF8.self) }
    }

    /// `text` as UTF-8 bytes.
    var textBytes: [UInt8] {
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
        return bytes
    }

    /// Calls `body` with `textBytes`, read in place (no copy) when the element holds a single
    /// text or CDATA node, as a feed's description or content does.
    func withTextBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let only = pointer.pointee.children, only.pointee.next == nil,
            only.pointee.type == XML_TEXT_NODE || only.pointee.type == XML_CDATA_SECTION_NODE,
            let content = only.pointee.content
        {
            return body(UnsafeBufferPointer(start: content, count: strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))))
        }
        return textBytes.withUnsafeBufferPointer(body)
    }

    /// The base URI that applies to this node (`xml:base`, else the document URL).
    var baseURI: String? {
        guard let base = xmlNodeGetBase(pointer.pointee.doc, pointer) else { return nil }
        defer { ss_xml_free(base) }
        return String(cString: base)
    }

    private func firstElement(where matches: (Node) -> Bool) -> Node? {
        var child = pointer.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE, matches(Node(current)) { return Node(current) }
            child = current.pointee.next
        }
        return nil
    }

    private func attributeNode(_ name: String, where matches: (xmlAttrPtr) -> Bool) -> xmlAttrPtr? {
        var attribute = pointer.pointee.properties
        while let current = attribute {
            if let attrName = current.pointee.name, Self.equal(attrName, name), matches(current) { return current }
            attribute = current.pointee.next
        }
        return nil
    }

    private func hasName(_ name: String) -> Bool {
        guard let own = pointer.pointee.name else { return false }
        return Self.equal(own, name)
    }

    private func hasNamespace(_ namespace: String?) -> Bool {
        let href = pointer.pointee.ns?.pointee.href
        switch (href, namespace) {
        case (nil, nil): return true
        case (let href?, let namespace?): return Self.equal(href, namespace)
        default: return false
        }
    }

    /// Compares a C string with a Swift string without allocating.
    private static func equal(_ cString: UnsafePointer<UInt8>, _ string: String) -> Bool {
        var string = string
        return string.withUTF8 { utf8 in
            for (index, byte) in utf8.enumerated() where cString[index] != byte { return false }
            return cString[utf8.count] == 0
        }
    }

    private static func text(of first: xmlNodePtr?) -> String {
        // Nearly always one text node: read it in place.
        if let only = first, only.pointee.next == nil, only.pointee.type == XML_TEXT_NODE, let content = only.pointee.content {
            return String(cString: content)
        }
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
        append(contentsOf: UnsafeBufferPointer(start: pointer, count: strlen(UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))))
    }
}
