import ScanCore
import ScanDetect
import Testing

@Suite("Pattern pack loading")
struct PackLoaderTests {
    static let valid = """
        pack: local
        rules:
          - id: local.test-word
            category: confidential
            policy: "2.1"
            severity: medium
            message: A test word.
            keywords: [secret plan]
            examples:
              match: ["the secret plan"]
        """

    private func load(_ yaml: String) throws(PatternError) -> [Rule] {
        let path = (try? temporaryFile(named: "pack.yml", contents: yaml)) ?? "/nonexistent"
        return try PackLoader().load(directories: [path.directory])
    }

    @Test func validPackLoads() throws {
        let rules = try load(Self.valid)
        #expect(rules.map(\.id) == ["local.test-word"])
        #expect(rules[0].category == .confidential)
        #expect(rules[0].confidence == 0.8)
    }

    @Test(arguments: [
        ("rules:\n  - id: x.y\n    bogus: 1\n", 3, "unknown key 'bogus'"),
        ("rules:\n  - id: Bad_Id\n", 2, "kebab-case"),
        (valid.replacingOccurrences(of: "confidential", with: "gossip"), 3, "unknown category 'gossip'"),
        (valid.replacingOccurrences(of: "keywords: [secret plan]", with: "keywords: [secret]\n    regex: '(unclosed'"), 9, "invalid regular expression"),
        (valid.replacingOccurrences(of: "keywords: [secret plan]", with: "keywords: [secret]\n    regex: '(a+)+b'"), 9, "nested unbounded repetition"),
        (valid.replacingOccurrences(of: "keywords: [secret plan]", with: "regex: 'secret'"), 3, "must say what triggers it"),
        (valid.replacingOccurrences(of: "    examples:\n      match: [\"the secret plan\"]", with: "    examples:\n      no-match: [\"x\"]"), 3, "needs at least one"),
        ("rules: [\n", 2, "did not find expected"),
    ])
    func errorsNameFileAndLine(yaml: String, line: Int, fragment: String) {
        do {
            _ = try load(yaml)
            Issue.record("expected an error containing \(fragment)")
        } catch {
            #expect(error.file.hasSuffix("pack.yml"))
            #expect(error.line == line, "\(error)")
            #expect(error.description.contains(fragment), "\(error)")
        }
    }

    @Test func laterPackOverridesAndDisables() throws {
        let first = try temporaryFile(named: "a.yml", contents: Self.valid)
        let override = Self.valid.replacingOccurrences(of: "severity: medium", with: "severity: high")
        let second = try temporaryFile(named: "b.yml", contents: override + "\ndisable: [copyright.symbol]\n")
        let rules = try PackLoader().load(directories: [
            Repo.path("Patterns"), first.directory, second.directory,
        ])
        #expect(rules.filter { $0.id == "local.test-word" }.map(\.severity) == [.high])
        #expect(!rules.contains { $0.id == "copyright.symbol" })
        #expect(rules.contains { $0.id == "copyright.statement" })
    }
}

extension String {
    /// The directory part of a path.
    var directory: String {
        guard let slash = lastIndex(of: "/") else { return "." }
        return String(self[..<slash])
    }
}
