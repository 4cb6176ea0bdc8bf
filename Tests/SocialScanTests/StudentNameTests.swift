import Foundation
import ScanCore
import ScanDetect
import Testing

/// The student-name detector on the fictional roster in `Samples/roster/` (with its demo key).
@Suite("Student names")
struct StudentNameTests {
    static let key = try? RosterKey(bytes: Array("a test key that is long enough".utf8), origin: "test")
    static let names = try? NameData(directory: Repo.path("Patterns/names"))

    static func roster(_ csv: String) throws -> HashedRoster {
        let path = try temporaryFile(named: "roster.csv", contents: csv)
        return HashedRoster(
            roster: try RosterReader().students(path: path), key: try #require(key), nicknames: try #require(names).nicknames)
    }

    static let students = """
        student_id,first_name,last_name,preferred_name,grade,school,media_consent
        318-400-001,Nora,Kaur-Singh,Nori,4,Lakeside School,no
        318400002,Alexander,Petrov,Sasha,7,Northwind High,
        318400003,Chloé,Tremblay,,2,École Boréale,yes
        318400004,Maria,de la Cruz,,5,Lakeside School,2026-03-31
        318400005,Faith,Young,,3,Willow Creek Elementary,no
        318400006,Jordan,Wood,,7,Northwind High,no
        """

    private func detector(staff: String? = nil) throws -> StudentNameDetector {
        let staffRoster = try staff.map { csv -> HashedRoster in
            let path = try temporaryFile(named: "staff.csv", contents: csv)
            return HashedRoster(roster: try RosterReader().staff(path: path), key: try #require(Self.key), nicknames: NicknameTable())
        }
        return StudentNameDetector(
            roster: try Self.roster(Self.students), staff: staffRoster, data: try #require(Self.names), key: Self.key, today: "2026-01-15")
    }

    private func found(_ text: String, field: FieldOrigin = .content, published: String? = nil, staff: String? = nil) throws -> [Finding] {
        let date = published.map { ItemDate(rfc3339: $0 + "T12:00:00Z", raw: $0) }
        let item = Item(id: "post-1", published: date, fields: [TextField(origin: field, text: text)])
        return try detector(staff: staff).findings(in: item, source: "test").filter { $0.confidence >= 0.5 }
    }

    @Test(arguments: [
        ("Nora Kaur-Singh won the spelling bee.", "Nora Kaur-Singh"),
        ("Nora Kaur Singh won the spelling bee.", "Nora Kaur Singh"),
        ("NORA KAUR-SINGH WON!", "NORA KAUR-SINGH"),
        ("Nora Kaur-Singh's poster is on the wall.", "Nora Kaur-Singh"),
        ("Well done, N. Kaur-Singh.", "N. Kaur-Singh"),
        ("Well done, Nora K.", "Nora K"),
        ("Sasha Petrov scored twice.", "Sasha Petrov"),
        ("Alex Petrov scored twice.", "Alex Petrov"),
        ("Chloe Tremblay chante.", "Chloe Tremblay"),
        ("Bravo à Maria de la Cruz !", "Maria de la Cruz"),
        ("Thanks to Nora\nKaur-Singh for the mural.", "Nora\nKaur-Singh"),
        ("Congratulations to Faith in Grade 3 on her poem.", "Faith"),
        ("Kaur-Singh Nora leads the choir.", "Kaur-Singh Nora"),
        ("Nori Kaur-Singh leads the choir.", "Nori Kaur-Singh"),
    ])
    func rosterFormsAreFound(text: String, expected: String) throws {
        #expect(try found(text).map(\.match.text) == [expected], "\(text)")
    }

    @Test(arguments: [
        "Have faith in yourself this exam season.",
        "Nora and Kaur are two different words here.",
        "Faith Hall is booked for the concert.",
        "The Young Writers contest opens Monday.",
    ])
    func ordinaryWordsAreNotNames(text: String) throws {
        #expect(try found(text).isEmpty, "\(text)")
    }

    @Test func severityFollowsConsentOnThePostDate() throws {
        let inImage = try found("Nora Kaur-Singh paints a mural", field: .imageAlt)
        #expect(inImage.map(\.rule) == ["student-name.roster-image"] && inImage.first?.severity == .high)
        #expect(try found("Nora Kaur-Singh paints a mural").first?.rule == "student-name.roster")
        let consented = try found("Chloé Tremblay chante", field: .figcaption)
        #expect(consented.first?.rule == "student-name.consent-on-file" && consented.first?.severity == .info)
        // Maria's consent runs until 2026-03-31: covered in February, not in May.
        #expect(try found("Maria de la Cruz reads", published: "2026-02-10").first?.severity == .info)
        #expect(try found("Maria de la Cruz reads", published: "2026-05-10").first?.severity == .high)
    }

    @Test func staffAreNotStudentsAndSharedNamesAreFlaggedAsSuch() throws {
        let staff = "first_name,last_name,role,school\nJordan,Wood,Teacher,Northwind High\nDana,Holt,Principal,Lakeside School\n"
        let shared = try found("Jordan Wood led the assembly.", staff: staff)
        #expect(shared.count == 1 && (shared.first?.confidence ?? 1) < 0.9, "on both lists: reported, less sure")
        #expect(shared.first?.message.contains("also on the staff list") == true)
        #expect(try found("Congratulations to Grade 4 student Dana Holt!", staff: staff).isEmpty)
    }

    @Test func studentsNotOnTheRosterAreFoundByContextAtMediumSeverity() throws {
        let found = try found("Grade 9 student Dmitri Halloran performs his song.")
        #expect(found.map(\.match.text) == ["Dmitri Halloran"])
        #expect(found.first?.rule == "student-name.context" && found.first?.severity == .medium)
        #expect(try self.found("Mr. Dmitri Halloran teaches Grade 9.").isEmpty)
        #expect(try self.found("Grade 2 students walked the Terry Fox Run route.").isEmpty)
    }

    @Test func rosterOnlyReportsRosterStudentsAlone() throws {
        let detector = StudentNameDetector(
            roster: try Self.roster(Self.students), staff: nil, data: try #require(Self.names), key: Self.key, today: "2026-01-15",
            findUnlisted: false)
        let item = Item(id: "p", fields: [TextField(origin: .content, text: "Grade 9 student Dmitri Halloran and Sasha Petrov won.")])
        #expect(detector.findings(in: item, source: "t").map(\.match.text) == ["Sasha Petrov"])
    }

    /// The roster-only fast path skips a field only when the full path finds no roster student in it.
    @Test func theRosterOnlyFastPathMissesNothing() throws {
        let names = try #require(Self.names)
        let key = try #require(Self.key)
        var students = try RosterReader().students(path: Repo.path("Samples/roster/students.csv"))
        students.students.append(Roster.Student(firstName: "Alexander", lastName: "della Rovere", preferredName: "Mateo"))
        let roster = HashedRoster(roster: students, key: key, nicknames: names.nicknames)
        let full = StudentNameDetector(roster: roster, staff: nil, data: names, key: key, today: "2026-01-15")
        let fast = StudentNameDetector(roster: roster, staff: nil, data: names, key: key, today: "2026-01-15", findUnlisted: false)
        let folder = Repo.path("Samples/eval/dev")
        var checked = 0
        var texts: [String] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: folder).sorted() where file.hasSuffix(".jsonl") {
            for line in try String(contentsOfFile: folder + "/" + file, encoding: .utf8).split(separator: "\n") {
                texts.append(try #require(try jsonObject(String(line))["text"] as? String))
            }
        }
        // Names at every offset from the fast path's 16-byte chunks, after accents and typography.
        for pad in 0..<40 {
            texts.append(String(repeating: "é", count: pad % 5) + String(repeating: "a", count: pad)
                + " « Bravo » — à Zoé Arsenault’s mural, l’Émile Gauthier et ZOÉ ARSENAULT!")
            texts.append(String(repeating: "b", count: pad) + "«Zoé Arsenault»—Émile Gauthier’Zoé Arsenault")
            texts.append(String(repeating: "c", count: pad) + " Alex della Rovere and M. della Rovere, Isabella de la Cruz")
        }
        for text in texts {
            do {
                let item = Item(id: "p", fields: [TextField(origin: .content, text: text)])
                let expected = full.findings(in: item, source: "t").filter { $0.rule != "student-name.context" }.map(\.match.text)
                #expect(fast.findings(in: item, source: "t").map(\.match.text) == expected, "\(text)")
                checked += expected.isEmpty ? 0 : 1
            }
        }
        #expect(checked > 80)
        let particles = Item(id: "p", fields: [TextField(origin: .content, text: "Well done, Alex della Rovere and M. della Rovere!")])
        #expect(fast.findings(in: particles, source: "t").map(\.match.text) == ["Alex della Rovere", "M. della Rovere"])
    }

    @Test func fingerprintsAreKeyedAndSharedAcrossConsentChanges() throws {
        let first = try #require(try found("Maria de la Cruz reads", published: "2026-02-10").first)
        let second = try #require(try found("Maria de la Cruz reads", published: "2026-05-10").first)
        #expect(first.fingerprint == second.fingerprint)
        #expect(first.fingerprint != Fingerprint.of(rule: "student-name", itemID: "post-1", match: "Maria de la Cruz"))
    }

    @Test func aRosterStudentsNumberIsAConfidentialFinding() throws {
        let detector = try #require(RosterNumberDetector(roster: try Self.roster(Self.students)))
        func numbers(_ text: String) -> [String] {
            detector.findings(in: Item(id: "p", fields: [TextField(origin: .content, text: text)]), source: "t").map(\.match.text)
        }
        #expect(numbers("Her file: 318400002. Also 318-400-003 and 318 400 004.") == ["318400002", "318-400-003", "318 400 004"])
        #expect(numbers("Call 318400009 or 780-555-0123; ref A318400002; 3184000021") == [])
        let finding = try #require(detector.findings(in: Item(id: "p", fields: [TextField(origin: .content, text: "ASN 318400001")]), source: "t").first)
        #expect(finding.category == .confidential && finding.severity == .high && finding.rule == "confidential.roster-student-number")
    }

    /// A 540 KB field holding 20,000 names: each is reported once. It also exercises the
    /// per-word overlap flags on a field a hostile feed could send.
    @Test func aFieldFullOfNamesYieldsEachNameOnce() throws {
        let text = String(repeating: "Grade 4 student Nora Kaur-Singh and Dmitri Halloran. ", count: 10_000)
        let item = Item(id: "p", fields: [TextField(origin: .content, text: text)])
        let found = try detector().findings(in: item, source: "t")
        #expect(found.count == 2)
        #expect(Set(found.map(\.match.text)) == ["Nora Kaur-Singh", "Dmitri Halloran"])
    }

    @Test func findingsCarryNoRosterData() throws {
        let findings = try found("Sasha Petrov scored twice.")
        for finding in findings {
            let printed = [finding.message, finding.snippet, finding.match.text].joined(separator: " ")
            for secret in ["Alexander", "318400002", "Northwind", "Grade"] { #expect(!printed.contains(secret)) }
        }
    }
}
