import ScanCore

/// A rule ready to run: its regex compiled, its literals and words folded. A class, so that the
/// per-hit checks share it instead of copying it.
///
/// A rule with only `keywords` matches them on word boundaries. A rule with a `regex` runs it
/// only on a window of at most 256 characters around each trigger (its keywords, or a built-in
/// trigger). The regex dialect is PCRE2's (Perl-compatible), in UTF-8 mode with Unicode properties.
final class CompiledRule: Sendable {
    /// A regex sees at most this many characters before its trigger (for look-behind) ...
    static let windowBefore = 32
    /// ... and this many from the trigger on: 256 in all.
    static let windowAfter = 224

    let rule: Rule
    let regex: TriggerRegex?
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
        do {
            regex = try TriggerRegex(pattern: pattern, caseSensitive: rule.caseSensitive)
        } catch {
            throw PatternError(file: rule.origin, problem: "rule \(rule.id): invalid regular expression (\(error.message)): \(pattern)")
        }
    }

    /// The regex's match that starts at `trigger` (anchored there; look-behind sees the window
    /// before it), within a window of at most 256 characters, as positions in the field,
    /// trimmed of trailing separators.
    func regexMatch(in field: FieldText, at trigger: Int) -> Range<Int>? {
        guard let regex else { return nil }
        let window = field.position(trigger, movedBy: -Self.windowBefore)..<field.position(trigger, movedBy: Self.windowAfter)
        let found = field.withUTF8(window, anchor: trigger) { bytes, anchor in regex.match(bytes, anchoredAt: anchor) }
        return found.flatMap { Self.trimmed($0, in: field) }
    }

    /// `range` without trailing white space and separators; nil when nothing is left.
    static func trimmed(_ range: Range<Int>, in field: FieldText) -> Range<Int>? {
        var end = range.upperBound
        while end > range.lowerBound, case let previous = field.position(before: end), field.isSpaceOrSeparator(previous) {
            end = previous
        }
        return end > range.lowerBound ? range.lowerBound..<end : nil
    }
}

/// A context clue with its words folded. The word `{name}` stands for a person named nearby
/// (see `PersonShape`).
struct FoldedClue: Sendable {
    static let personWord = "{name}"

    let clue: ContextClue
    let words: [[UInt8]]
    let wantsPerson: Bool

    init(_ clue: ContextClue) {
        self.clue = clue
        wantsPerson = clue.words.contains(Self.personWord)
        words = clue.words.filter { $0 != Self.personWord }.map(TextFolding.fold).filter { !$0.isEmpty }
    }
}
