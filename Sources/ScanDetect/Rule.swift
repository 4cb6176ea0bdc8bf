import ScanCore

/// One rule of a pattern pack, as written in `Patterns/*.yml` (format: `docs/patterns.md`).
public struct Rule: Sendable, Hashable {
    /// Stable kebab-case id with the pack as prefix (`copyright.symbol`).
    public var id: String
    public var category: Category
    /// The AP 2-27 clause the rule is about (`2.6`).
    public var policy: String
    public var severity: Severity
    /// 0...1: how sure a match of this rule is.
    public var confidence: Double
    /// One line telling the reader what was found and why it matters.
    public var message: String
    /// Languages the rule is written for (`en`, `fr`); informative.
    public var languages: [String]
    /// Literal words and phrases; case-insensitive, on word boundaries.
    public var keywords: [String]
    /// An ICU regular expression (case-insensitive unless `caseSensitive`).
    public var regex: String?
    public var caseSensitive: Bool
    /// Texts that must produce this rule, and texts that must not.
    public var examples: RuleExamples
    /// Where the rule is written (`Patterns/copyright.yml:12`).
    public var origin: String

    public init(
        id: String, category: Category, policy: String, severity: Severity, confidence: Double,
        message: String, languages: [String] = [], keywords: [String] = [], regex: String? = nil,
        caseSensitive: Bool = false, examples: RuleExamples = RuleExamples(), origin: String = ""
    ) {
        self.id = id
        self.category = category
        self.policy = policy
        self.severity = severity
        self.confidence = confidence
        self.message = message
        self.languages = languages
        self.keywords = keywords
        self.regex = regex
        self.caseSensitive = caseSensitive
        self.examples = examples
        self.origin = origin
    }
}

/// A rule's own tests: each `match` text must produce the rule, each `noMatch` text must not.
public struct RuleExamples: Sendable, Hashable {
    public var match: [String]
    public var noMatch: [String]

    public init(match: [String] = [], noMatch: [String] = []) {
        self.match = match
        self.noMatch = noMatch
    }
}
