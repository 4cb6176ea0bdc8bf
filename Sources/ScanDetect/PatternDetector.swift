import ScanCore

/// The generic detector: runs the rules of the loaded pattern packs over every text field.
///
/// Within one field, overlapping matches of one category keep only the longest (the first rule
/// on a tie), and within one item a fingerprint is reported once (the first field wins).
public struct PatternDetector: Detector {
    private let rules: [CompiledRule]

    /// Compiles `rules`; throws the first `PatternError` (an invalid regular expression).
    public init(rules: [Rule]) throws(PatternError) {
        var compiled: [CompiledRule] = []
        for rule in rules { compiled.append(try CompiledRule(rule)) }
        self.rules = compiled
    }

    public func findings(in item: Item, source: String) -> [Finding] {
        var seen: Set<String> = []
        var result: [Finding] = []
        let reference = ItemReference(item)
        for field in item.fields {
            for finding in findings(in: field, item: reference, source: source) where seen.insert(finding.fingerprint).inserted {
                result.append(finding)
            }
        }
        return result
    }

    private func findings(in field: TextField, item: ItemReference, source: String) -> [Finding] {
        var candidates: [(rule: Rule, range: Range<Int>)] = []
        for compiled in rules {
            candidates += compiled.matches(in: field.text).map { (compiled.rule, $0) }
        }
        guard !candidates.isEmpty else { return [] }
        let scalars = Array(field.text.unicodeScalars)
        return Self.withoutOverlaps(candidates).map { candidate in
            finding(rule: candidate.rule, range: candidate.range, scalars: scalars, field: field.origin,
                    item: item, source: source)
        }
    }

    private static func withoutOverlaps(_ candidates: [(rule: Rule, range: Range<Int>)]) -> [(rule: Rule, range: Range<Int>)] {
        let byLength = candidates.enumerated().sorted { a, b in
            a.element.range.count != b.element.range.count ? a.element.range.count > b.element.range.count : a.offset < b.offset
        }
        var kept: [(rule: Rule, range: Range<Int>)] = []
        for (_, candidate) in byLength
        where !kept.contains(where: { $0.rule.category == candidate.rule.category && $0.range.overlaps(candidate.range) }) {
            kept.append(candidate)
        }
        return kept.sorted { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
    }

    private func finding(
        rule: Rule, range: Range<Int>, scalars: [Unicode.Scalar], field: FieldOrigin, item: ItemReference,
        source: String
    ) -> Finding {
        var matched = String.UnicodeScalarView()
        matched.append(contentsOf: scalars[range])
        let text = String(matched)
        let snippet = Snippet(scalars: scalars, match: range)
        return Finding(
            rule: rule.id, category: rule.category, policy: rule.policy, severity: rule.severity,
            confidence: rule.confidence, message: rule.message, source: source, item: item, field: field,
            match: MatchSpan(text: text, start: range.lowerBound, end: range.upperBound),
            snippet: snippet.text, snippetMatch: snippet.match,
            fingerprint: Fingerprint.of(rule: rule.id, itemID: item.id, match: text))
    }
}
