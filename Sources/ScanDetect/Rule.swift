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
    /// A PCRE2 regular expression (case-insensitive unless `caseSensitive`), run only on a window of
    /// at most 256 characters around a trigger: its keywords, or a built-in `trigger`.
    public var regex: String?
    /// A built-in trigger for a regex rule without keywords.
    public var trigger: BuiltInTrigger?
    /// Words near a match that raise, lower, require or forbid it.
    public var context: [ContextClue]
    /// Phrases that, near a match, make it not a finding (allow-list), as whole words.
    public var exclusions: [String]
    /// Where exclusions are looked for: in the match itself, or also 60 characters around it.
    public var exclusionScope: ExclusionScope
    /// The only fields the rule applies to (empty: every field).
    public var fields: [FieldOrigin]
    /// The whole text of a field in `fields` is the match (for credit and rights fields, where
    /// any text at all names someone).
    public var wholeField: Bool
    public var caseSensitive: Bool
    /// A trained model that decides instead of keywords and regex (see `LinearModel`).
    public var model: RuleModel?
    /// Texts that must produce this rule, and texts that must not.
    public var examples: RuleExamples
    /// Where the rule is written (`Patterns/copyright.yml:12`).
    public var origin: String

    public init(
        id: String, category: Category, policy: String, severity: Severity, confidence: Double,
        message: String, languages: [String] = [], keywords: [String] = [], regex: String? = nil,
        trigger: BuiltInTrigger? = nil, context: [ContextClue] = [], exclusions: [String] = [],
        exclusionScope: ExclusionScope = .near, fields: [FieldOrigin] = [], wholeField: Bool = false,
        caseSensitive: Bool = false, model: RuleModel? = nil, examples: RuleExamples = RuleExamples(), origin: String = ""
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
        self.trigger = trigger
        self.context = context
        self.exclusions = exclusions
        self.exclusionScope = exclusionScope
        self.fields = fields
        self.wholeField = wholeField
        self.caseSensitive = caseSensitive
        self.model = model
        self.examples = examples
        self.origin = origin
    }
}

/// A rule's trained model: where it is written, and the probability from which a window of a
/// post is a finding.
public struct RuleModel: Sendable, Hashable {
    /// As written in the pack, relative to the pack's directory (`models/defamation.model`).
    public var path: String
    /// The file it was read from.
    public var file: String
    public var threshold: Double
    public var model: LinearModel

    public init(path: String, file: String, threshold: Double, model: LinearModel) {
        self.path = path
        self.file = file
        self.threshold = threshold
        self.model = model
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

/// Where a rule's exclusion phrases are looked for.
public enum ExclusionScope: String, Sendable, Hashable, CaseIterable {
    /// Only inside the matched text (a notice that names its own holder).
    case match
    /// The match and 60 characters on each side.
    case near
}

/// Triggers found in the same pass as the literals, for regex rules that have no keyword.
public enum BuiltInTrigger: String, Sendable, Hashable, CaseIterable {
    /// A run of digits.
    case digits
    /// A four-digit year from 1900 to 2099.
    case year
    /// The `@` sign.
    case at
    /// The `©` sign.
    case copyrightSign = "copyright-sign"
}

/// Words that, within `within` words of a match, change what the match means.
public struct ContextClue: Sendable, Hashable {
    public enum Effect: String, Sendable, Hashable, CaseIterable {
        /// Add `by` to the confidence.
        case raise
        /// Subtract `by` from the confidence.
        case lower
        /// No finding unless one of the words is near.
        case require
        /// No finding when one of the words is near.
        case forbid
    }

    public var words: [String]
    public var within: Int
    public var effect: Effect
    public var by: Double
    /// Appended to the finding's message when the clue applies (raise and lower only).
    public var note: String?

    public init(words: [String], within: Int = 6, effect: Effect, by: Double = 0.2, note: String? = nil) {
        self.words = words
        self.within = within
        self.effect = effect
        self.by = by
        self.note = note
    }
}
