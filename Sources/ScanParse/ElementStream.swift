import CLibXML2

/// Elements of an XML document in document order, as the feed readers consume them: look at
/// each element's name and attributes, expand the interesting ones into a subtree, skip past
/// them. `XMLStream` reads well-formed documents this way without building the whole tree;
/// `TreeStream` walks a tree that libxml2 recovered from broken markup, so both kinds of
/// document go through the same reader code.
protocol ElementStream: AnyObject {
    /// The next element start in document order (inside the current element unless it was
    /// skipped), or nil at the end.
    func nextElement() -> Node?
    /// The depth of the current element (the root is 0).
    var depth: Int { get }
    /// The current element with its whole subtree; valid until the stream moves on.
    func expand() -> Node?
    /// Moves past the current element's subtree.
    func skip()
}

/// An `ElementStream` over an already parsed tree, walked without recursion (only into
/// elements: an entity reference's children are the entity's own nodes).
final class TreeStream: ElementStream {
    private let root: xmlNodePtr
    private var current: xmlNodePtr?
    private var skipped = false
    private(set) var depth = 0

    /// A stream on `root`, as `XMLStream` is once it has returned the root element.
    init(root: Node) {
        self.root = root.pointer
        current = root.pointer
    }

    func nextElement() -> Node? {
        guard var node = current else { return nil }
        var descend = !skipped
        skipped = false
        while true {
            if descend, node.pointee.type == XML_ELEMENT_NODE, let child = node.pointee.children {
                node = child
                depth += 1
            } else {
                while true {
                    guard node != root, let parent = node.pointee.parent else {
                        current = nil
                        return nil
                    }
                    if let sibling = node.pointee.next {
                        node = sibling
                        break
                    }
                    node = parent
                    depth -= 1
                }
            }
            if node.pointee.type == XML_ELEMENT_NODE {
                current = node
                return Node(node)
            }
            descend = false
        }
    }

    func expand() -> Node? { current.map(Node.init) }

    func skip() { skipped = true }
}
