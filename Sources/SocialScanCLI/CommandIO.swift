import Logging
import ScanReport

/// The streams and environment a command runs with, so that commands run in-process in tests.
public struct CommandIO {
    /// Data only: findings, items, reports.
    public var stdout: any TextSink
    /// Diagnostics: errors, warnings, progress.
    public var stderr: any TextSink
    public var environment: [String: String]
    /// Whether stdout is a terminal (colour is used only then, and never with `NO_COLOR`).
    public var stdoutIsTerminal: Bool
    /// Whether stderr is a terminal (the progress line is drawn only then).
    public var stderrIsTerminal: Bool
    /// Diagnostics at this level or above reach stderr (`--log-level`).
    var logLevel: Logger.Level = .warning
    /// The progress line, when one is drawn; cleared before each diagnostic.
    var progress: ProgressLine?

    public init(
        stdout: any TextSink, stderr: any TextSink, environment: [String: String] = [:],
        stdoutIsTerminal: Bool = false, stderrIsTerminal: Bool = false
    ) {
        self.stdout = stdout
        self.stderr = stderr
        self.environment = environment
        self.stdoutIsTerminal = stdoutIsTerminal
        self.stderrIsTerminal = stderrIsTerminal
    }

    /// The run's logger: swift-log, writing `socialscan: <level>: <message>` lines to stderr.
    var logger: Logger {
        let (sink, progress) = (stderr, progress)
        var logger = Logger(label: "socialscan") { _ in SinkLogHandler(sink: sink, progress: progress) }
        logger.logLevel = logLevel
        return logger
    }

    /// Writes one diagnostic line to stderr at `level` (`error`, `warning`, `info`, `debug`).
    func diagnose(_ level: Logger.Level, _ message: String) {
        logger.log(level: level, "\(message)")
    }
}

/// A swift-log handler that writes one line per message to a `TextSink`.
struct SinkLogHandler: LogHandler, @unchecked Sendable {
    // The sink is used from the command's thread only; swift-log asks handlers to be Sendable.
    let sink: any TextSink
    let progress: ProgressLine?
    var logLevel: Logger.Level = .warning
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        progress?.clear()
        sink.write("socialscan: \(event.level): \(event.message)\n")
        sink.flush()
    }
}
