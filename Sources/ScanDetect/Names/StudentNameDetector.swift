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
    private let fingerprintKey: RosterKey?
    /// The day (`YYYY-MM-DD`) consent is judged on when a post has no date.
    private let today: String
    /// Also report names that look like students' by context (not only roster students).
    private let findUnlisted: Bool

    /// A detector over `roster` (optional), excluding `staff`; `key` keys the fingerprints.
    /// With `findUnlisted` false (and a roster), only roster students are reported, and a field
    /// is read word by word only when one of its capitalised words is a roster word.
    public init(
        roster: HashedRoster?, staff: HashedRoster?, data: NameData, key: RosterKey?, today: String, findUnlisted: Bool = true
    ) {
        self.findUnlisted = findUnlisted || roster == nil
        self.roster = roster.map(NameMatcher.init)
        self.staff = staff.map(NameMatcher.init)
        self.data = data
        self.today = today
        fingerprintKey = key
    }

    public func findings(in item: Item, source: String) -> [Finding] {
        var byFingerprint: [String: Int] = [:]
        var result: [Finding] = []
        // Worked out once a field may hold a name (most fields of most posts do not).
        lazy var day = String((item.published?.rfc3339 ?? item.updated?.rfc3339 ?? today).prefix(10))
        lazy var reference = ItemReference(item)
        for field in item.fields {
            if !findUnlisted && !mayNameRosterStudent(field.text) { continue }
            let tokens = NameTokenizer.tokens(field.text)
            let spans = StudentNameSpans(
                tokens: tokens, roster: roster, staff: staff, data: data, day: day, inImage: Self.imageFields.contains(field.origin),
                findUnlisted: findUnlisted
            ).spans
            guard !spans.isEmpty else { continue }
            let utf8 = Array(field.text.utf8)
            for span in spans {
                let finding: Finding = utf8.withUnsafeBufferPointer {
                    self.finding(span, tokens: tokens, utf8: $0, field: field.origin, item: reference, source: source)
                }
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

    /// The fast path with a roster alone: some run of joined words holds a roster word and is,
    /// by its SipHash, maybe a roster form (the keyed HMAC is left to the full path).
    private func mayNameRosterStudent(_ text: String) -> Bool {
        guard let roster else { return false }
        // Locals only in the closures: capturing `self` would copy the whole detector per field.
        let (words, forms, siphash) = (roster.roster.tokenPrefilter, roster.roster.formPrefilter, roster.prefilter)
        return NameTokenizer.mayHoldForm(
            text, maxTokens: roster.roster.maxFormTokens, isWord: { words.contains(siphash.hash($0)) },
            isForm: { forms.contains(siphash.hash($0)) })
    }

    private func finding(
        _ span: StudentNameSpan, tokens: NameTokens, utf8: UnsafeBufferPointer<UInt8>, field: FieldOrigin, item: ItemReference,
        source: String
    ) -> Finding {
        let first = tokens[span.tokens.lowerBound]
        let last = tokens[span.tokens.upperBound - 1]
        let range = first.range.lowerBound..<last.range.upperBound
        let bytes = first.bytes.lowerBound..<last.bytes.upperBound
        let matched = String(decoding: UnsafeBufferPointer(rebasing: utf8[bytes]), as: UTF8.self)
        let snippet = Snippet(utf8: utf8, match: range, bytes: bytes)
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
