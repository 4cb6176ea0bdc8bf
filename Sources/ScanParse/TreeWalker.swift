import CLibXML2

/// Depth-first walk of a libxml2 subtree without recursion, so that pathologically deep
/// documents cannot overflow the stack.
enum TreeWalker {
    /// Visits every node below `root` in document order. `enter` returns whether to descend into
    /// the node's children; `leave` is called after a node's children (or right after `enter`
    /// when it did not descend).
    static func walk(
        below root: xmlNodePtr, enter: (xmlNodePtr) -> Bool, leave: (xmlNodePtr) -> Void
    ) {
        var next = root.pointee.children
        while let node = next {
            if enter(node), let child = node.pointee.children {
                next = child
                continue
            }
            var current = node
            while true {
                leave(current)
                if let sibling = current.pointee.next {
                    next = sibling
                    break
                }
                guard let parent = current.pointee.parent, parent != root else {
                    next = nil
                    break
                }
                current = parent
            }
        }
    }
}
