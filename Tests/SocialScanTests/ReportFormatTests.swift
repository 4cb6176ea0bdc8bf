import Foundation
import ScanReport
import SocialScanCLI
import Testing

/// Every output format on fixed samples: golden files (re-record with SOCIALSCAN_RECORD=1),
/// schema validation, and safety against hostile post content.
@Suite("Report formats")
struct ReportFormatTests {
    static let hostile = Repo.path("Tests/SocialScanTests/Fixtures/hostile-feed.rss")
    static let fixedClock = ["SOCIALSCAN_NOW": "2025-06-15T06:00:00Z"]

    private func scan(_ format: String, _ targets: [String], environment: [String: String] = fixedClock) -> CLIResult {
        runCLI(["scan", "--format", format] + targets, environment: environment)
    }

    @Test(arguments: ReporterRegistry.formatIDs)
    func goldenReport(format: String) throws {
        let targets = [
            Repo.path("Samples/feeds/lakeside-school-news.rss"), Repo.path("Samples/feeds/illformed-recovered.rss"),
            "/nonexistent/feed.rss",
        ]
        let result = scan(format, targets)
        #expect(result.code == 3)
        let actual = result.stdout.replacingOccurrences(of: Repo.root + "/", with: "")
        let golden = Repo.path("Tests/SocialScanTests/Golden/report.\(format)")
        if ProcessInfo.processInfo.environment["SOCIALSCAN_RECORD"] == "1" {
            try FileManager.default.createDirectory(atPath: Repo.path("Tests/SocialScanTests/Golden"), withIntermediateDirectories: true)
            try actual.write(toFile: golden, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOfFile: golden, encoding: .utf8)
        #expect(actual == expected, "re-record with SOCIALSCAN_RECORD=1 if the change is intended")
        #expect(scan(format, targets).stdout == result.stdout, "byte-stable across runs")
    }

    @Test func sarifValidatesAgainstTheOfficialSchema() throws {
        let result = scan("sarif", [Repo.path("Samples/feeds"), "/nonexistent/feed.rss", Self.hostile])
        let validate = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            report = json.load(sys.stdin)
            jsonschema.validate(report, schema)
            run = report["runs"][0]
            print(len(run["results"]), len(run["invocations"][0]["toolExecutionNotifications"]))
            """
        let python = try runPython(validate, arguments: [Repo.path("Tests/SocialScanTests/Fixtures/sarif-schema-2.1.0.json")], input: result.stdout)
        #expect(python.code == 0, "\(python.output)")
        let counts = python.output.split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { Int($0) }
        #expect(counts.count == 2 && counts[0] > 20 && counts[1] == 2, "results and notifications: \(python.output)")
    }

    @Test func csvReadsInPythonWithTheDocumentedColumnsAndNeutralisedFormulas() throws {
        let result = scan("csv", [Repo.path("Samples/feeds/lakeside-school-news.rss"), Self.hostile])
        let read = """
            import csv, io, sys, json
            rows = list(csv.reader(io.StringIO(sys.stdin.read(), newline="")))
            print(json.dumps(rows))
            """
        let python = try runPython(read, input: result.stdout)
        #expect(python.code == 0, "\(python.output)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(python.output.utf8)) as? [[String]])
        #expect(rows.first == CSVReporter.columns)
        #expect(rows.first == [
            "schema", "category", "rule", "policy", "severity", "confidence", "source.url", "item.id", "item.url",
            "item.title", "field", "match.text", "match.start", "match.end", "snippet", "message", "fingerprint",
            "copyright.year", "copyright.holder", "redacted",
        ])
        let findings = scan("jsonl", [Repo.path("Samples/feeds/lakeside-school-news.rss"), Self.hostile]).stdoutLines
        #expect(rows.count == 1 + findings.filter { $0.contains("socialscan/finding@1") }.count)
        for row in rows.dropFirst() {
            #expect(row.count == CSVReporter.columns.count)
            for cell in row {
                #expect(!["=", "+", "-", "@", "\t", "\r"].contains(cell.first.map(String.init) ?? ""), "formula cell: \(cell)")
            }
        }
        #expect(rows.contains { $0[9].hasPrefix("'=HYPERLINK") })
    }

    @Test func htmlReportKeepsPostContentInert() throws {
        let result = scan("html", [Self.hostile])
        let inspect = """
            import sys, json
            from html.parser import HTMLParser
            class Inspect(HTMLParser):
                def __init__(self):
                    super().__init__(); self.scripts = 0; self.handlers = []; self.js = []; self.ids = []; self.links = []
                def handle_starttag(self, tag, attrs):
                    if tag == "script": self.scripts += 1
                    for name, value in attrs:
                        if name.startswith("on"): self.handlers.append(name)
                        if value and value.strip().lower().startswith("javascript:"): self.js.append(value)
                        if name == "id": self.ids.append(value)
                        if tag == "a" and name == "href": self.links.append(value)
            p = Inspect(); p.feed(sys.stdin.read())
            print(json.dumps({"scripts": p.scripts, "handlers": p.handlers, "js": p.js, "ids": p.ids, "links": p.links}))
            """
        let python = try runPython(inspect, input: result.stdout)
        let facts = try #require(try JSONSerialization.jsonObject(with: Data(python.output.utf8)) as? [String: Any], "\(python.output)")
        #expect(facts["scripts"] as? Int == 1, "only the report's own script")
        #expect((facts["handlers"] as? [String])?.isEmpty == true)
        #expect((facts["js"] as? [String])?.isEmpty == true)
        #expect((facts["ids"] as? [String])?.contains("pwned") == false)
        let links = facts["links"] as? [String] ?? []
        #expect(!links.isEmpty && links.allSatisfy { $0.hasPrefix("https://") || $0.hasPrefix("http://") })
        #expect(result.stdout.contains("Content-Security-Policy"))
        #expect(result.stdout.contains("default-src 'none'"))
        #expect(!result.stdout.contains("<img"))
    }

    @Test func htmlPolicyHashesMatchTheInlineStyleAndScript() throws {
        let html = scan("html", [Repo.path("Samples/feeds/lakeside-school-news.rss")]).stdout
        let check = """
            import sys, re, hashlib, base64
            html = sys.stdin.read()
            csp = re.search(r'Content-Security-Policy" content="([^"]*)"', html).group(1)
            def digest(text): return "sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
            style = re.search(r"<style>(.*?)</style>", html, re.S).group(1)
            script = re.search(r"<script>(.*?)</script>", html, re.S).group(1)
            print(digest(style) in csp and digest(script) in csp)
            """
        let python = try runPython(check, input: html)
        #expect(python.output.trimmingCharacters(in: .whitespacesAndNewlines) == "True", "\(python.output)")
    }

    @Test func textNeutralisesEscapesAndColoursOnlyOnATerminal() throws {
        let feed = "<rss version=\"2.0\"><channel><item><title>Red \u{1B}[31malert\u{1B}[0m</title><description>Art © 2024 \u{202E}Studio\u{9B}2J</description></item></channel></rss>"
        let path = try temporaryFile(named: "ansi.rss", contents: feed)
        let plain = runCLI(["scan", path])
        #expect(!plain.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x9B || $0.value == 0x202E })
        let out = BufferSink()
        let err = BufferSink()
        let code = SocialScanCLI.SocialScanMain.run(
            arguments: ["scan", path], io: .init(stdout: out, stderr: err, environment: [:], stdoutIsTerminal: true))
        #expect(code == 1)
        #expect(out.text.contains("\u{1B}["))
        let noColor = BufferSink()
        _ = SocialScanCLI.SocialScanMain.run(
            arguments: ["scan", path], io: .init(stdout: noColor, stderr: err, environment: ["NO_COLOR": "1"], stdoutIsTerminal: true))
        #expect(!noColor.text.contains("\u{1B}"))
    }

    @Test func outputFilesAreWrittenInTheSameRun() throws {
        let directory = try temporaryFile(named: "placeholder", contents: "").directory
        let jsonl = directory + "/findings.jsonl"
        let html = directory + "/report.html"
        let result = runCLI(["scan", "--output", "jsonl:" + jsonl, "--output", "html:" + html, Repo.path("Samples/feeds/lakeside-school-news.rss")])
        #expect(result.code == 1)
        #expect(result.stdout.contains("findings"))
        #expect(try String(contentsOfFile: jsonl, encoding: .utf8).split(separator: "\n").count == 2)
        #expect(try String(contentsOfFile: html, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
        let unwritable = runCLI(["scan", "--output", "csv:/nonexistent-dir/x.csv", Repo.path("Samples/feeds/lakeside-school-news.rss")])
        #expect(unwritable.code == 2)
        #expect(unwritable.stdout.isEmpty)
        #expect(unwritable.stderr.contains("/nonexistent-dir/x.csv"))
    }

    @Test func problemsAreRecordsOfTheirOwn() throws {
        let result = scan("jsonl", ["/nonexistent/feed.rss", Repo.path("Samples/feeds/illformed-recovered.rss")])
        let problems = try result.stdoutLines.map(jsonObject).filter { $0["schema"] as? String == "socialscan/problem@1" }
        #expect(problems.count == 2)
        #expect(problems.allSatisfy { $0["category"] == nil })
        #expect(problems.map { $0["reason"] as? String } == ["not-found", "ill-formed"])
        #expect(problems.map { $0["stage"] as? String } == ["fetch", "parse"])
        #expect(problems.map { $0["level"] as? String } == ["error", "warning"])
    }
}
