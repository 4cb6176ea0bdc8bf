import ScanCore
/// A roster (or staff list) as the matcher uses it: keyed hashes of every name form, and per
/// person only what the severity needs (grade, school, consent). Holds no plaintext name.
///
/// Matching a window of words costs one SipHash (`formPrefilter`); only windows that pass get
/// the full keyed hash (HMAC-SHA-256, truncated to 128 bits) looked up in `forms`.
public struct HashedRoster: Sendable {
    /// What is kept per person.
    public struct Person: Sendable, Equatable, Codable {
        public var grade: String?
        public var school: String?
        public var consent: MediaConsent
    }

    /// A truncated HMAC: the identity of one name form.
    struct FormHash: Hashable, Sendable {
        var high: UInt64
        var low: UInt64

        init(_ bytes: [UInt8]) {
            high = bytes.prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
            low = bytes.dropFirst(8).prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
        }

        init?(hex: String) {
            guard let bytes = Hex.decode(hex), bytes.count == 16 else { return nil }
            self.init(bytes)
        }

        var hex: String {
            Hex.encode((0..<8).map { UInt8(truncatingIfNeeded: high >> (56 - 8 * $0)) }
                + (0..<8).map { UInt8(truncatingIfNeeded: low >> (56 - 8 * $0)) })
        }
    }

    let key: RosterKey
    var people: [Person] = []
    /// SipHash of every word of every form.
    var tokenPrefilter = HashSet64()
    /// SipHash of every form (full and given-only).
    var formPrefilter = HashSet64()
    var forms: [FormHash: [Int]] = [:]
    var givenOnly: [FormHash: [Int]] = [:]
    var identifiers: [FormHash: [Int]] = [:]
    var maxFormTokens = 0

    /// How many people it holds.
    public var count: Int { people.count }

    init(key: RosterKey) {
        self.key = key
    }

    /// Hashes `roster`'s names under `key`. People are kept in the order of their first form's
    /// hash, not the CSV's (which is often alphabetical).
    public init(roster: Roster, key: RosterKey, nicknames: NicknameTable) {
        self.init(key: key)
        let prefilter = key.prefilter
        var entries: [(FormHash, Person, NameForms, String?)] = []
        for student in roster.students {
            let forms = NameForms(
                first: student.firstName, last: student.lastName, preferred: student.preferredName, nicknames: nicknames)
            let order = forms.full.map { formHash(NameForms.key($0)) }.min { ($0.high, $0.low) < ($1.high, $1.low) }
            let person = Person(grade: student.grade, school: student.school, consent: student.consent)
            entries.append((order ?? FormHash([]), person, forms, student.studentID))
        }
        entries.sort { ($0.0.high, $0.0.low) < ($1.0.high, $1.0.low) }
        for (index, entry) in entries.enumerated() {
            people.append(entry.1)
            for form in entry.2.full { add(form, person: index, to: \.forms, prefilter: prefilter) }
            for form in entry.2.givenOnly { add(form, person: index, to: \.givenOnly, prefilter: prefilter) }
            // Only the digits count: "318-402-751" and "318 402 751" are the same number.
            if let digits = entry.3.map({ $0.filter(\.isASCII).filter(\.isNumber) }), RosterNumberDetector.digits.contains(digits.count) {
                identifiers[FormHash(Array(key.mac(.identifier, Array(digits.utf8)).prefix(16))), default: []].append(index)
            }
        }
    }

    private mutating func add(
        _ form: [[UInt8]], person: Int, to table: WritableKeyPath<HashedRoster, [FormHash: [Int]]>, prefilter: SipHash
    ) {
        let bytes = NameForms.key(form)
        var list = self[keyPath: table][formHash(bytes), default: []]
        if !list.contains(person) { list.append(person) }
        self[keyPath: table][formHash(bytes)] = list
        formPrefilter.insert(prefilter.hash(bytes))
        for token in form where token.count > 1 { tokenPrefilter.insert(prefilter.hash(token)) }
        maxFormTokens = max(maxFormTokens, form.count)
    }

    /// The full keyed hash of a form's bytes.
    func formHash(_ bytes: [UInt8]) -> FormHash {
        FormHash(Array(key.mac(.name, bytes).prefix(16)))
    }

    /// The people a student number belongs to.
    func people(withIdentifier digits: String) -> [Int] {
        identifiers[FormHash(Array(key.mac(.identifier, Array(digits.utf8)).prefix(16)))] ?? []
    }

    /// The key check stored in roster files: the keyed hash of a fixed label.
    static func keyCheck(_ key: RosterKey) -> String {
        Hex.encode(key.mac(.check, Array("socialscan roster key check v1".utf8)))
    }
}
