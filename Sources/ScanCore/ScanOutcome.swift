/// The documented outcomes of a run and their exit codes. Exactly one applies to a run.
public enum ScanOutcome: Int32, Sendable {
    /// No finding at or above the `--fail-on` severity, and every target was read.
    case clean = 0
    /// At least one finding at or above the `--fail-on` severity, and every target was read.
    case findings = 1
    /// The command line or the configuration (patterns, roster) is wrong; nothing was scanned.
    case usageError = 2
    /// At least one target could not be fetched or parsed; the others were scanned and reported.
    case failedTargets = 3

    /// The outcome of a completed run: failed targets win over findings.
    public static func of(failedTargets: Int, findingsAtOrAboveThreshold: Int) -> ScanOutcome {
        if failedTargets > 0 { return .failedTargets }
        return findingsAtOrAboveThreshold > 0 ? .findings : .clean
    }
}
