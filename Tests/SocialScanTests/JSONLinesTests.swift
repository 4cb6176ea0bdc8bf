import Foundation
import Testing

@Suite("JSON Lines findings")
struct JSONLinesTests {
    static let requiredPaths = [
        "schema", "category", "rule", "policy", "severity", "confidence", "source.url", "item.id", "item.url",
        "item.title", "field", "match.text", "match.start", "match.end", "snippet", "message", "fingerprint",
    ]

    @Test func everyLineHasTheSchemaFields() throws {
        let result = runCLI(["scan", "--format", "jsonl", Repo.path("Samples/feeds")])
        #expect(result.code == 1)
        #expect(!result.stdoutLines.isEmpty)
        for line in result.stdoutLines {
            let record = try jsonObject(line)
            // Consumers dispatch on schema; problem records (recovered sample) are checked elsewhere.
            guard record["schema"] as? String == "socialscan/finding@1" else {
                #expect(record["schema"] as? String == "socialscan/problem@1")
                continue
            }
            for path in Self.requiredPaths {
                #expect(Self.value(at: path, in: record) != nil, "missing \(path) in \(line)")
            }
            #expect(["student-name", "confidential", "defamation", "copyright"].contains(record["category"] as? String))
            #expect(["high", "medium", "low", "info"].contains(record["severity"] as? String))
        }
    }

    @Test func matchOffsetsSliceTheMatchText() throws {
        let text = "Fête de l'école 🎈 — affiche © 2023 Atelier Boréal"
        let feed = "<rss version=\"2.0\"><channel><item><title>Affiche</title><description>\(text)</description></item></channel></rss>"
        let result = runCLI(["scan", "--format", "jsonl", try temporaryFile(named: "fr.rss", contents: feed)])
        let record = try jsonObject(try #require(result.stdoutLines.first))
        let match = try #require(record["match"] as? [String: Any])
        let start = try #require(match["start"] as? Int)
        let end = try #require(match["end"] as? Int)
        let scalars = Array(text.unicodeScalars)[start..<end]
        var slice = String.UnicodeScalarView()
        slice.append(contentsOf: scalars)
        #expect(String(slice) == match["text"] as? String)
    }

    /// Golden files: `Samples/feeds/<name>.findings.jsonl`; re-record with SOCIALSCAN_RECORD=1.
    /// The student-name sample is scanned with the fictional roster, staff list and demo key.
    @Test(arguments: ["lakeside-school-news.rss", "northwind-athletics.atom", "student-names-media.rss"])
    func samplesMatchTheirGoldenFindings(sample: String) throws {
        let relative = "Samples/feeds/" + sample
        let roster = sample.hasPrefix("student-names") ? [
            "--roster", Repo.path("Samples/roster/students.csv"), "--staff", Repo.path("Samples/roster/staff.csv"),
            "--key-file", Repo.path("Samples/roster/demo.key"),
        ] : []
        let result = runCLI(["scan", "--format", "jsonl", Repo.path(relative)] + roster)
        let actual = result.stdout.replacingOccurrences(of: Repo.root + "/", with: "")
        let golden = Repo.path("Samples/feeds/expected/" + sample + ".findings.jsonl")
        if ProcessInfo.processInfo.environment["SOCIALSCAN_RECORD"] == "1" {
            try actual.write(toFile: golden, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOfFile: golden, encoding: .utf8)
        #expect(actual == expected, "re-record with SOCIALSCAN_RECORD=1 if the change is intended")
    }

    static func value(at path: String, in record: [String: Any]) -> Any? {
        var current: Any? = record
        for key in path.split(separator: ".") {
            current = (current as? [String: Any])?[String(key)]
        }
        return current
    }
}
