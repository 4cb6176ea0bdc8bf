import ScanReport
import ScanTestSupport
import SocialScanCLI
import Testing

@Suite("Diagnostics: progress and log levels")
struct DiagnosticsTests {
    static let feed = "<rss version=\"2.0\"><channel><item><title>T</title><description>Art © 2024 Studio Nord</description></item></channel></rss>"

    private func run(_ arguments: [String], stderrIsTerminal: Bool) -> (code: Int32, stdout: String, stderr: String) {
        let out = BufferSink()
        let err = BufferSink()
        let io = CommandIO(stdout: out, stderr: err, environment: [:], stdoutIsTerminal: false, stderrIsTerminal: stderrIsTerminal)
        let code = SocialScanMain.run(arguments: arguments, io: io)
        return (code, out.text, err.text)
    }

    @Test func progressLineOnlyOnATerminalForLongRunsAndNeverWithQuiet() throws {
        let server = try LoopbackHTTPServer(routes: ["/slow.xml": .feed(Self.feed, delay: 1.2), "/fast.xml": .feed(Self.feed)])
        let arguments = ["scan", "--allow-private", "--format", "jsonl", server.url("/slow.xml"), server.url("/fast.xml")]
        let terminal = run(arguments, stderrIsTerminal: true)
        #expect(terminal.stderr.contains("sources read"))
        #expect(terminal.stderr.hasSuffix("\r\u{1B}[2K"), "the line is erased at the end")
        #expect(!terminal.stdout.contains("sources read"))
        #expect(run(arguments, stderrIsTerminal: false).stderr.isEmpty)
        #expect(run(arguments + ["--quiet"], stderrIsTerminal: true).stderr.isEmpty)
    }

    @Test func logLevelChoosesWhatReachesStderr() throws {
        let path = try temporaryFile(named: "broken.rss", contents: "<rss version=\"2.0\"><channel><item><title>A & B</title></item></channel></rss>")
        #expect(run(["scan", path], stderrIsTerminal: false).stderr.contains("socialscan: warning:"))
        #expect(run(["scan", "--log-level", "error", path], stderrIsTerminal: false).stderr.isEmpty)
        let debug = run(["scan", "--log-level", "debug", path], stderrIsTerminal: false).stderr
        #expect(debug.contains("socialscan: debug:"))
        #expect(run(["scan", "--log-level", "chatty", path], stderrIsTerminal: false).code == 2)
    }
}
