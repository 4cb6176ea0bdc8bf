import ScanCore

/// The generic detector: all rules of the loaded packs, run by one `MatchEngine` pass per text
/// field, then regex windows, word boundaries, exclusions and context on the hits.
///
/// Within one field, overlapping matches of one category keep only the longest (on a tie, the
/// rule loaded first, then the match that starts first); within one item a fingerprint is
/// reported once (the first field wins). Findings
/// carry their confidence; hiding those below `--min-confidence` is the caller's choice.
public struct PatternDetector: Detector {
    private let rules: [CompiledRule]
    private let engine: MatchEngine
    /// The rule (index into `rules`) that owns each literal of the engine.
    private let literalOwners: [Int]
    private let triggerRules: [BuiltInTrigger: [Int]]
    /// Rules whose match is a whole field, by the field origins they apply to.
    private let wholeFieldRules: [FieldOrigin: [Int]]

    /// How a context's `{name}` recognises a person.
    private let person: PersonShape

    /// Compiles `rules`; `ownHolders` are the division's own names, never copyright findings;
    /// `names` (when loaded) tells `{name}` which capitalised words are places, not people.
    /// Throws the first `PatternError` (an invalid or unsafe regular expression).
    public init(rules: [Rule], ownHolders: [String] = [], names: NameData? = nil) throws(PatternError) {
        person = PersonShape(notASurname: names?.context.notASurname ?? WordSet())
        var compiled: [CompiledRule] = []
        for rule in rules {
            compiled.append(try CompiledRule(rule, extraExclusions: rule.category == .copyright ? ownHolders : []))
        }
        var literals: [[UInt8]] = []
        var owners: [Int] = []
        var triggers: [BuiltInTrigger: [Int]] = [:]
        for (index, rule) in compiled.enumerated() {
            literals += rule.literals
            owners += Array(repeating: index, count: rule.literals.count)
            if let trigger = rule.rule.trigger { triggers[trigger, default: []].append(index) }
        }
        var wholeField: [FieldOrigin: [Int]] = [:]
        for (index, rule) in compiled.enumerated() where rule.rule.wholeField {
            rule.rule.fields.forEach { wholeField[$0, default: []].append(index) }
        }
        wholeFieldRules = wholeField
        self.rules = compiled
        literalOwners = owners
        triggerRules = triggers
        engine = MatchEngine(literals: literals, triggers: Set(triggers.keys))
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
        let hits = engine.scan(field.text)
        let wholeField = wholeFieldRules[field.origin] ?? []
        guard !hits.isEmpty || !wholeField.isEmpty else { return [] }
        let text = FieldText(field.text)
        var candidates: [Candidate] = []
        var seen: Set<CandidateKey> = []
        // Ranges here are positions (UTF-8 offsets) in the field; a finding reports scalar offsets.
        func consider(_ ruleIndex: Int, _ range: Range<Int>) {
            let restricted = rules[ruleIndex].rule.fields
            guard restricted.isEmpty || restricted.contains(field.origin),
                seen.insert(CandidateKey(rule: ruleIndex, lower: range.lowerBound, upper: range.upperBound)).inserted,
                let evaluation = RuleEvaluation(rule: rules[ruleIndex], field: text, person: person).evaluate(range)
            else { return }
            candidates.append(Candidate(
                category: rules[ruleIndex].rule.category, ruleIndex: ruleIndex, range: range, length: text.scalarCount(range), confidence: evaluation.confidence, notes: evaluation.notes))
        }
        for ruleIndex in wholeField {
            if let range = CompiledRule.trimmed(0..<text.end, in: text) { consider(ruleIndex, range) }
        }
        var cues: [Int: [Int]] = [:]
        for hit in hits {
            switch hit.kind {
            case .literal(let pattern):
                let ruleIndex = literalOwners[pattern]
                // A keyword, a regex's trigger keyword or a model's cue never starts or ends inside a word.
                guard Self.endsOnWordBoundary(hit.range, in: text) else { continue }
                if rules[ruleIndex].model != nil {
                    cues[ruleIndex, default: []].append(hit.range.lowerBound)
                    continue
                }
                if rules[ruleIndex].regex == nil {
                    consider(ruleIndex, hit.range)
                } else if let match = rules[ruleIndex].regexMatch(in: text, at: hit.range.lowerBound) {
                    consider(ruleIndex, match)
                }
            case .trigger(let trigger):
                let window = RegexWindow(around: hit.range.lowerBound, in: text)
                for ruleIndex in triggerRules[trigger] ?? [] {
                    if let match = rules[ruleIndex].regexMatch(in: text, at: hit.range.lowerBound, window: window) {
                        consider(ruleIndex, match)
                    }
                }
            }
        }
        var kept = Self.withoutOverlaps(candidates)
        if !cues.isEmpty { kept = withModelFindings(kept, cues: cues, text: text, field: field.origin) }
        return kept.map { finding($0, text: text, field: field.origin, item: item, source: source) }
    }

