/// Bounds the parse stage keeps on any one document, whatever it contains.
///
/// The document's size is bounded before parsing (`--max-body`); these bound what is read from it.
public struct ParseLimits: Sendable {
    /// The most items read from one document; the rest are counted and reported.
    public var maxItems: Int = 10_000

    public init(maxItems: Int = 10_000) {
        self.maxItems = maxItems
    }
}
