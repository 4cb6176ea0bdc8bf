import ScanCore

/// Counts of a finished run, for closing summaries and the exit code.
public struct RunSummary: Sendable, Equatable {
    public var sourcesScanned = 0
    public var sourcesFailed = 0
    public var items = 0
    public var findingsByCategory: [Category: Int] = [:]
    public var findingsBySeverity: [Severity: Int] = [:]

    public init() {}

    public var findings: Int { findingsByCategory.values.reduce(0, +) }

    /// Counts one finding.
    public mutating func add(_ finding: Finding) {
        findingsByCategory[finding.category, default: 0] += 1
        findingsBySeverity[finding.severity, default: 0] += 1
    }

    /// Findings at `severity` or above.
    public func findings(atLeast severity: Severity) -> Int {
        findingsBySeverity.filter { $0.key >= severity }.values.reduce(0, +)
    }
}
