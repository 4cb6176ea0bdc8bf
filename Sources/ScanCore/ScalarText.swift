/// Helpers for the Unicode-scalar offsets the findings schema uses.
extension String {
    /// The number of Unicode scalars (what Python's `len` counts).
    public var scalarCount: Int { unicodeScalars.count }

    /// The scalars in `range`, clamped to the string.
    public func scalarSlice(_ range: Range<Int>) -> String {
        let scalars = unicodeScalars
        let lower = max(0, min(range.lowerBound, scalars.count))
        let upper = max(lower, min(range.upperBound, scalars.count))
        let start = scalars.index(scalars.startIndex, offsetBy: lower)
        let end = scalars.index(start, offsetBy: upper - lower)
        return String(scalars[start..<end])
    }
}
