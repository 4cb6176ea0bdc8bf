/// Reads a roster or staff CSV into plain records, all or nothing: the first bad row is an
/// error naming its line, and then nothing is imported.
///
/// Columns are found by header name; `columns` maps a column to another export's header
/// (`first_name=Legal First Name`).
public struct RosterReader: Sendable {
    public var columns: [String: String]
    public var encoding: String?

    public static let studentColumns = ["first_name", "last_name", "student_id", "preferred_name", "grade", "school", "media_consent"]
    public static let staffColumns = ["first_name", "last_name", "role", "school"]

    public init(columns: [String: String] = [:], encoding: String? = nil) {
        self.columns = columns
        self.encoding = encoding
    }

    /// Parses `NAME=HEADER` mappings (`--column`).
    public static func columnMappings(_ values: [String]) throws(RosterError) -> [String: String] {
        var mapping: [String: String] = [:]
        for value in values {
            let parts = value.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, studentColumns.contains(parts[0]) || staffColumns.contains(parts[0]), !parts[1].isEmpty else {
                throw RosterError(source: "--column \(value)", problem: "expected NAME=HEADER with NAME one of \(studentColumns.joined(separator: ", ")), role")
            }
            mapping[parts[0]] = parts[1]
        }
        return mapping
    }

    /// The students of a roster CSV.
    public func students(path: String) throws(RosterError) -> Roster {
        var students: [Roster.Student] = []
        try rows(path: path) { (row: Row) throws(RosterError) in
            let consentText = row["media_consent"] ?? ""
            guard let consent = MediaConsent(csvValue: consentText) else {
                // The value is not repeated: with a wrong --column it could be a name.
                throw RosterError(source: path, line: row.line, problem: "media_consent must be yes, no, empty or a date YYYY-MM-DD")
            }
            students.append(Roster.Student(
                firstName: try row.required("first_name"), lastName: try row.required("last_name"),
                preferredName: row["preferred_name"], studentID: row["student_id"], grade: row["grade"],
                school: row["school"], consent: consent))
        }
        return Roster(students: students)
    }

    /// The staff of a staff CSV (`first_name,last_name,role,school`), as a roster without consent.
    public func staff(path: String) throws(RosterError) -> Roster {
        var staff: [Roster.Student] = []
        try rows(path: path) { (row: Row) throws(RosterError) in
            staff.append(Roster.Student(
                firstName: try row.required("first_name"), lastName: try row.required("last_name"),
                grade: row["role"], school: row["school"]))
        }
        return Roster(students: staff)
    }

    /// One data row, read by column name.
    struct Row {
        let path: String
        let line: Int
        let values: [String: String]

        subscript(column: String) -> String? {
            guard let value = values[column]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
            return value
        }

        func required(_ column: String) throws(RosterError) -> String {
            guard let value = self[column] else { throw RosterError(source: path, line: line, problem: "\(column) is empty") }
            return value
        }
    }

    private func rows(path: String, _ body: (Row) throws(RosterError) -> Void) throws(RosterError) {
        let table = try CSVTable.read(path: path, encoding: encoding)
        var positions: [String: Int] = [:]
        for column in Self.studentColumns + ["role"] {
            let header = columns[column] ?? column
            if let index = table.header.firstIndex(where: { $0.caseInsensitiveCompare(header) == .orderedSame }) {
                positions[column] = index
            }
        }
        for column in ["first_name", "last_name"] where positions[column] == nil {
            throw RosterError(source: path, line: 1, problem: "no \(columns[column] ?? column) column in the header (map another with --column \(column)=HEADER)")
        }
        for row in table.rows {
            guard row.fields.count <= table.header.count else {
                throw RosterError(source: path, line: row.line, problem: "\(row.fields.count) fields, but the header has \(table.header.count)")
            }
            let values = positions.compactMapValues { $0 < row.fields.count ? row.fields[$0] : nil }
            try body(Row(path: path, line: row.line, values: values))
        }
    }
}

import Foundation
