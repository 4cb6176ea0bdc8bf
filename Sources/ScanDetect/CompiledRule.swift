import Foundation
import ScanCore

/// A rule ready to run: its regex compiled, its literals and words folded.
///
/// A rule with only `keywords` matches them on word boundaries. A rule with a `regex` runs it
/// only on a window of at most 256 characters around each trigger (its keywords, or a built-in
/// trigger). The regex dialect is ICU's (NSRegularExpression).
struct CompiledRule: Sendable {
    /// A regex sees at most this many characters before its trigger (for look-behind) ...
    static let windowBefore = 32
    /// ... and this many from the trigger on: 256 in all.
    static let windowAfter = 224

    let rule: Rule
    let regex: SharedRegex?
    let literals: [[UInt8]]
    let exclusions: [[UInt8]]
    let context: [FoldedClue]

    init(_ rule: Rule, extraExclusions: [String] = []) throws(PatternError) {
        self.rule = rule
        literals = rule.keywords.map(TextFolding.fold).filter { !$0.isEmpty }
        exclusions = (rule.exclusions + extraExclusions).map(TextFolding.fold).filter { !$0.isEmpty }
        context = rule.context.map(FoldedClue.init)
        guard let pattern = rule.regex else {
            regex = nil
            return
        }
        if let problem = RegexSafety.problem(in: pattern) {
            throw PatternError(file: rule.origin, problem: "rule \(rule.id): regular expression rejected: \(problem)")
        }
        var options: NSRegularExpression.Options = [.useUnicodeWordBoundaries]
        if !rule.caseSensitive { options.insert(.caseInsensitive) }
        do {
            regex = SharedRegex(try NSRegularExpression(pattern: pattern, options: options))
        } catch {
            throw PatternError(file: rule.origin, problem: "rule \(rule.id): invalid regular expression: \(pattern)")
        }
    }

    /// The regex's match that starts at `trigger` (anchored there; look-behind sees the window
    /// before it), within a window of at most 256 characters, as an absolute scalar range
    /// trimmed of trailing separators.
    func regexMatch(in field: FieldText, at trigger: Int) -> Range<Int>? {
        guard let regex else { return nil }
        let window = max(0, trigger - Self.windowBefore)..<min(field.count, trigger + Self.windowAfter)
        let text = field.text(window)
        let view = text.unicodeScalars
        let startIndex = view.index(view.startIndex, offsetBy: trigger - window.lowerBound)
        let searched = NSRange(startIndex..<text.endIndex, in: text)
        guard let result = regex.regex.firstMatch(in: text, options: [.anchored, .withTransparentBounds], range: searched),
            let range = Range(result.range, in: text)
        else { return nil }
        let start = view.distance(from: view.startIndex, to: range.lowerBound)
        let end = start + view.distance(from: range.lowerBound, to: range.upperBound)
        return Self.trimmed(window.lowerBound + start..<window.lowerBound + end, in: field)
    }

    /// `range` without trailing white space and separators; nil when nothing is left.
    static func trimmed(_ range: Range<Int>, in field: FieldText) -> Range<Int>? {
        var end = range.upperBound
        while end > range.lowerBound, field[end - 1].properties.isWhitespace || ",:;-–—(".unicodeScalars.contains(field[end - 1]) {
            end -= 1
        }
        return end > range.lowerBound ? range.lowerBound..<end : nil
    }
}

/// A context clue with its words folded.
struct FoldedClue: Sendable {
    let clue: ContextClue
    let words: [[UInt8]]

    init(_ clue: ContextClue) {
        self.clue = clue
        words = clue.words.map(TextFolding.fold).filter { !$0.isEmpty }
    }
}

/// NSRegularExpression is immutable and documented as safe to use from several threads.
struct SharedRegex: @unchecked Sendable {
    let regex: NSRegularExpression

    init(_ regex: NSRegularExpression) {
        self.regex = regex
    }
}
