import Foundation
import Testing

/// `roster import`, `roster keygen`, `--roster` / `--staff` / `--key-file` and `--redact`,
/// through the command line, on the fictional roster in `Samples/roster/`.
@Suite("Roster commands and redaction")
struct RosterCommandTests {
    static let roster = Repo.path("Samples/roster/students.csv")
    static let staff = Repo.path("Samples/roster/staff.csv")
    static let key = Repo.path("Samples/roster/demo.key")

    private func scratch() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("socialscan-roster-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test func importedFileHoldsNoPlaintextAndIsOwnerOnly() throws {
        let out = try scratch() + "/roster.json"
        let result = runCLI(["roster", "import", Self.roster, "--out", out, "--key-file", Self.key])
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stderr.contains("imported 80 students"))
        let written = try String(contentsOfFile: out, encoding: .utf8).lowercased()
        let csv = try String(contentsOfFile: Self.roster, encoding: .utf8)
        for row in csv.split(separator: "\n").dropFirst() {
            let fields = row.split(separator: ",", omittingEmptySubsequences: false).map { $0.lowercased() }
            for secret in [fields[0], fields[1], fields[2]] where secret.count > 2 {
                #expect(!written.contains(secret), "the roster file contains \(secret)")
            }
        }
        let mode = try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func scanWithTheImportedFileEqualsScanWithTheCSV() throws {
        let out = try scratch() + "/roster.json"
        #expect(runCLI(["roster", "import", Self.roster, "--out", out, "--key-file", Self.key]).code == 0)
        let draft = try temporaryFile(named: "draft.txt", contents: "Bravo à Zoé Arsenault, élève de 4e année!")
        let fromFile = runCLI(["check", "--format", "jsonl", "--roster", out, "--key-file", Self.key, draft])
        let fromCSV = runCLI(["check", "--format", "jsonl", "--roster", Self.roster, "--key-file", Self.key, draft])
        #expect(fromFile.code == 1)
        #expect(fromFile.stdout == fromCSV.stdout)
        #expect(fromFile.stdout.contains("student-name.roster"))
    }

    @Test func aMissingOrWrongKeyIsAConfigurationError() throws {
        let directory = try scratch()
        let out = directory + "/roster.json"
        #expect(runCLI(["roster", "import", Self.roster, "--out", out, "--key-file", Self.key]).code == 0)
        let draft = try temporaryFile(named: "draft.txt", contents: "Zoé Arsenault")
        let missing = runCLI(["check", "--roster", out, draft])
        #expect(missing.code == 2)
        #expect(missing.stderr.contains("SOCIALSCAN_ROSTER_KEY"))
        let wrong = runCLI(["check", "--roster", out, draft], environment: ["SOCIALSCAN_ROSTER_KEY": "another key, long enough"])
        #expect(wrong.code == 2)
        #expect(wrong.stderr.contains("does not match"))
        let short = runCLI(["check", "--roster", out, draft], environment: ["SOCIALSCAN_ROSTER_KEY": "short"])
        #expect(short.code == 2)
        let fromEnvironment = runCLI(
            ["roster", "import", Self.roster, "--out", directory + "/env.json"],
            environment: ["SOCIALSCAN_ROSTER_KEY": "demo-only-key-for-the-fictional-sample-roster-never-use-for-real-data"])
        #expect(fromEnvironment.code == 0)
        #expect(runCLI(["check", "--roster", directory + "/env.json", "--key-file", Self.key, draft]).code == 1)
    }

