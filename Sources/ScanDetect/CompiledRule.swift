import Foundation
import ScanCore

/// A rule with its regular expression compiled, ready to run on texts.
///
/// A rule with `regex` matches where the regex matches (its `keywords`, if any, are the literals
/// that trigger it); a rule with only `keywords` matches them case-insensitively on word
/// boundaries. The dialect is ICU's (NSRegularExpression).
struct CompiledRule: Sendable {
    let rule: Rule
    private let expression: SharedRegex

    init(_ rule: Rule) throws(PatternError) {
        self.rule = rule
        let pattern = rule.regex ?? Self.keywordPattern(rule.keywords)
        var options: NSRegularExpression.Options = [.useUnicodeWordBoundaries]
        if !rule.caseSensitive { options.insert(.caseInsensitive) }
        do {
            expression = SharedRegex(try NSRegularExpression(pattern: pattern, options: options))
        } catch {
            throw PatternError(file: rule.origin, problem: "rule \(rule.id): invalid regular expression: \(pattern)")
        }
    }

    /// Scalar-offset ranges of this rule's matches in `text`, trimmed of trailing separators.
    func matches(in text: String) -> [Range<Int>] {
        let whole = NSRange(text.startIndex..<text.endIndex, in: text)
        return expression.regex.matches(in: text, range: whole).compactMap { result in
            guard let range = Range(result.range, in: text) else { return nil }
            return Self.trimmed(range, in: text)
        }
    }

    private static func trimmed(_ range: Range<String.Index>, in text: String) -> Range<Int>? {
        let scalars = text.unicodeScalars
        let start = scalars.distance(from: scalars.startIndex, to: range.lowerBound)
        var end = start + scalars.distance(from: range.lowerBound, to: range.upperBound)
        var index = range.upperBound
        while index > range.lowerBound {
            let previous = scalars.index(before: index)
            let scalar = scalars[previous]
            guard scalar.properties.isWhitespace || ",:;-–—(".unicodeScalars.contains(scalar) else { break }
            index = previous
            end -= 1
        }
        return end > start ? start..<end : nil
    }

    /// An alternation of the keywords, on word boundaries, with any white space between words.
    static func keywordPattern(_ keywords: [String]) -> String {
        let alternatives = keywords.map { keyword in
            keyword.split(whereSeparator: { $0.isWhitespace })
                .map { NSRegularExpression.escapedPattern(for: String($0)) }
                .joined(separator: "\\s+")
        }
        return "(?<![\\p{L}\\p{N}_])(?:" + alternatives.joined(separator: "|") + ")(?![\\p{L}\\p{N}_])"
    }
}

/// NSRegularExpression is immutable and documented as safe to use from several threads.
struct SharedRegex: @unchecked Sendable {
    let regex: NSRegularExpression

    init(_ regex: NSRegularExpression) {
        self.regex = regex
    }
}
