import ArgumentParser
import Logging

/// Flags for what reaches stderr besides errors.
struct DiagnosticsOptions: ParsableArguments {
    @Flag(help: "No progress line, even on a terminal.")
    var quiet = false

    @Option(help: ArgumentHelp(
        "Lowest level of diagnostics on stderr: trace, debug, info, notice, warning, error or critical.",
        valueName: "level"))
    var logLevel = "warning"

    func validate() throws {
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("Unknown --log-level '\(logLevel)'; choose one of: trace, debug, info, notice, warning, error, critical.")
        }
    }

    /// `io` with the log level set and, on a terminal without --quiet, a progress line.
    func configure(_ io: CommandIO) -> CommandIO {
        var configured = io
        configured.logLevel = Logger.Level(rawValue: logLevel) ?? .warning
        if io.stderrIsTerminal && !quiet { configured.progress = ProgressLine(sink: io.stderr) }
        return configured
    }
}
