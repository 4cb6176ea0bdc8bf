/// How urgently a person should look at a finding, lowest first.
public enum Severity: String, Sendable, CaseIterable, Codable, Comparable {
    case info, low, medium, high

    private var rank: Int {
        switch self {
        case .info: 0
        case .low: 1
        case .medium: 2
        case .high: 3
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
