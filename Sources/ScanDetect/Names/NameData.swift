import Foundation

/// Everything the student-name detector reads from `Patterns/names/`: the nickname table, the
/// first-name lists and the context words.
public struct NameData: Sendable {
    public var nicknames: NicknameTable
    /// Folded common first names (for students not on the roster).
    var firstNames: WordSet
    public var context: NameContext

    public init(nicknames: NicknameTable = NicknameTable(), firstNames: [String] = [], context: NameContext = NameContext()) {
        self.nicknames = nicknames
        self.firstNames = WordSet(firstNames.map(NameForms.folded))
        self.context = context
    }

    /// Reads `nicknames.tsv`, every `first-names*.txt` and `student-names.yml` in `directory`.
    public init(directory: String) throws(PatternError) {
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        do {
            nicknames = try NicknameTable(file: base + "/nicknames.tsv")
        } catch {
            throw PatternError(file: error.source, problem: error.problem)
        }
        let lists = ((try? FileManager.default.contentsOfDirectory(atPath: base)) ?? [])
            .filter { $0.hasPrefix("first-names") && $0.hasSuffix(".txt") }.sorted()
        var names: [String] = []
        for list in lists {
            guard let data = FileManager.default.contents(atPath: base + "/" + list), let text = String(data: data, encoding: .utf8) else {
                throw PatternError(file: base + "/" + list, problem: "cannot be read as UTF-8 text")
            }
            names += text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
        }
        firstNames = WordSet(names.map(NameForms.folded))
        context = try NameContext(file: base + "/student-names.yml")
    }

    /// The `names/` folder of the shipped patterns, when there is one.
    public static func shippedDirectory(environment: [String: String]) -> String? {
        guard let patterns = PatternLocator.shippedDirectory(environment: environment) else { return nil }
        let names = patterns + "/names"
        return FileManager.default.fileExists(atPath: names + "/student-names.yml") ? names : nil
    }
}
