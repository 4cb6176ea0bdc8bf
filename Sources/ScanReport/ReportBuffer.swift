import ScanCore

/// What a buffered format (SARIF, HTML) keeps until `finish`: the run, its findings and problems.
public struct ReportBuffer: Sendable {
    public var run = RunInfo(toolVersion: "", targets: [], startedAt: "")
    public var findings: [Finding] = []
    public var problems: [Problem] = []
}

/// A format that can only be written once the run is over: it keeps everything in a
/// `ReportBuffer` and renders the whole document at `finish`.
protocol BufferedReporter: Reporter {
    var sink: any TextSink { get }
    var buffer: ReportBuffer { get set }
    /// The whole document for the run in `buffer`.
    func render(summary: RunSummary) -> String
}

extension BufferedReporter {
    /// What the buffer holds, for `render`.
    var run: RunInfo { buffer.run }
    var findings: [Finding] { buffer.findings }
    var problems: [Problem] { buffer.problems }

    public func begin(run: RunInfo) { buffer.run = run }
    public func report(_ finding: Finding) { buffer.findings.append(finding) }
    public func report(_ problem: Problem) { buffer.problems.append(problem) }

    public func finish(summary: RunSummary) {
        sink.write(render(summary: summary))
        sink.flush()
    }
}
