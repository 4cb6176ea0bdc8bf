import ScanCore
import Foundation

/// The imported roster on disk (`roster import --out`): JSON with no plaintext name, only keyed
/// hashes, the key check, and grade, school and consent per student.
///
/// ```json
/// {"schema": "socialscan/roster@1", "key_check": "…", "max_form_tokens": 5,
///  "token_prefilter": ["…"], "form_prefilter": ["…"],
///  "students": [{"grade": "4", "school": "…", "consent": "yes", "forms": ["…"], "given": ["…"], "ids": ["…"]}]}
/// ```
public enum RosterFile {
    public static let schema = "socialscan/roster@1"

    private struct Contents: Codable {
        var schema: String
        var keyCheck: String
        var maxFormTokens: Int
        var tokenPrefilter: [String]
        var formPrefilter: [String]
        var students: [Student]

        enum CodingKeys: String, CodingKey {
            case schema, students
            case keyCheck = "key_check"
            case maxFormTokens = "max_form_tokens"
            case tokenPrefilter = "token_prefilter"
            case formPrefilter = "form_prefilter"
        }
    }

    private struct Student: Codable {
        var grade: String?
        var school: String?
        var consent: String
        var forms: [String]
        var given: [String]
        var ids: [String]
    }

    /// The file's bytes for `roster`; throws when it cannot be encoded (never writes half a file).
    public static func encode(_ roster: HashedRoster) throws(RosterError) -> [UInt8] {
        /// Each person's hashes, in one pass over the table.
        func byPerson(_ table: [HashedRoster.FormHash: [Int]]) -> [[String]] {
            var lists = [[String]](repeating: [], count: roster.people.count)
            for (hash, people) in table { people.forEach { lists[$0].append(hash.hex) } }
            return lists.map { $0.sorted() }
        }
        let (forms, given, ids) = (byPerson(roster.forms), byPerson(roster.givenOnly), byPerson(roster.identifiers))
        let students = roster.people.enumerated().map { index, person in
            Student(
                grade: person.grade, school: person.school, consent: person.consent.fileValue,
                forms: forms[index], given: given[index], ids: ids[index])
        }
        let contents = Contents(
            schema: schema, keyCheck: HashedRoster.keyCheck(roster.key), maxFormTokens: roster.maxFormTokens,
            tokenPrefilter: roster.tokenPrefilter.sortedValues.map(hex64), formPrefilter: roster.formPrefilter.sortedValues.map(hex64),
            students: students)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(contents) else {
            throw RosterError(source: "roster", problem: "the roster could not be encoded")
        }
        return Array(data) + [0x0A]
    }

    /// Reads a roster file; throws when it is not one, or when `key` is not the key it was made with.
    public static func decode(_ data: Data, path: String, key: RosterKey) throws(RosterError) -> HashedRoster {
        guard let contents = try? JSONDecoder().decode(Contents.self, from: data), contents.schema == schema else {
            throw RosterError(source: path, problem: "not a roster file (\(schema)); import a CSV with `socialscan roster import`")
        }
        guard contents.keyCheck == HashedRoster.keyCheck(key) else {
            throw RosterError(source: path, problem: "the roster key does not match the key this roster was imported with")
        }
        guard (1...16).contains(contents.maxFormTokens) else {
            throw RosterError(source: path, problem: "max_form_tokens must be from 1 to 16")
        }
        var roster = HashedRoster(key: key)
        roster.maxFormTokens = contents.maxFormTokens
        for value in contents.tokenPrefilter { roster.tokenPrefilter.insert(try number(value, path)) }
        for value in contents.formPrefilter { roster.formPrefilter.insert(try number(value, path)) }
        for (index, student) in contents.students.enumerated() {
            guard let consent = MediaConsent(csvValue: student.consent) else {
                throw RosterError(source: path, problem: "student \(index + 1) has an unreadable consent value")
            }
            roster.people.append(HashedRoster.Person(grade: student.grade, school: student.school, consent: consent))
            for (list, table) in [(student.forms, \HashedRoster.forms), (student.given, \.givenOnly), (student.ids, \.identifiers)] {
                for value in list {
                    guard let hash = HashedRoster.FormHash(hex: value) else {
                        throw RosterError(source: path, problem: "student \(index + 1) has a malformed hash")
                    }
                    roster[keyPath: table][hash, default: []].append(index)
                }
            }
        }
        return roster
    }

    private static func hex64(_ value: UInt64) -> String {
        Hex.encode((0..<8).map { UInt8(truncatingIfNeeded: value >> (56 - 8 * $0)) })
    }

    private static func number(_ hex: String, _ path: String) throws(RosterError) -> UInt64 {
        guard let bytes = Hex.decode(hex), bytes.count == 8 else {
            throw RosterError(source: path, problem: "a prefilter value is malformed")
        }
        return bytes.reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// Whether `data` is JSON (a roster file) rather than a CSV, which never starts with `{`.
    public static func isRosterFile(_ data: Data) -> Bool {
        data.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) } == UInt8(ascii: "{")
    }
}
