import ScanCore

/// Several detectors as one: each item goes through all of them, and their findings come out
/// in field order, then text order (the order `docs/findings.md` promises).
public struct DetectorChain: Detector {
    private let detectors: [any Detector]

    public init(_ detectors: [any Detector]) {
        self.detectors = detectors
    }

    public func findings(in item: Item, source: String) -> [Finding] {
        let all = detectors.flatMap { $0.findings(in: item, source: source) }
        guard detectors.count > 1, all.count > 1 else { return all }
        return all.enumerated().map { (position: Self.fieldIndex(of: $0.element, in: item), order: $0.offset, finding: $0.element) }
            .sorted { ($0.position, $0.finding.match.start, $0.order) < ($1.position, $1.finding.match.start, $1.order) }
            .map(\.finding)
    }

    /// The first field of `item` with the finding's origin whose text has the match at its offsets.
    private static func fieldIndex(of finding: Finding, in item: Item) -> Int {
        let candidates = item.fields.indices.filter { item.fields[$0].origin == finding.field }
        guard candidates.count > 1 else { return candidates.first ?? item.fields.count }
        for index in candidates {
            let scalars = item.fields[index].text.unicodeScalars
            guard finding.match.end <= scalars.count else { continue }
            let start = scalars.index(scalars.startIndex, offsetBy: finding.match.start)
            let end = scalars.index(scalars.startIndex, offsetBy: finding.match.end)
            if String(scalars[start..<end]) == finding.match.text { return index }
        }
        return candidates[0]
    }
}
