/// One pass over a text for all rules: every literal of every rule (a `LiteralTrie` walked from
/// each place a literal may start) and the built-in triggers (digit runs, years, `@`, `©`).
/// Reads the text's UTF-8 directly, folding as it goes (ASCII through a 128-entry table, other
/// scalars through `TextFolding`'s table), and reports raw hits as UTF-8 offsets (positions in
/// `FieldText`); regexes, word ends, exclusions and context are checked afterwards, on the rare
/// hits only.
///
/// A literal hit always starts on a word boundary (`\b` at word characters): at the text's
/// start, at a character that is not a word character, or at a word's first character.
struct MatchEngine: Sendable {
    /// A literal (pattern index) or built-in trigger found at `range` (UTF-8 offsets of whole
    /// scalars).
    struct Hit {
        enum Kind {
            case literal(Int)
            case trigger(BuiltInTrigger)
        }

        var kind: Kind
        var range: Range<Int>
    }

    private let tables: MatchTables

    init(literals: [[UInt8]], triggers: Set<BuiltInTrigger>) {
        tables = MatchTables(trie: LiteralTrie(literals: literals), literals: literals, triggers: triggers)
    }

    /// Every hit in `text`, in order of where it starts.
    func scan(_ text: String) -> [Hit] {
        var copy = text
        return copy.withUTF8 { utf8 in
            var hits: [Hit] = []
            guard let base = utf8.baseAddress else { return hits }
            LiteralScanner(tables: tables, base: base, count: utf8.count).run(into: &hits)
            return hits
        }
    }
}
