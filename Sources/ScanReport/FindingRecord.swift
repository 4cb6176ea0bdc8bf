import ScanCore

/// The JSON form of a finding, schema `socialscan/finding@1` (`docs/findings.md`). Keys are in
/// schema order; new keys are only ever appended.
public enum FindingRecord {
    public static let schema = "socialscan/finding@1"

    public static func json(_ finding: Finding) -> JSONValue {
        .object([
            ("schema", .string(schema)),
            ("category", .string(finding.category.rawValue)),
            ("rule", .string(finding.rule)),
            ("policy", .string(finding.policy)),
            ("severity", .string(finding.severity.rawValue)),
            ("confidence", .double(finding.confidence)),
            ("source", .object([("url", .string(finding.source))])),
            ("item", .object([
                ("id", .string(finding.item.id)),
                ("url", .optional(finding.item.url)),
                ("title", .optional(finding.item.title)),
            ])),
            ("field", .string(finding.field.rawValue)),
            ("match", .object([
                ("text", .string(finding.match.text)),
                ("start", .int(finding.match.start)),
                ("end", .int(finding.match.end)),
            ])),
            ("snippet", .string(finding.snippet)),
            ("message", .string(finding.message)),
            ("fingerprint", .string(finding.fingerprint)),
            ("copyright", .object([
                ("year", finding.copyright?.year.map(JSONValue.int) ?? .null),
                ("holder", .optional(finding.copyright?.holder)),
            ])),
            ("redacted", .bool(finding.redacted)),
        ])
    }

    /// The record's leaves as (dotted key, value) pairs in schema order: the CSV columns.
    public static func leaves(_ finding: Finding) -> [(String, JSONValue)] {
        func flatten(_ value: JSONValue, prefix: String) -> [(String, JSONValue)] {
            guard case .object(let members) = value else { return [(prefix, value)] }
            return members.flatMap { flatten($0.1, prefix: prefix.isEmpty ? $0.0 : prefix + "." + $0.0) }
        }
        return flatten(json(finding), prefix: "")
    }
}
