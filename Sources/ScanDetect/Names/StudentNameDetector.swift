import ScanCore

/// Finds students named in a post: roster students in every usual form of their name (keyed
/// hashes, never plaintext), and, by student context, students who are not on the roster.
/// Staff, parents, alumni, guests and famous people are not students.
///
/// Severity follows the roster's media consent on the post's date: see the table in
/// `docs/findings.md`. Messages never carry roster data (no ids, schools or other name forms),
/// and fingerprints are keyed under the roster key when there is one.
public struct StudentNameDetector: Detector {
    /// Field origins that describe an image or video.
    static let imageFields: Set<FieldOrigin> = [.imageAlt, .figcaption, .mediaDescription, .mediaTitle]

    private let roster: NameMatcher?
    private let staff: NameMatcher?
    private let data: NameData
    /// SipHash of every roster word and common first name: a field with none is skipped.
    private let anchors: HashSet64
    private let prefilter: SipHash
    private let fingerprintKey: RosterKey?
    /// The day (`YYYY-MM-DD`) consent is judged on when a post has no date.
    private let today: String

    /// A detector over `roster` (optional), excluding `staff`; `key` keys the fingerprints.
    public init(roster: HashedRoster?, staff: HashedRoster?, data: NameData, key: RosterKey?, today: String) {
        self.roster = roster.map(NameMatcher.init)
        self.staff = staff.map(NameMatcher.init)
        self.data = data
        self.today = today
        fingerprintKey = key
        prefilter = key?.prefilter ?? SipHash(key: Array("socialscan-names".utf8))
        var anchors = roster?.tokenPrefilter ?? HashSet64()
        for name in data.firstNames { anchors.insert(prefilter.hash(name)) }
        self.anchors = anchors
    }

    public func findings(in item: Item, source: String) -> [Finding] {
        let day = String((item.published?.rfc3339 ?? item.updated?.rfc3339 ?? today).prefix(10))
        var byFingerprint: [String: Int] = [:]
        var result: [Finding] = []
        let reference = ItemReference(item)
        for field in item.fields where mayHaveNames(field.text) {
            let tokens = NameTokenizer.tokens(field.text)
            let spans = StudentNameSpans(tokens: tokens, roster: roster, staff: staff, data: data, day: day).spans
            guard !spans.isEmpty else { continue }
            let text = FieldText(field.text)
            for span in spans {
                let finding = finding(span, tokens: tokens, text: text, field: field.origin, item: reference, source: source)
                if let earlier = byFingerprint[finding.fingerprint] {
                    if finding.severity > result[earlier].severity { result[earlier] = finding }
                } else {
                    byFingerprint[finding.fingerprint] = result.count
                    result.append(finding)
                }
            }
        }
        return result
    }

    /// The fast path: whether any capitalised word of `text` is a roster word or first name, or
    /// two capitalised words follow each other (a name the lists do not know).
    private func mayHaveNames(_ text: String) -> Bool {
        var hit = false
        var previousJoins = false
        NameTokenizer.scan(text, capitalisedOnly: true) { token in
            guard !hit else { return }
            if previousJoins || (token.folded.count > 1 && anchors.contains(prefilter.hash(token.folded))) { hit = true }
            previousJoins = token.joinsNext
        }
        return hit
    }

    private func finding(
        _ span: StudentNameSpan, tokens: [NameToken], text: FieldText, field: FieldOrigin, item: ItemReference, source: String
    ) -> Finding {
        let range = tokens[span.tokens.lowerBound].range.lowerBound..<tokens[span.tokens.upperBound - 1].range.upperBound
        let matched = text.text(range)
        let snippet = Snippet(field: text, match: range)
        let rule = span.rule(inImage: Self.imageFields.contains(field), withRoster: roster != nil)
        return Finding(
            rule: rule.id, category: .studentName, policy: "2.1", severity: rule.severity, confidence: span.confidence,
            message: ([rule.message] + span.notes).joined(separator: " "), source: source, item: item, field: field,
            match: MatchSpan(text: matched, start: range.lowerBound, end: range.upperBound),
            snippet: snippet.text, snippetMatch: snippet.match, fingerprint: fingerprint(item: item.id, match: matched))
    }

    /// Keyed under the roster key (so it cannot be reversed with a list of names); the same
    /// for every student-name rule, so a change of consent does not make a new finding.
    private func fingerprint(item: String, match: String) -> String {
        guard let fingerprintKey else { return Fingerprint.of(rule: "student-name", itemID: item, match: match) }
        let material = ["student-name", item, Fingerprint.normalise(match)].joined(separator: "\u{1F}")
        return Hex.encode(fingerprintKey.mac(.fingerprint, Array(material.utf8)).prefix(16))
    }
}
