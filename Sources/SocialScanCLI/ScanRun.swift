import ScanCore
import ScanDetect
import ScanReport

/// Wires the stages for one scan: documents from the pipeline -> detectors -> reporter.
///
/// Targets are processed in argument order and each target's findings in document order, so
/// output is deterministic. A target that fails is reported and the run goes on.
struct ScanRun {
    let pipeline: DocumentPipeline
    let detectors: [any Detector]

    func scan(arguments: [String], reporter: any Reporter, version: String) -> RunSummary {
        var summary = RunSummary()
        reporter.begin(run: RunInfo(toolVersion: version, targets: arguments))
        let counts = pipeline.run(arguments: arguments, problem: reporter.report) { target, document in
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
        summary.sourcesScanned = counts.scanned
        summary.sourcesFailed = counts.failed
        reporter.finish(summary: summary)
        return summary
    }
}
