import ArgumentParser
import Foundation
import ScanCore
import ScanDetect
import ScanReport

/// `socialscan check [FILE|-]`: the same rules on plain text, such as a draft post before it is
/// published. The text is one item with one `text` field; its url is the file path.
struct CheckCommand: ParsableCommand, RunnableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check plain text (a draft post) with the same rules, formats and exit codes as scan.")

    @Argument(help: ArgumentHelp("A text file, or - (the default) for standard input.", valueName: "file"))
    var file = "-"

    @OptionGroup var output: OutputOptions
    @OptionGroup var patterns: PatternOptions
    @OptionGroup var detection: DetectionOptions
    @OptionGroup(title: "Student names") var roster: RosterOptions
    @OptionGroup var diagnostics: DiagnosticsOptions

    func execute(io base: CommandIO) -> Int32 {
        let io = diagnostics.configure(base)
        guard let setup = RunSetup.make(patterns: patterns, detection: detection, roster: roster, output: output, io: io) else {
            return ScanOutcome.usageError.rawValue
        }
        let (detectors, reporter) = (setup.detectors, setup.reporter)
        let source = file == "-" ? "stdin" : file
        var summary = RunSummary()
        reporter.begin(run: RunInfo(toolVersion: RootCommand.version, targets: [source], startedAt: RunClock.now(io.environment)))
        guard let text = readText() else {
            let problem = Problem(stage: .fetch, target: source, reason: "unreadable", message: "\(source): cannot be read as UTF-8 text")
            io.diagnose(.error, "\(problem.message) [\(problem.reason)]")
            reporter.report(problem)
            summary.sourcesFailed = 1
            reporter.finish(summary: summary)
            return ScanOutcome.failedTargets.rawValue
        }
        let item = Item(id: source, url: source, title: nil, fields: [TextField(origin: .text, text: text)])
        summary.sourcesScanned = 1
        summary.items = 1
        for detector in detectors {
            for finding in detector.findings(in: item, source: source) where finding.confidence >= detection.threshold {
                summary.add(finding)
                reporter.report(finding)
            }
        }
        reporter.finish(summary: summary)
        return ScanOutcome.of(failedTargets: 0, findingsAtOrAboveThreshold: summary.findings(atLeast: output.failOnSeverity)).rawValue
    }

    private func readText() -> String? {
        let data = file == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: file)
        return data.flatMap { String(data: $0, encoding: .utf8) }
    }
}
