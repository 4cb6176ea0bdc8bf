import ScanCore

/// Gathers the items of a streamed feed: each item element is expanded into its own small tree,
/// read, and freed as the stream moves on. Items that recovery from broken markup nested inside
/// it are read too, in document order. Items beyond the limit are counted, not read.
struct ItemCollector {
    let limit: Int
    private(set) var items: [Item] = []
    private(set) var skipped = 0

    init(limit: Int) {
        self.limit = limit
    }

    /// Reads the item element `stream` is on, then moves past it.
    mutating func take(from stream: some ElementStream, nested: (Node) -> [Node], read: (Node) -> Item) {
        guard let subtree = stream.expand() else { return }
        for node in [subtree] + nested(subtree) {
            if items.count < limit { items.append(read(node)) } else { skipped += 1 }
        }
        stream.skip()
    }
}