    /// `kept` and the windows the model rules find around their cues, where no finding of the
    /// same category is already (a keyword's finding says more precisely what is wrong).
    private func withModelFindings(_ kept: [Candidate], cues: [Int: [Int]], text: FieldText, field: FieldOrigin) -> [Candidate] {
        var result = kept
        // Ranges already reported, per category, sorted and apart: a window is checked against
        // them by binary search (a field may hold thousands of windows).
        var taken: [Category: [Range<Int>]] = [:]
        for candidate in kept { taken[candidate.category, default: []].append(candidate.range) }
        let readers: [(ruleIndex: Int, model: RuleModel, reader: ModelWindows.Reader)] = cues.keys.sorted().compactMap { index in
            let rule = rules[index].rule
            guard let model = rules[index].model, rule.fields.isEmpty || rule.fields.contains(field) else { return nil }
            return (index, model, ModelWindows.Reader(model: model.model, threshold: model.threshold, cues: cues[index] ?? []))
        }
        for window in ModelWindows.positives(readers.map(\.reader), field: text) {
            let (ruleIndex, model, _) = readers[window.reader]
            let rule = rules[ruleIndex].rule
            guard !Self.insert(window.range, into: &taken[rule.category, default: []]) else { continue }
            let sureness = model.threshold < 1 ? (window.probability - model.threshold) / (1 - model.threshold) : 1
            let note = String(format: "(Model score %.2f", window.probability)
                + (window.strongest.isEmpty ? ".)" : "; the words that weighed most: " + window.strongest.map { "\"\($0)\"" }.joined(separator: ", ") + ".)")
            result.append(Candidate(
                category: rule.category, ruleIndex: ruleIndex, range: window.range, length: text.scalarCount(window.range),
                confidence: min(1, rule.confidence + max(0, 0.9 - rule.confidence) * sureness), notes: [note]))
        }
        return result.count == kept.count ? kept : result.sorted { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
    }

    /// Inserts `range` into `ranges` (sorted, apart) unless it overlaps one of them; returns
    /// whether it overlapped.
    private static func insert(_ range: Range<Int>, into ranges: inout [Range<Int>]) -> Bool {
        let first = ranges.partitionPoint { $0.upperBound <= range.lowerBound }
        if first < ranges.count && ranges[first].lowerBound < range.upperBound { return true }
        ranges.insert(range, at: first)
        return false
    }

    /// A literal must not end inside a word (`\b` semantics at word characters); the engine
    /// reports a literal only where it starts on a word boundary.
    private static func endsOnWordBoundary(_ range: Range<Int>, in text: FieldText) -> Bool {
        range.upperBound >= text.end || !text.isWordCharacter(text.position(before: range.upperBound))
            || !text.isWordCharacter(range.upperBound)
    }

    private struct CandidateKey: Hashable {
        var rule: Int
        var lower: Int
        var upper: Int
    }

    /// A match that passed its rule's checks. The rule is held by index: copying a `Rule` (many
    /// Strings and arrays) with every candidate costs more than the rest of the candidate.
    private struct Candidate {
        var category: Category
        var ruleIndex: Int
        /// Positions in the field.
        var range: Range<Int>
        /// Length in scalars.
        var length: Int
        var confidence: Double
        var notes: [String]
    }

    private static func withoutOverlaps(_ candidates: [Candidate]) -> [Candidate] {
        let byLength = candidates.sorted { a, b in
            (-a.length, a.ruleIndex, a.range.lowerBound) < (-b.length, b.ruleIndex, b.range.lowerBound)
        }
        // A few candidates (the usual case) are compared directly; many (a hostile field) go
        // through one set of taken positions per category, which keeps the work linear.
        var kept: [Candidate] = []
        if byLength.count <= 32 {
            for candidate in byLength
            where !kept.contains(where: { $0.category == candidate.category && $0.range.overlaps(candidate.range) }) {
                kept.append(candidate)
            }
        } else {
            var taken: [Category: Set<Int>] = [:]
            for candidate in byLength where !candidate.range.contains(where: { taken[candidate.category]?.contains($0) ?? false }) {
                taken[candidate.category, default: []].formUnion(candidate.range)
                kept.append(candidate)
            }
        }
        return kept.sorted { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
    }

    private func finding(
        _ candidate: Candidate, text fieldText: FieldText, field: FieldOrigin, item: ItemReference, source: String
    ) -> Finding {
        let rule = rules[candidate.ruleIndex].rule
        let text = fieldText.text(candidate.range)
        let start = fieldText.scalarOffset(of: candidate.range.lowerBound)
        let end = start + candidate.length
        let snippet = fieldText.withUTF8 { Snippet(utf8: $0, match: start..<end, bytes: candidate.range) }
        return Finding(
            rule: rule.id, category: rule.category, policy: rule.policy, severity: rule.severity,
            confidence: candidate.confidence, message: candidate.notes.isEmpty ? rule.message : ([rule.message] + candidate.notes).joined(separator: " "), source: source, item: item, field: field,
            match: MatchSpan(text: text, start: start, end: end),
            snippet: snippet.text, snippetMatch: snippet.match,
            fingerprint: Fingerprint.of(rule: rule.id, itemID: item.id, match: text),
            copyright: rule.category == .copyright ? CopyrightDetailReader.read(text) : nil)
    }
}
