import ScanCore

/// JSON Lines: one finding per line (`docs/findings.md`), flushed as produced so that a pipe
/// sees findings early.
public final class JSONLReporter: Reporter {
    public static let formatID = "jsonl"
    public static let abstract = "one JSON object per finding (schema socialscan/finding@1)"

    private let sink: any TextSink

    public init(sink: any TextSink, options: ReportOptions) {
        self.sink = sink
    }

    public func begin(run: RunInfo) {}

    public func report(_ finding: Finding) {
        sink.write(FindingRecord.json(finding).serialized() + "\n")
        sink.flush()
    }

    /// Problems are reported on stderr by the command; problem records come with the report stage.
    public func report(_ problem: Problem) {}

    public func finish(summary: RunSummary) {
        sink.flush()
    }
}
