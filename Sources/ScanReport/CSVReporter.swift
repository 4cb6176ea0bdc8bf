import ScanCore

/// CSV (RFC 4180, CRLF line ends) with a header row: one row per finding, its columns the
/// finding's JSON Lines leaves in schema order. Cells that a spreadsheet would run as a formula
/// (starting with `=`, `+`, `-`, `@`, tab or carriage return) are prefixed with `'`. Problems are
/// not rows: they go to stderr and the other formats.
public final class CSVReporter: Reporter {
    public static let formatID = "csv"
    public static let abstract = "spreadsheets: one row per finding, columns are the JSON Lines keys"

    private let sink: any TextSink

    public init(sink: any TextSink, options: ReportOptions) {
        self.sink = sink
    }

    /// The header row: every leaf key of `socialscan/finding@1`, in schema order.
    public static let columns: [String] = {
        let sample = Finding(
            rule: "", category: .copyright, policy: "", severity: .info, confidence: 0, message: "", source: "",
            item: ItemReference(id: "", url: nil, title: nil), field: .text, match: MatchSpan(text: "", start: 0, end: 0),
            snippet: "", snippetMatch: 0..<0, fingerprint: "")
        return FindingRecord.leaves(sample).map(\.0)
    }()

    public func begin(run: RunInfo) {
        sink.write(Self.columns.map(Self.cell).joined(separator: ",") + "\r\n")
    }

    public func report(_ finding: Finding) {
        let values = FindingRecord.leaves(finding).map { Self.text(of: $0.1) }
        sink.write(values.map(Self.cell).joined(separator: ",") + "\r\n")
        sink.flush()
    }

    public func report(_ problem: Problem) {}

    public func finish(summary: RunSummary) {
        sink.flush()
    }

    private static func text(of value: JSONValue) -> String {
        switch value {
        case .string(let text): text
        case .null: ""
        default: value.serialized()
        }
    }

    /// One RFC 4180 cell, neutralised against formula injection.
    static func cell(_ raw: String) -> String {
        var text = raw
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { text = "'" + text }
        let needsQuotes = text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
        return needsQuotes ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
