import ArgumentParser
import ScanCore
import ScanReport

/// Flags that choose how findings are reported and what makes the run fail.
struct OutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Output format on stdout: \(ReporterRegistry.all.map { "\($0.formatID) (\($0.abstract))" }.joined(separator: "; ")).",
        valueName: "format"))
    var format = "text"

    @Option(help: ArgumentHelp("Lowest severity that makes the exit code 1: high, medium, low or info.", valueName: "severity"))
    var failOn = "low"

    func validate() throws {
        guard ReporterRegistry.reporter(for: format) != nil else {
            throw ValidationError("Unknown --format '\(format)'; choose one of: \(ReporterRegistry.formatIDs.joined(separator: ", ")).")
        }
        guard Severity(rawValue: failOn) != nil else {
            throw ValidationError("Unknown --fail-on '\(failOn)'; choose one of: high, medium, low, info.")
        }
    }

    var failOnSeverity: Severity { Severity(rawValue: failOn) ?? .low }

    /// The reporter for `--format`, writing to stdout; colour only on a terminal without NO_COLOR.
    func makeReporter(io: CommandIO) -> any Reporter {
        let type = ReporterRegistry.reporter(for: format) ?? TextReporter.self
        let color = io.stdoutIsTerminal && io.environment["NO_COLOR"].map(\.isEmpty) ?? true
        return type.init(sink: io.stdout, options: ReportOptions(color: color))
    }
}
