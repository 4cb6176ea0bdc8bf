import ScanCore

/// `--redact`: masks names to initials in what a finding prints (match text, snippet, item
/// title, message, copyright holder) and marks it `redacted`. Offsets are kept, so the finding
/// still points at the right place in the post; the fingerprint does not change.
///
/// A student-name match is masked word by word; elsewhere every capitalised word (where names
/// are) becomes its initial: "Nora Kaur's painting" reads "N. K. painting".
public enum Redaction {
    public static func apply(_ finding: Finding) -> Finding {
        var redacted = finding
        let wholeMatch = finding.category == .studentName
        // The match's own words are masked wherever they appear, in any case.
        let named = Set(words(of: finding.match.text).filter { $0.count > 1 })
        redacted.match.text = mask(finding.match.text, everyWord: wholeMatch, also: named)
        let snippet = Array(finding.snippet.unicodeScalars)
        let lower = min(finding.snippetMatch.lowerBound, snippet.count)
        let upper = min(max(lower, finding.snippetMatch.upperBound), snippet.count)
        // A word cut by the snippet's "…" may be the tail of a name: it is masked too.
        let before = mask(String(String.UnicodeScalarView(snippet[0..<lower])), everyWord: false, also: named, cutAtStart: snippet.first == "…")
        let match = mask(String(String.UnicodeScalarView(snippet[lower..<upper])), everyWord: true)
        let after = mask(String(String.UnicodeScalarView(snippet[upper...])), everyWord: false, also: named, cutAtEnd: snippet.last == "…")
        redacted.snippet = before + match + after
        let start = before.unicodeScalars.count
        redacted.snippetMatch = start..<(start + match.unicodeScalars.count)
        redacted.item.title = finding.item.title.map { mask($0, everyWord: false, also: named) }
        redacted.message = mask(finding.message, everyWord: false, also: named, capitals: false)
        redacted.copyright?.holder = finding.copyright?.holder.map { mask($0, everyWord: false, also: named) }
        redacted.redacted = true
        return redacted
    }

    /// `text` with words replaced by their first letter and a period: every word, or each
    /// capitalised word (unless `capitals` is false) and each word in `also` (lower-cased).
    static func mask(
        _ text: String, everyWord: Bool, also: Set<String> = [], capitals: Bool = true, cutAtStart: Bool = false, cutAtEnd: Bool = false
    ) -> String {
        var output = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            guard isLetter(scalars[index]) else {
                output.append(scalars[index])
                index += 1
                continue
            }
            var end = index + 1
            while end < scalars.count, isLetter(scalars[end]) || (isApostrophe(scalars[end]) && end + 1 < scalars.count && isLetter(scalars[end + 1])) {
                end += 1
            }
            let cut = (cutAtStart && index == 1) || (cutAtEnd && end == scalars.count - 1)
            let listed = !also.isEmpty && also.contains(String(String.UnicodeScalarView(scalars[index..<end])).lowercased())
            if everyWord || cut || listed || (capitals && scalars[index].properties.isUppercase) {
                output.append(scalars[index])
                if end >= scalars.count || scalars[end] != "." { output.append(".") }
            } else {
                output.append(contentsOf: scalars[index..<end])
            }
            index = end
        }
        return String(output)
    }

    /// The words of `text` (letters and inner apostrophes), lower-cased.
    private static func words(of text: String) -> [String] {
        text.split { !$0.isLetter && $0 != "'" && $0 != "’" }.map { $0.lowercased() }
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isAlphabetic }

    private static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool { scalar == "'" || scalar == "’" }
}

/// Passes every finding through `Redaction` on its way to the reporter it wraps.
public final class RedactingReporter: Reporter {
    public static let formatID = "redacting"
    public static let abstract = "masks names before another reporter"

    private let inner: any Reporter

    public init(_ inner: any Reporter) {
        self.inner = inner
    }

    /// Not used: a redacting reporter wraps another reporter.
    public init(sink: any TextSink, options: ReportOptions) {
        inner = MultiplexReporter([])
    }

    public func begin(run: RunInfo) { inner.begin(run: run) }
    public func report(_ finding: Finding) { inner.report(Redaction.apply(finding)) }
    public func report(_ problem: Problem) { inner.report(problem) }
    public func finish(summary: RunSummary) { inner.finish(summary: summary) }
}
