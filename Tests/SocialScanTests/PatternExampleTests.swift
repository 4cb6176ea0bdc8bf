import ScanCore
import ScanDetect
import Testing

/// Every `match` / `no-match` example of every shipped rule, each run against its rule alone.
@Suite("Shipped pattern examples")
struct PatternExampleTests {
    static let rules: [Rule] = (try? PackLoader().load(directories: [Repo.path("Patterns")])) ?? []

    @Test func shippedPacksLoad() throws {
        let rules = try PackLoader().load(directories: [Repo.path("Patterns")])
        #expect(!rules.isEmpty)
        #expect(Set(rules.map(\.id)).count == rules.count)
    }

    @Test(arguments: rules)
    func examplesHold(rule: Rule) throws {
        let detector = try PatternDetector(rules: [rule])
        let origin = rule.fields.first ?? .text
        for text in rule.examples.match {
            let found = detector.findings(in: Self.item(text, origin), source: "example").map(\.rule)
            #expect(found.contains(rule.id), "\(rule.origin): \(rule.id) should match: \(text)")
        }
        for text in rule.examples.noMatch {
            let found = detector.findings(in: Self.item(text, origin), source: "example")
            #expect(found.isEmpty, "\(rule.origin): \(rule.id) should not match: \(text) (matched \(found.map(\.match.text)))")
        }
    }

    static func item(_ text: String, _ origin: FieldOrigin) -> Item {
        Item(id: "example", fields: [TextField(origin: origin, text: text)])
    }
}

extension Rule: CustomTestStringConvertible {
    public var testDescription: String { id }
}
