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
    @OptionGroup var detection: DetectionOptions
    @OptionGroup(title: "Student names") var roster: RosterOptions
    @OptionGroup var input: InputOptions
    @OptionGroup var diagnostics: DiagnosticsOptions


    func execute(io base: CommandIO) -> Int32 {
        let io = diagnostics.configure(base)
        guard let setup = RunSetup.make(patterns: patterns, detection: detection, roster: roster, output: output, io: io) else {
            return ScanOutcome.usageError.rawValue
        }
        let (detectors, reporter) = (setup.detectors, setup.reporter)
        let pipeline = DocumentPipeline(
            fetcher: Fetcher(settings: input.fetchSettings), parser: DocumentParser(limits: input.parseLimits), io: io)
        let run = RunInfo(toolVersion: RootCommand.version, targets: arguments.targets, startedAt: RunClock.now(io.environment))
        let summary = ScanRun(pipeline: pipeline, detectors: detectors, threshold: detection.threshold)
            .scan(run: run, reporter: reporter)
        return ScanOutcome.of(
            failedTargets: summary.sourcesFailed,
            findingsAtOrAboveThreshold: summary.findings(atLeast: output.failOnSeverity)
        ).rawValue
    }
}
