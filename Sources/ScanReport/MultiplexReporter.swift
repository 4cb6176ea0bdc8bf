import ScanCore

/// Sends every call to several reporters, in order: stdout's format plus each `--output` file.
public final class MultiplexReporter: Reporter {
    public static let formatID = "multiplex"
    public static let abstract = "several reporters at once"

    private let reporters: [any Reporter]

    public init(_ reporters: [any Reporter]) {
        self.reporters = reporters
    }

    /// Not used: a multiplexer is built from reporters, not from a sink.
    public init(sink: any TextSink, options: ReportOptions) {
        reporters = []
    }

    public func begin(run: RunInfo) { reporters.forEach { $0.begin(run: run) } }
    public func report(_ finding: Finding) { reporters.forEach { $0.report(finding) } }
    public func report(_ problem: Problem) { reporters.forEach { $0.report(problem) } }
    public func finish(summary: RunSummary) { reporters.forEach { $0.finish(summary: summary) } }
}
