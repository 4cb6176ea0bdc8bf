import ScanCore
import ScanDetect
import ScanFetch
import ScanParse
import ScanReport

/// Wires the stages for one run: targets -> fetch -> parse -> detect -> reporter.
///
/// Targets are processed in argument order and each target's findings in document order, so
/// output is deterministic. A target that fails is reported on stderr and the run goes on.
struct ScanRun {
    let fetcher: Fetcher
    let detectors: [any Detector]
    let io: CommandIO
    var parser = DocumentParser()

    func scan(arguments: [String], reporter: any Reporter, version: String) -> RunSummary {
        var summary = RunSummary()
        reporter.begin(run: RunInfo(toolVersion: version, targets: arguments))
        for resolved in TargetResolver().resolve(arguments) {
            switch resolved {
            case .failure(let error):
                fail(Problem(stage: .fetch, target: error.target, reason: error.reason, message: error.message),
                     reporter: reporter, summary: &summary)
            case .success(let target):
                scan(target, reporter: reporter, summary: &summary)
            }
        }
        reporter.finish(summary: summary)
        return summary
    }

    private func scan(_ target: Target, reporter: any Reporter, summary: inout RunSummary) {
        let document: ParsedDocument
        switch load(target) {
        case .failure(let problem):
            fail(problem, reporter: reporter, summary: &summary)
            return
        case .success(let parsed):
            document = parsed
        }
        summary.sourcesScanned += 1
        if document.illFormed {
            let warning = Problem(
                stage: .parse, target: target.name, reason: "ill-formed",
                message: "\(target.name): the markup is broken; what could be recovered was scanned", isWarning: true)
            io.diagnose("warning", warning.message)
            reporter.report(warning)
        }
        for item in document.items {
            summary.items += 1
            for detector in detectors {
                for finding in detector.findings(in: item, source: target.name) {
                    summary.add(finding)
                    reporter.report(finding)
                }
            }
        }
    }

    /// Fetches and parses one target; a failure of either stage becomes a `Problem`.
    private func load(_ target: Target) -> Result<ParsedDocument, Problem> {
        let fetched: FetchedDocument
        do {
            fetched = try fetcher.fetch(target)
        } catch {
            return .failure(Problem(stage: .fetch, target: target.name, reason: error.reason, message: error.message))
        }
        do {
            return .success(try parser.parse(fetched))
        } catch {
            return .failure(Problem(stage: .parse, target: target.name, reason: error.reason, message: error.message))
        }
    }

    private func fail(_ problem: Problem, reporter: any Reporter, summary: inout RunSummary) {
        summary.sourcesFailed += 1
        io.diagnose("error", "\(problem.message) [\(problem.reason)]")
        reporter.report(problem)
    }
}
