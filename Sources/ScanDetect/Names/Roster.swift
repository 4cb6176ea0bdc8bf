/// The students of a roster CSV, in plain text: only ever held in memory, on the way to a
/// `HashedRoster` (nothing plain is written or printed).
public struct Roster: Sendable {
    public var students: [Student]

    public init(students: [Student]) {
        self.students = students
    }

    /// One row of the roster.
    public struct Student: Sendable, Equatable {
        public var firstName: String
        public var lastName: String
        public var preferredName: String?
        public var studentID: String?
        public var grade: String?
        public var school: String?
        public var consent: MediaConsent

        public init(
            firstName: String, lastName: String, preferredName: String? = nil, studentID: String? = nil,
            grade: String? = nil, school: String? = nil, consent: MediaConsent = .none
        ) {
            self.firstName = firstName
            self.lastName = lastName
            self.preferredName = preferredName
            self.studentID = studentID
            self.grade = grade
            self.school = school
            self.consent = consent
        }
    }
}

/// A family's media release: none, given, or given until a date (inclusive).
public enum MediaConsent: Sendable, Equatable, Codable {
    case none
    case given
    /// `YYYY-MM-DD`.
    case until(String)

    /// Whether consent covers a post made on `day` (`YYYY-MM-DD`).
    public func covers(day: String) -> Bool {
        switch self {
        case .none: false
        case .given: true
        case .until(let last): day <= last
        }
    }

    /// Reads `yes`, `no`, empty, or a date `YYYY-MM-DD`; nil for anything else.
    public init?(csvValue: String) {
        let value = csvValue.trimmingCharacters(in: .whitespaces).lowercased()
        switch value {
        case "", "no", "n", "false", "non": self = .none
        case "yes", "y", "true", "oui": self = .given
        default:
            guard Self.isDate(value) else { return nil }
            self = .until(value)
        }
    }

    /// The roster file's spelling: `no`, `yes` or the date.
    var fileValue: String {
        switch self {
        case .none: "no"
        case .given: "yes"
        case .until(let day): day
        }
    }

    static func isDate(_ value: String) -> Bool {
        let bytes = Array(value.utf8)
        guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D else { return false }
        let digits = bytes.enumerated().filter { $0.offset != 4 && $0.offset != 7 }.map(\.element)
        guard digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        let month = Int(value.dropFirst(5).prefix(2)) ?? 0
        let day = Int(value.suffix(2)) ?? 0
        return (1...12).contains(month) && (1...31).contains(day)
    }
}

import Foundation
