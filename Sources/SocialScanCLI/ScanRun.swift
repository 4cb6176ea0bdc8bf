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
    /// Findings below this confidence are not reported (`--min-confidence`, 0 with `--all`).
    let threshold: Double

    func scan(run: RunInfo, reporter: any Reporter) -> RunSummary {
        var summary = RunSummary()
        let progress = pipeline.io.progress
        reporter.begin(run: run)
        let counts = pipeline.run(arguments: run.targets, problem: reporter.report) { target, document in
            for item in document.items {
                summary.items += 1
                for detector in detectors {
                    for finding in detector.findings(in: item, source: target.name) where finding.confidence >= threshold {
                        summary.add(finding)
                        reporter.report(finding)
                    }
                }
            }
            progress?.update(items: summary.items, findings: summary.findings)
        }
        progress?.clear()
        summary.sourcesScanned = counts.scanned
        summary.sourcesFailed = counts.failed
        reporter.finish(summary: summary)
        return summary
    }
}
