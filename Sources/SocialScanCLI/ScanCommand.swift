import ArgumentParser
import ScanCore
import ScanDetect
import ScanFetch
import ScanReport

/// `socialscan scan TARGET...`: fetch, parse, detect and report.
struct ScanCommand: ParsableCommand, RunnableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Scan feeds and pages (URLs, files or directories) and report findings.",
        discussion: "Targets are scanned in argument order; a directory contributes its feed and page files, recursively, sorted by path.")

    @Argument(help: ArgumentHelp("http(s) URLs, files or directories.", valueName: "target"))
    var targets: [String]

    @OptionGroup var output: OutputOptions
    @OptionGroup var patterns: PatternOptions

    @Flag(help: "Allow URLs that resolve to loopback or private-network addresses.")
    var allowPrivate = false

    func validate() throws {
        if targets.isEmpty { throw ValidationError("Give at least one target: a URL, a file or a directory.") }
        try output.validate()
    }

    func execute(io: CommandIO) -> Int32 {
        let detector: PatternDetector
        do {
            detector = try PatternDetector(rules: patterns.loadRules(environment: io.environment))
        } catch {
            io.diagnose("error", error.description)
            return ScanOutcome.usageError.rawValue
        }
        var settings = FetchSettings()
        settings.allowPrivate = allowPrivate
        let run = ScanRun(fetcher: Fetcher(settings: settings), detectors: [detector], io: io)
        let reporter = output.makeReporter(io: io)
        let summary = run.scan(arguments: targets, reporter: reporter, version: RootCommand.version)
        return ScanOutcome.of(
            failedTargets: summary.sourcesFailed,
            findingsAtOrAboveThreshold: summary.findings(atLeast: output.failOnSeverity)
        ).rawValue
    }
}
