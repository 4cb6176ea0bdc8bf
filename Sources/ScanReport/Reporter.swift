import ScanCore

/// One output format. Each format is one file implementing this protocol, listed once in
/// `ReporterRegistry`; the CLI builds its `--format` choices from that list.
///
/// Calls come in this order, from one thread: `begin`, then findings and problems in the run's
/// deterministic order, then `finish`. Streaming formats write as they receive; buffered ones
/// write at `finish`. A reporter writes only to the sink it was given.
public protocol Reporter: AnyObject {
    /// The stable `--format` name (`text`, `jsonl`).
    static var formatID: String { get }
    /// One line for `--help`.
    static var abstract: String { get }

    init(sink: any TextSink, options: ReportOptions)

    func begin(run: RunInfo)
    func report(_ finding: Finding)
    func report(_ problem: Problem)
    func finish(summary: RunSummary)
}

/// Choices that shape how reports look, not what they say.
public struct ReportOptions: Sendable {
    /// Colour with ANSI escapes (only ever true on a terminal without `NO_COLOR`).
    public var color: Bool

    public init(color: Bool = false) {
        self.color = color
    }
}

/// What a reporter knows about the run before the first finding.
public struct RunInfo: Sendable {
    public var toolVersion: String
    public var targets: [String]
    /// When the run started, RFC 3339 UTC (fixed in tests for byte-stable reports).
    public var startedAt: String

    public init(toolVersion: String, targets: [String], startedAt: String) {
        self.toolVersion = toolVersion
        self.targets = targets
        self.startedAt = startedAt
    }
}
