import Testing

@Suite("Command line: exit codes and streams")
struct CLIExitCodeTests {
    static let clean = "<rss version=\"2.0\"><channel><item><title>Bake sale Friday</title></item></channel></rss>"
    static let hit = "<rss version=\"2.0\"><channel><item><title>Poster</title><description>Art © 2024 Studio Nord</description></item></channel></rss>"

    @Test func cleanTargetExitsZero() throws {
        let result = runCLI(["scan", try temporaryFile(named: "clean.rss", contents: Self.clean)])
        #expect(result.code == 0)
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.hasPrefix("0 findings"))
    }

    @Test func findingsExitOne() throws {
        let result = runCLI(["scan", "--format", "jsonl", try temporaryFile(named: "hit.rss", contents: Self.hit)])
        #expect(result.code == 1)
        #expect(result.stdoutLines.count == 1)
        #expect(result.stderr.isEmpty)
    }

    @Test func failOnAboveTheFindingsSeverityExitsZero() throws {
        let result = runCLI(["scan", "--fail-on", "high", try temporaryFile(named: "hit.rss", contents: Self.hit)])
        #expect(result.code == 0)
        #expect(result.stdout.contains("copyright.symbol"))
    }

    @Test(arguments: [
        [String](["scan"]),
        ["scan", "--format", "pdf", "x.rss"],
        ["scan", "--fail-on", "critical", "x.rss"],
        ["scan", "--no-such-flag", "x.rss"],
        ["scan", "--max-body", "lots", "x.rss"],
        ["items", "--max-items", "0", "x.rss"],
        ["items"],
        ["frobnicate"],
    ])
    func usageErrorsExitTwo(arguments: [String]) {
        let result = runCLI(arguments)
        #expect(result.code == 2)
        #expect(result.stdout.isEmpty)
        #expect(!result.stderr.isEmpty)
    }

    @Test func helpAndVersionGoToStdoutWithZero() {
        let help = runCLI(["scan", "--help"])
        #expect(help.code == 0)
        #expect(help.stdout.contains("--format"))
        #expect(runCLI(["--help"]).stdout.contains("EXIT CODES"))
        #expect(runCLI(["--version"]).stdout.hasPrefix("0."))
    }

    @Test func brokenPatternPackIsAConfigurationErrorAndNothingIsScanned() throws {
        let pack = try temporaryFile(named: "bad.yml", contents: "rules:\n  - id: bad.rule\n    regex: '(('\n")
        let result = runCLI(["scan", "--patterns", pack.directory, try temporaryFile(named: "hit.rss", contents: Self.hit)])
        #expect(result.code == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("bad.yml:2"))
    }

    @Test func failedTargetsExitThreeAndTheOthersAreStillScanned() throws {
        let missing = "/nonexistent/socialscan/feed.rss"
        let notFeed = try temporaryFile(named: "page.txt", contents: "just words, no markup at all")
        let hit = try temporaryFile(named: "hit.rss", contents: Self.hit)
        let result = runCLI(["scan", "--format", "jsonl", missing, notFeed, hit])
        #expect(result.code == 3)
        #expect(result.stdoutLines.filter { $0.contains("socialscan/finding@1") }.count == 1)
        #expect(result.stdoutLines.filter { $0.contains("socialscan/problem@1") }.count == 2)
        let errors = result.stderr.split(separator: "\n")
        #expect(errors.count == 2)
        #expect(errors[0].contains(missing) && errors[0].contains("not-found"))
        #expect(errors[1].contains(notFeed) && errors[1].contains("not-a-feed"))
    }

    @Test func recoveredDocumentIsAWarningNotAFailure() throws {
        let broken = "<rss version=\"2.0\"><channel><item><title>Fish & chips</title><description>© 2024 Studio Nord</description></item></channel></rss>"
        let result = runCLI(["scan", try temporaryFile(named: "broken.rss", contents: broken)])
        #expect(result.code == 1)
        #expect(result.stderr.contains("warning"))
        #expect(result.stderr.contains("broken.rss"))
    }

    @Test func emptyDirectoryIsAFailedTarget() throws {
        let file = try temporaryFile(named: "notes.txt", contents: "nothing to scan")
        let result = runCLI(["scan", file.directory])
        #expect(result.code == 3)
        #expect(result.stderr.contains("no-documents"))
    }
}
