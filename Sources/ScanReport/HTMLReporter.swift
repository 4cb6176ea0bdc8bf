import ScanCore

/// One self-contained HTML file for a person opening it from an e-mail: summary counts with an
/// inline SVG chart, findings grouped by source and post with the match highlighted, filters by
/// category and severity that work without a server, and the run's problems. A strict
/// Content-Security-Policy allows only the report's own style sheet and script; all text from
/// posts is escaped and only http(s) links are emitted. Buffered: written whole at `finish`.
public final class HTMLReporter: BufferedReporter {
    public static let formatID = "html"
    public static let abstract = "a self-contained HTML report for people (summary, chart, filters)"

    let sink: any TextSink
    var buffer = ReportBuffer()

    public init(sink: any TextSink, options: ReportOptions) {
        self.sink = sink
    }

    func render(summary: RunSummary) -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="\(HTMLReportAssets.contentSecurityPolicy)">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>SocialScan report</title>
            <style>\(HTMLReportAssets.style)</style></head>
            <body>
            <header><h1>SocialScan report</h1>
            <p class="meta">\(HTMLEscape.text(TextReporter.summaryLine(summary))) Run started \(HTMLEscape.text(run.startedAt)), SocialScan \(HTMLEscape.text(run.toolVersion)). Findings are questions for a person, not verdicts.</p></header>

            """
        html += HTMLSummary(summary: summary, findings: findings).render()
        html += filters(summary)
        html += findingsSection()
        html += problemsSection()
        html += "<script>\(HTMLReportAssets.script)</script>\n</body></html>\n"
        return html
    }

    private func filters(_ summary: RunSummary) -> String {
        let categories = Category.allCases.map { category in
            checkbox(filter: "category", value: category.rawValue, count: summary.findingsByCategory[category] ?? 0)
        }
        let severities = Severity.allCases.reversed().map { severity in
            checkbox(filter: "severity", value: severity.rawValue, count: summary.findingsBySeverity[severity] ?? 0)
        }
        return "<section class=\"filters\"><h2>Filters</h2>\n<p>" + categories.joined() + "</p>\n<p>" + severities.joined() + "</p></section>\n"
    }

    private func checkbox(filter: String, value: String, count: Int) -> String {
        "<label><input type=\"checkbox\" data-filter=\"\(filter)\" value=\"\(value)\" checked> \(value) (\(count))</label>"
    }

    private func findingsSection() -> String {
        guard !findings.isEmpty else { return "<section><h2>Findings</h2><p class=\"empty\">No findings.</p></section>\n" }
        var html = "<section><h2>Findings</h2>\n"
        var posts: [(key: String, findings: [Finding])] = []
        for finding in findings {
            let key = finding.source + "\u{1F}" + finding.item.id
            if let index = posts.firstIndex(where: { $0.key == key }) {
                posts[index].findings.append(finding)
            } else {
                posts.append((key, [finding]))
            }
        }
        for post in posts { html += article(post.findings) }
        return html + "</section>\n"
    }

    private func article(_ findings: [Finding]) -> String {
        let first = findings[0]
        let title = HTMLEscape.text(first.item.title ?? "(untitled post)")
        let heading = HTMLEscape.safeLink(first.item.url).map { "<a href=\"\($0)\" rel=\"noopener noreferrer\">\(title)</a>" } ?? title
        var html = "<article class=\"post\"><h3>\(heading)</h3><p class=\"meta\">from \(HTMLEscape.text(first.source))</p>\n<ul class=\"findings\">\n"
        for finding in findings {
            let severity = finding.severity.rawValue
            html += "<li class=\"finding\" data-category=\"\(finding.category.rawValue)\" data-severity=\"\(severity)\">"
            html += "<span class=\"sev sev-\(severity)\">\(severity.uppercased())</span> <code>\(HTMLEscape.text(finding.rule))</code>"
            html += " · AP 2-27 \(HTMLEscape.text(finding.policy)) · in \(finding.field.rawValue)<br>\(HTMLEscape.text(finding.message))"
            html += "<span class=\"snippet\">\(highlighted(finding))</span></li>\n"
        }
        return html + "</ul></article>\n"
    }

    private func highlighted(_ finding: Finding) -> String {
        let snippet = finding.snippet
        let before = snippet.scalarSlice(0..<finding.snippetMatch.lowerBound)
        let match = snippet.scalarSlice(finding.snippetMatch)
        let after = snippet.scalarSlice(finding.snippetMatch.upperBound..<snippet.scalarCount)
        return HTMLEscape.text(before) + "<mark>" + HTMLEscape.text(match) + "</mark>" + HTMLEscape.text(after)
    }

    private func problemsSection() -> String {
        guard !problems.isEmpty else { return "" }
        var html = "<section class=\"problems\"><h2>Problems</h2><ul>\n"
        for problem in problems {
            let level = problem.isWarning ? "warning" : "error"
            html += "<li><strong>\(level)</strong> (\(problem.stage.rawValue), \(HTMLEscape.text(problem.reason))): \(HTMLEscape.text(problem.message))</li>\n"
        }
        return html + "</ul></section>\n"
    }
}

/// The summary table and its inline SVG bar chart (no style attributes: the CSP forbids them).
struct HTMLSummary {
    let summary: RunSummary
    let findings: [Finding]

    func render() -> String {
        var html = "<section><h2>Summary</h2>\n<table><tr><th>category</th>"
        html += Severity.allCases.reversed().map { "<th>\($0.rawValue)</th>" }.joined() + "<th>total</th></tr>\n"
        for category in Category.allCases {
            html += "<tr><td>\(category.rawValue)</td>"
            html += Severity.allCases.reversed().map { severity in
                "<td>\(findings.filter { $0.category == category && $0.severity == severity }.count)</td>"
            }.joined()
            html += "<td>\(summary.findingsByCategory[category] ?? 0)</td></tr>\n"
        }
        html += "<tr><td>all</td>" + Severity.allCases.reversed().map { "<td>\(summary.findingsBySeverity[$0] ?? 0)</td>" }.joined()
        html += "<td>\(summary.findings)</td></tr></table>\n"
        return html + chart() + "</section>\n"
    }

    private func chart() -> String {
        let rows = Category.allCases.map { ($0.rawValue, summary.findingsByCategory[$0] ?? 0) }
        let most = max(1, rows.map(\.1).max() ?? 1)
        var svg = "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"480\" height=\"\(rows.count * 26 + 4)\" role=\"img\" aria-label=\"Findings per category\">"
        for (index, row) in rows.enumerated() {
            let y = index * 26 + 2
            let width = row.1 == 0 ? 0 : max(2, row.1 * 300 / most)
            svg += "<text x=\"0\" y=\"\(y + 16)\" font-size=\"13\" fill=\"#1d2329\">\(row.0)</text>"
            svg += "<rect x=\"120\" y=\"\(y + 3)\" width=\"\(width)\" height=\"18\" fill=\"#175cd3\"></rect>"
            svg += "<text x=\"\(128 + width)\" y=\"\(y + 16)\" font-size=\"13\" fill=\"#1d2329\">\(row.1)</text>"
        }
        return svg + "</svg>\n"
    }
}
