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
    @OptionGroup var input: InputOptions
    @OptionGroup var diagnostics: DiagnosticsOptions


    func execute(io base: CommandIO) -> Int32 {
        let io = diagnostics.configure(base)
        let detectors: [any Detector]
        let reporter: any Reporter
        do {
            detectors = try detection.detectors(rules: patterns.loadRules(environment: io.environment))
            reporter = try output.makeReporter(io: io)
        } catch let error as PatternError {
            io.diagnose(.error, error.description)
            return ScanOutcome.usageError.rawValue
        } catch let error as OutputError {
            io.diagnose(.error, error.message)
            return ScanOutcome.usageError.rawValue
        } catch {
            io.diagnose(.error, "\(error)")
            return ScanOutcome.usageError.rawValue
        }
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