    @Test func aBadRowNamesItsLineAndNothingIsWritten() throws {
        let directory = try scratch()
        let csv = "\u{FEFF}first_name,last_name,media_consent\nNora,Kaur,yes\n\"Liam\nJr\",Osei,no\nAva,,yes\n"
        let path = try temporaryFile(named: "bad.csv", contents: csv)
        let result = runCLI(["roster", "import", path, "--out", directory + "/r.json", "--key-file", Self.key])
        #expect(result.code == 2)
        #expect(result.stderr.contains("bad.csv:5: last_name is empty"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory + "/r.json"))
        // A wrong column mapping must not echo a cell (it could be a name) to stderr.
        let consent = try temporaryFile(named: "consent.csv", contents: "first_name,last_name,media_consent\nNora,Kaur,Nadia Ferreira\n")
        let bad = runCLI(["roster", "import", consent, "--out", directory + "/r.json", "--key-file", Self.key])
        #expect(bad.stderr.contains("consent.csv:2") && !bad.stderr.contains("Nadia"))
        #expect(runCLI(["roster", "import", Self.roster, "--out", directory + "/r.json"]).code == 2, "no key")
        #expect(runCLI(["roster", "import", Self.roster, "--out", directory + "/r.json", "--key-file", Self.key, "--no-default-patterns"]).code == 2,
                "no name data")
        let draft = try temporaryFile(named: "d.txt", contents: "Zoé Arsenault")
        #expect(runCLI(["check", "--roster-only", draft]).code == 2)
        let open = try temporaryFile(named: "open.csv", contents: "first_name,last_name\n\"Nora,Kaur\n")
        #expect(runCLI(["roster", "import", open, "--out", directory + "/r.json", "--key-file", Self.key]).stderr.contains("open.csv:2: a quoted field is never closed"))
    }

    @Test func otherExportsMapTheirColumnsAndEncodings() throws {
        let directory = try scratch()
        let latin1 = Array("Legal First,Legal Last\nChlo".utf8) + [0xE9] + Array(",Tremblay\n".utf8)
        let path = directory + "/export.csv"
        #expect(FileManager.default.createFile(atPath: path, contents: Data(latin1)))
        let arguments = ["roster", "import", path, "--out", directory + "/r.json", "--key-file", Self.key]
        #expect(runCLI(arguments).stderr.contains("is not valid utf-8 text; choose another with --encoding"))
        #expect(runCLI(arguments + ["--encoding", "windows-1252"]).stderr.contains("no first_name column"))
        let mapped = runCLI(arguments + ["--column", "first_name=Legal First", "--column", "last_name=Legal Last", "--encoding", "windows-1252"])
        #expect(mapped.code == 0, "\(mapped.stderr)")
        let draft = try temporaryFile(named: "d.txt", contents: "Chloé Tremblay")
        #expect(runCLI(["check", "--roster", directory + "/r.json", "--key-file", Self.key, draft]).code == 1)
    }

    @Test func keygenWritesAPrivateKeyAndNeverOverwrites() throws {
        let path = try scratch() + "/key"
        #expect(runCLI(["roster", "keygen", "--out", path]).code == 0)
        let key = try String(contentsOfFile: path, encoding: .utf8)
        #expect(key.count == 65)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600)
        #expect(runCLI(["roster", "keygen", "--out", path]).code == 2)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == key)
    }

    @Test(arguments: ["jsonl", "csv", "sarif", "text", "html"])
    func redactMasksNamesInEveryFormatAndKeepsFingerprints(format: String) throws {
        let draft = try temporaryFile(named: "draft.txt", contents: "Zoé Arsenault's poem won. Photo © 2025 Prairie Sky Photography")
        let common = ["check", "--roster", Self.roster, "--staff", Self.staff, "--key-file", Self.key, "--format", format, draft]
        let plain = runCLI(common)
        let redacted = runCLI(common + ["--redact"])
        #expect(plain.stdout.contains("Arsenault"))
        #expect(!redacted.stdout.contains("Arsenault") && !redacted.stdout.contains("Prairie Sky"), "\(redacted.stdout)")
        #expect(redacted.code == plain.code)
        if format == "jsonl" {
            let before = try plain.stdoutLines.map(jsonObject)
            let after = try redacted.stdoutLines.map(jsonObject)
            #expect(before.map { $0["fingerprint"] as? String } == after.map { $0["fingerprint"] as? String })
            #expect(after.allSatisfy { $0["redacted"] as? Bool == true })
            #expect((after[0]["match"] as? [String: Any])?["text"] as? String == "Z. A.")
            #expect((after[0]["match"] as? [String: Any])?["start"] as? Int == 0)
        }
    }
}
