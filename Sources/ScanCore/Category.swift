/// What kind of AP 2-27 concern a finding is about. The raw values are the public JSON names.
public enum Category: String, Sendable, CaseIterable, Codable, Comparable {
    case studentName = "student-name"
    case confidential
    case defamation
    case copyright

    private var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    public static func < (lhs: Category, rhs: Category) -> Bool { lhs.rank < rhs.rank }
}
