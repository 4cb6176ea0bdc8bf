import ScanCore

/// What a buffered format (SARIF, HTML) keeps until `finish`: the run, its findings and problems.
struct ReportBuffer {
    var run = RunInfo(toolVersion: "", targets: [], startedAt: "")
    var findings: [Finding] = []
    var problems: [Problem] = []
}
