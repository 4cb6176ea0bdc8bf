import Foundation

/// Formal first names and their nicknames (`Patterns/names/nicknames.tsv`), both ways: a
/// roster's Alexander also matches "Alex", and a roster's Alex also matches "Alexander".
public struct NicknameTable: Sendable {
    private var variants: [[UInt8]: Set<[UInt8]>] = [:]

    public init() {}

    /// Reads `canonical<TAB>nick nick ...` lines; `#` starts a comment line.
    public init(file: String) throws(RosterError) {
        guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
            throw RosterError(source: file, problem: "the nickname table cannot be read as UTF-8 text")
        }
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
            let parts = line.split(separator: "\t", maxSplits: 1)
            guard parts.count == 2 else {
                throw RosterError(source: file, line: number + 1, problem: "expected a name, a tab and its nicknames")
            }
            let canonical = TextFolding.fold(String(parts[0]))
            for nickname in parts[1].split(separator: " ") {
                add(canonical, TextFolding.fold(String(nickname)))
            }
        }
    }

    /// Records that `first` and `second` name the same person.
    mutating func add(_ first: [UInt8], _ second: [UInt8]) {
        guard !first.isEmpty, !second.isEmpty, first != second else { return }
        variants[first, default: []].insert(second)
        variants[second, default: []].insert(first)
    }

    /// The other spellings of a folded first name.
    func variants(of name: [UInt8]) -> Set<[UInt8]> {
        variants[name] ?? []
    }

    /// How many names the table knows.
    public var count: Int { variants.count }
}
