import ArgumentParser
import ScanCore
import ScanReport

/// Flags that choose how findings are reported and what makes the run fail.
struct OutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Output format on stdout: \(ReporterRegistry.all.map { "\($0.formatID) (\($0.abstract))" }.joined(separator: "; ")).",
        valueName: "format"))
    var format = "text"

    @Option(name: .customLong("output"), help: ArgumentHelp(
        "Also write FORMAT to PATH in the same run (repeatable), e.g. --output html:report.html.",
        valueName: "format:path"))
    var outputs: [String] = []

    @Flag(help: "Mask names to initials in every output (match, snippet, post title, message); offsets and fingerprints are kept.")
    var redact = false

    @Option(help: ArgumentHelp("Lowest severity that makes the exit code 1: high, medium, low or info.", valueName: "severity"))
    var failOn = "low"

    func validate() throws {
        for id in [format] + outputs.map({ String($0.split(separator: ":", maxSplits: 1).first ?? "") }) {
            guard ReporterRegistry.reporter(for: id) != nil else {
                throw ValidationError("Unknown format '\(id)'; choose one of: \(ReporterRegistry.formatIDs.joined(separator: ", ")).")
            }
        }
        for output in outputs where output.split(separator: ":", maxSplits: 1).count != 2 {
            throw ValidationError("--output takes FORMAT:PATH, e.g. html:report.html, not '\(output)'.")
        }
        guard Severity(rawValue: failOn) != nil else {
            throw ValidationError("Unknown --fail-on '\(failOn)'; choose one of: high, medium, low, info.")
        }
    }

    var failOnSeverity: Severity { Severity(rawValue: failOn) ?? .low }

    /// The reporter for `--format` on stdout plus one per `--output` file. Throws a one-line
    /// message when a file cannot be opened (before anything is scanned).
    func makeReporter(io: CommandIO) throws(OutputError) -> any Reporter {
        let type = ReporterRegistry.reporter(for: format) ?? TextReporter.self
        let color = io.stdoutIsTerminal && io.environment["NO_COLOR"].map(\.isEmpty) ?? true
        var reporters: [any Reporter] = [type.init(sink: io.stdout, options: ReportOptions(color: color))]
        for output in outputs {
            let parts = output.split(separator: ":", maxSplits: 1).map(String.init)
            guard let fileType = ReporterRegistry.reporter(for: parts[0]) else { continue }
            guard let sink = FileSink(path: parts[1]) else { throw OutputError(path: parts[1]) }
            reporters.append(fileType.init(sink: sink, options: ReportOptions(color: false)))
        }
        let reporter = reporters.count == 1 ? reporters[0] : MultiplexReporter(reporters)
        return redact ? RedactingReporter(reporter) : reporter
    }
}

/// An `--output` file that cannot be written.
struct OutputError: Error {
    let path: String

    var message: String { "\(path): cannot be opened for writing (--output)" }
}
