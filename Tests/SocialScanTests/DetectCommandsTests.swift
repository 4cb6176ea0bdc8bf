import Foundation
import Testing

@Suite("check, patterns, eval and detection flags")
struct DetectCommandsTests {
    @Test func checkRunsTheRulesOnPlainText() throws {
        let draft = try temporaryFile(named: "draft.txt", contents: "Great game tonight!\nPhoto: Prairie Sky Photography. All rights reserved.")
        let result = runCLI(["check", "--format", "jsonl", draft])
        #expect(result.code == 1)
        let records = try result.stdoutLines.map(jsonObject)
        #expect(records.map { $0["rule"] as? String } == ["copyright.photo-credit", "copyright.all-rights-reserved"])
        #expect(records.allSatisfy { $0["field"] as? String == "text" && ($0["item"] as? [String: Any])?["url"] as? String == draft })
        let clean = try temporaryFile(named: "clean.txt", contents: "Bake sale on Friday in the gym.")
        #expect(runCLI(["check", clean]).code == 0)
        #expect(runCLI(["check", "/nonexistent/draft.txt"]).code == 3)
    }

    @Test func ownHolderNoticesAreNotFindings() throws {
        let draft = try temporaryFile(named: "own.txt", contents: "© 2025 Aspen Ridge School Division. All rights reserved.")
        #expect(runCLI(["check", draft]).code == 1)
        let own = runCLI(["check", "--own-holder", "aspen ridge school division", draft])
        #expect(own.code == 0, "\(own.stdout)")
    }

    @Test func minConfidenceHidesWeakFindingsUnlessAll() throws {
        let draft = try temporaryFile(named: "credit.txt", contents: "Photo: Jordan Vale Photography")
        #expect(runCLI(["check", "--format", "jsonl", draft]).stdoutLines.count == 1)
        #expect(runCLI(["check", "--format", "jsonl", "--min-confidence", "0.9", draft]).stdoutLines.isEmpty)
        #expect(runCLI(["check", "--format", "jsonl", "--min-confidence", "0.9", "--all", draft]).stdoutLines.count == 1)
        #expect(runCLI(["check", "--min-confidence", "2", draft]).code == 2)
    }

    @Test func patternsTestPassesOnShippedPacksAndReportsFailures() throws {
        let shipped = runCLI(["patterns", "test"])
        #expect(shipped.code == 0)
        #expect(shipped.stdout.contains(" 0 failed"))
        let pack = """
            rules:
              - id: local.broken-example
                category: copyright
                policy: "2.6"
                severity: low
                message: A rule whose examples are wrong.
                keywords: [stock photo]
                examples:
                  match: ["no such words here"]
                  no-match: ["a stock photo of a bus"]
            """
        let path = try temporaryFile(named: "bad.yml", contents: pack)
        let result = runCLI(["patterns", "test", path.directory])
        #expect(result.code == 1)
        #expect(result.stdout.contains("FAIL local.broken-example"))
        #expect(result.stdout.contains("did not match: \"no such words here\""))
        #expect(result.stdout.contains("matched \"stock photo\""))
        #expect(result.stdout.contains("2 failed"))
    }

    @Test func patternsListAndExplain() {
        let list = runCLI(["patterns", "list"])
        #expect(list.code == 0)
        #expect(list.stdout.contains("copyright.stock-credit\tcopyright\tAP 2-27 2.6"))
        let explain = runCLI(["patterns", "explain", "copyright.stock-credit"])
        #expect(explain.stdout.contains("Getty Images"))
        #expect(explain.stdout.contains("match:"))
        #expect(runCLI(["patterns", "explain", "no.such-rule"]).code == 2)
    }

    @Test func evalPrintsPrecisionAndRecall() {
        let result = runCLI(["eval", Repo.path("Samples/eval")])
        #expect(result.code == 0)
        #expect(result.stdout.contains("split test"))
        let row = result.stdout.split(separator: "\n").first { $0.hasPrefix("copyright") }
        #expect(row != nil)
        let numbers = row.map { $0.split(separator: " ").compactMap { Double($0) } } ?? []
        #expect(numbers.count == 6)
        #expect((numbers.last ?? 0) > 0.5, "recall \(numbers)")
    }

    @Test func foldingMatchesAcrossCaseAccentsQuotesAndDashes() throws {
        let draft = try temporaryFile(named: "fold.txt", contents: "TOUS DROITS RESERVES — Reproduite avec la permission des Éditions du Lac")
        let rules = try runCLI(["check", "--format", "jsonl", draft]).stdoutLines.map(jsonObject).compactMap { $0["rule"] as? String }
        #expect(rules == ["copyright.all-rights-reserved", "copyright.used-with-permission"])
    }
}
