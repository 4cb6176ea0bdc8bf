import ArgumentParser
import ScanCore
import ScanDetect

/// Flags that shape detection: the confidence threshold and the division's own names.
struct DetectionOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Hide findings below this confidence (0 to 1).", valueName: "confidence"))
    var minConfidence = 0.5

    @Flag(help: "Show every finding, whatever its confidence.")
    var all = false

    @Option(name: .customLong("own-holder"), help: ArgumentHelp(
        "The division's own name as a copyright holder (repeatable): its own notices are not findings.",
        valueName: "name"))
    var ownHolders: [String] = []

    func validate() throws {
        guard (0...1).contains(minConfidence) else { throw ValidationError("--min-confidence takes a number from 0 to 1.") }
    }

    /// The confidence below which findings are hidden.
    var threshold: Double { all ? 0 : minConfidence }

    /// The detectors of a run, from the loaded rules.
    func detectors(rules: [Rule]) throws(PatternError) -> [any Detector] {
        [try PatternDetector(rules: rules, ownHolders: ownHolders)]
    }
}
