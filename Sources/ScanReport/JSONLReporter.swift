import ScanCore

/// JSON Lines: one finding or problem per line (`docs/findings.md`), flushed as produced so
/// that a pipe sees findings early.
public final class JSONLReporter: Reporter {
    public static let formatID = "jsonl"
    public static let abstract = "one JSON object per line: findings (socialscan/finding@1) and problems (socialscan/problem@1)"

    private let sink: any TextSink

    public init(sink: any TextSink, options: ReportOptions) {
        self.sink = sink
    }

    public func begin(run: RunInfo) {}

    public func report(_ finding: Finding) {
        sink.write(FindingRecord.json(finding).serialized() + "\n")
        sink.flush()
    }

    public func report(_ problem: Problem) {
        sink.write(ProblemRecord.json(problem).serialized() + "\n")
        sink.flush()
    }

    public func finish(summary: RunSummary) {
        sink.flush()
    }
}
