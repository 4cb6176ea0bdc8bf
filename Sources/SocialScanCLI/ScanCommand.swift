import ArgumentParser
import ScanCore
import ScanDetect
import ScanFetch
import ScanParse
import ScanReport

/// `socialscan scan TARGET...`: fetch, parse, detect and report.
struct ScanCommand: ParsableCommand, RunnableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Scan feeds and pages (URLs, files or directories) and report findings.",
        discussion: "Targets are scanned in argument order; a directory contributes its feed and page files, recursively, sorted by path.")

    @OptionGroup var arguments: TargetArguments

    @OptionGroup var output: OutputOptions
    @OptionGroup var patterns: PatternOptions
    @OptionGroup var input: InputOptions


    func execute(io: CommandIO) -> Int32 {
        let detector: PatternDetector
        do {
            detector = try PatternDetector(rules: patterns.loadRules(environment: io.environment))
        } catch {
            io.diagnose("error", error.description)
            return ScanOutcome.usageError.rawValue
        }
        let pipeline = DocumentPipeline(
            fetcher: Fetcher(settings: input.fetchSettings), parser: DocumentParser(limits: input.parseLimits), io: io)
        let run = ScanRun(pipeline: pipeline, detectors: [detector])
        let reporter = output.makeReporter(io: io)
        let summary = run.scan(arguments: arguments.targets, reporter: reporter, version: RootCommand.version)
        return ScanOutcome.of(
            failedTargets: summary.sourcesFailed,
            findingsAtOrAboveThreshold: summary.findings(atLeast: output.failOnSeverity)
        ).rawValue
    }
}
