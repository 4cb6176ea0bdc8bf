import ScanCore

/// SARIF 2.1.0 for code-scanning dashboards: one run; each rule a `reportingDescriptor` with
/// its AP 2-27 clause; each finding a result located at the post's URL with the field and the
/// offsets (Unicode code points) of the match; fingerprints in `partialFingerprints`; problems in
/// `invocations[0].toolExecutionNotifications`. Buffered: written whole at `finish`.
public final class SARIFReporter: BufferedReporter {
    public static let formatID = "sarif"
    public static let abstract = "SARIF 2.1.0, for code-scanning dashboards"

    let sink: any TextSink
    var buffer = ReportBuffer()

    public init(sink: any TextSink, options: ReportOptions) {
        self.sink = sink
    }

    func render(summary: RunSummary) -> String {
        var rules: [String] = []
        for finding in findings where !rules.contains(finding.rule) { rules.append(finding.rule) }
        let document = JSONValue.object([
            ("$schema", .string("https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([.object([
                ("tool", .object([("driver", driver(rules: rules))])),
                ("invocations", .array([invocation()])),
                ("results", .array(findings.map { result($0, ruleIndex: rules.firstIndex(of: $0.rule) ?? 0) })),
            ])])),
        ])
        return document.serialized() + "\n"
    }

    private func driver(rules: [String]) -> JSONValue {
        .object([
            ("name", .string("SocialScan")),
            ("version", .string(run.toolVersion)),
            ("informationUri", .string("https://socialscan.example/")),
            ("rules", .array(rules.compactMap { id in findings.first { $0.rule == id }.map(descriptor) })),
        ])
    }

    private func descriptor(_ finding: Finding) -> JSONValue {
        .object([
            ("id", .string(finding.rule)),
            ("shortDescription", .object([("text", .string(finding.message))])),
            ("defaultConfiguration", .object([("level", .string(Self.level(finding.severity)))])),
            ("properties", .object([
                ("category", .string(finding.category.rawValue)),
                ("policy", .string("AP 2-27 " + finding.policy)),
            ])),
        ])
    }

    private func invocation() -> JSONValue {
        .object([
            ("executionSuccessful", .bool(!problems.contains { !$0.isWarning })),
            ("startTimeUtc", .string(run.startedAt)),
            ("toolExecutionNotifications", .array(problems.map { problem in
                .object([
                    ("level", .string(problem.isWarning ? "warning" : "error")),
                    ("message", .object([("text", .string(problem.message))])),
                    ("descriptor", .object([("id", .string(problem.reason))])),
                    ("locations", .array([.object([("physicalLocation", .object([
                        ("artifactLocation", .object([("uri", .string(problem.target))])),
                    ]))])])),
                    ("properties", .object([("stage", .string(problem.stage.rawValue))])),
                ])
            })),
        ])
    }

    private func result(_ finding: Finding, ruleIndex: Int) -> JSONValue {
        .object([
            ("ruleId", .string(finding.rule)),
            ("ruleIndex", .int(ruleIndex)),
            ("level", .string(Self.level(finding.severity))),
            ("message", .object([("text", .string(finding.message))])),
            ("locations", .array([.object([
                ("physicalLocation", .object([
                    ("artifactLocation", .object([("uri", .string(finding.item.url ?? finding.source))])),
                    ("region", .object([
                        ("charOffset", .int(finding.match.start)),
                        ("charLength", .int(finding.match.end - finding.match.start)),
                        ("snippet", .object([("text", .string(finding.match.text))])),
                    ])),
                ])),
                ("logicalLocations", .array([.object([
                    ("name", .string(finding.field.rawValue)),
                    ("fullyQualifiedName", .string(finding.item.id + "#" + finding.field.rawValue)),
                    ("kind", .string("member")),
                ])])),
            ])])),
            ("partialFingerprints", .object([("socialscan/v1", .string(finding.fingerprint))])),
            ("properties", .object([
                ("category", .string(finding.category.rawValue)),
                ("policy", .string(finding.policy)),
                ("severity", .string(finding.severity.rawValue)),
                ("confidence", .double(finding.confidence)),
                ("source", .string(finding.source)),
                ("itemId", .string(finding.item.id)),
                ("itemTitle", .optional(finding.item.title)),
                ("field", .string(finding.field.rawValue)),
                ("snippet", .string(finding.snippet)),
                ("offsetUnit", .string("unicode-code-point")),
                ("redacted", .bool(finding.redacted)),
            ])),
        ])
    }

    /// SARIF levels: high is an error, medium a warning, low and info notes.
    static func level(_ severity: Severity) -> String {
        switch severity {
        case .high: "error"
        case .medium: "warning"
        case .low, .info: "note"
        }
    }
}
