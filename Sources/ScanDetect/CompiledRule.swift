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
    /// The rule's model, read once here (the scan asks for it at every hit).
    let model: RuleModel?
    let exclusions: WordList
    let context: [FoldedClue]

    init(_ rule: Rule, extraExclusions: [String] = []) throws(PatternError) {
        self.rule = rule
        model = rule.model
        // A model rule's literals are its cues: the words that let it look.
        literals = (rule.model?.model.cues ?? rule.keywords).map(TextFolding.fold).filter { !$0.isEmpty }
        exclusions = WordList((rule.exclusions + extraExclusions).map(TextFolding.fold))
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
    ///
    /// The far end is found lazily: the regex first runs up to `windowAfter` bytes past the
    /// trigger (never more characters than that), and over the exact window only when an
    /// attempt reaches that quick end, which a match rarely does.
    func regexMatch(in field: FieldText, at trigger: Int, window: RegexWindow? = nil) -> Range<Int>? {
        guard let regex else { return nil }
        let window = window ?? RegexWindow(around: trigger, in: field)
        let anchor = trigger - window.lower
        var outcome = field.withUTF8(window.lower..<window.quickUpper) {
            regex.match($0, anchoredAt: anchor, truncated: window.quickUpper < field.end)
        }
        if case .needsMore = outcome {
            let upper = field.position(trigger, movedBy: Self.windowAfter)
            outcome = field.withUTF8(window.lower..<upper) { regex.match($0, anchoredAt: anchor) }
        }
        guard case .match(let found) = outcome else { return nil }
        return Self.trimmed(window.lower + found.lowerBound..<window.lower + found.upperBound, in: field)
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

/// Where a regex may look around a trigger: from `windowBefore` characters before it, to
/// `quickUpper`, at most `windowAfter` bytes after it (the exact end, `windowAfter` characters,
/// is found only when needed). The same for every rule with that trigger.
struct RegexWindow {
    let lower: Int
    let quickUpper: Int

    init(around trigger: Int, in field: FieldText) {
        lower = field.position(trigger, movedBy: -CompiledRule.windowBefore)
        quickUpper = field.scalarStart(containing: trigger + CompiledRule.windowAfter)
    }
}

/// A context clue with its words folded. The word `{name}` stands for a person named nearby
/// (see `PersonShape`).
struct FoldedClue: Sendable {
    static let personWord = "{name}"

    let clue: ContextClue
    let words: WordList
    let wantsPerson: Bool

    init(_ clue: ContextClue) {
        self.clue = clue
        wantsPerson = clue.words.contains(Self.personWord)
        words = WordList(clue.words.filter { $0 != Self.personWord }.map(TextFolding.fold))
    }
}
