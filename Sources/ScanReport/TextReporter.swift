import ScanCore

/// Human-readable text: findings grouped by source, then post, with the match marked in its
/// snippet, and a closing summary. Everything taken from posts is neutralised first.
public final class TextReporter: Reporter {
    public static let formatID = "text"
    public static let abstract = "for people: grouped by source and post, with a summary (default)"

    private let sink: any TextSink
    private let color: Bool
    private var currentSource: String?
    private var currentItem: String?
    private var problems: [Problem] = []

    public init(sink: any TextSink, options: ReportOptions) {
        self.sink = sink
        self.color = options.color
    }

    public func begin(run: RunInfo) {}

    public func report(_ finding: Finding) {
        if finding.source != currentSource {
            if currentSource != nil { sink.write("\n") }
            sink.write(style(TerminalText.neutralised(finding.source), "1") + "\n")
            currentSource = finding.source
            currentItem = nil
        }
        if finding.item.id != currentItem {
            let title = finding.item.title.map(TerminalText.neutralised) ?? "(untitled)"
            let link = finding.item.url.map { "  <\(TerminalText.neutralised($0))>" } ?? ""
            sink.write("  " + style(title, "1") + link + "\n")
            currentItem = finding.item.id
        }
        let severity = style(finding.severity.rawValue.uppercased(), severityColor(finding.severity))
        sink.write("    \(severity) \(finding.rule) (AP 2-27 \(finding.policy)) in \(finding.field.rawValue)\n")
        sink.write("      \(TerminalText.neutralised(finding.message))\n")
        sink.write("      \(markedSnippet(finding))\n")
        sink.flush()
    }

    /// Problems are listed in a section of their own, after the findings.
    public func report(_ problem: Problem) {
        problems.append(problem)
    }

    public func finish(summary: RunSummary) {
        if currentSource != nil { sink.write("\n") }
        if !problems.isEmpty {
            sink.write(style("Problems", "1") + "\n")
            for problem in problems {
                let level = problem.isWarning ? "warning" : style("error", "31")
                sink.write("  \(level) (\(problem.stage.rawValue), \(problem.reason)): \(TerminalText.neutralised(problem.message))\n")
            }
            sink.write("\n")
        }
        sink.write(Self.summaryLine(summary) + "\n")
        sink.flush()
    }

    static func summaryLine(_ summary: RunSummary) -> String {
        let noun = summary.findings == 1 ? "finding" : "findings"
        var line = "\(summary.findings) \(noun)"
        if summary.findings > 0 {
            let categories = Category.allCases.compactMap { category in
                summary.findingsByCategory[category].map { "\(category.rawValue) \($0)" }
            }
            let severities = Severity.allCases.reversed().compactMap { severity in
                summary.findingsBySeverity[severity].map { "\(severity.rawValue) \($0)" }
            }
            line += " (\(categories.joined(separator: ", ")); \(severities.joined(separator: ", ")))"
        }
        line += " in \(summary.items) posts from \(summary.sourcesScanned) sources"
        if summary.sourcesFailed > 0 { line += "; \(summary.sourcesFailed) failed (see stderr)" }
        return line + "."
    }

    private func markedSnippet(_ finding: Finding) -> String {
        let snippet = finding.snippet
        let before = TerminalText.neutralised(snippet.scalarSlice(0..<finding.snippetMatch.lowerBound))
        let match = TerminalText.neutralised(snippet.scalarSlice(finding.snippetMatch))
        let after = TerminalText.neutralised(snippet.scalarSlice(finding.snippetMatch.upperBound..<snippet.scalarCount))
        let marked = color ? style(match, "7") : "[" + match + "]"
        return before + marked + after
    }

    private func severityColor(_ severity: Severity) -> String {
        switch severity {
        case .high: "31;1"
        case .medium: "33"
        case .low: "36"
        case .info: "2"
        }
    }

    private func style(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
