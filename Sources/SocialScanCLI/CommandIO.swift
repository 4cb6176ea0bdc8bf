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

    public init(stdout: any TextSink, stderr: any TextSink, environment: [String: String] = [:], stdoutIsTerminal: Bool = false) {
        self.stdout = stdout
        self.stderr = stderr
        self.environment = environment
        self.stdoutIsTerminal = stdoutIsTerminal
    }

    /// Writes one diagnostic line to stderr: `socialscan: <level>: <message>`.
    func diagnose(_ level: String, _ message: String) {
        stderr.write("socialscan: \(level): \(message)\n")
        stderr.flush()
    }
}
