import ScanCore
import ScanDetect
import Testing

@Suite("Pattern detector")
struct PatternDetectorTests {
    static let detector: PatternDetector? = try? PatternDetector(
        rules: PackLoader().load(directories: [Repo.path("Patterns")]))

    private func findings(_ text: String, origin: FieldOrigin = .content) throws -> [Finding] {
        let detector = try #require(Self.detector)
        let item = Item(id: "post-1", url: "https://school.example/p/1", title: "Post", fields: [TextField(origin: origin, text: text)])
        return detector.findings(in: item, source: "feed.xml")
    }

    @Test func offsetsAreUnicodeScalarsIntoTheFieldText() throws {
        let text = "Élèves 🎉 café: photo © 2024 Studio Nord"
        let finding = try #require(try findings(text).first)
        #expect(finding.match.text == "© 2024 Studio Nord")
        let scalars = Array(text.unicodeScalars)
        var slice = String.UnicodeScalarView()
        slice.append(contentsOf: scalars[finding.match.start..<finding.match.end])
        #expect(String(slice) == finding.match.text)
        #expect(finding.match.start == 21)
    }

    @Test func overlappingMatchesOfOneCategoryKeepTheLongest() throws {
        let found = try findings("Copyright © 2023 Jordan Vale Photography")
        #expect(found.count == 1)
        #expect(found.first?.rule == "copyright.statement")
    }

    @Test func findingCarriesRuleItemAndSnippet() throws {
        let finding = try #require(try findings("Thanks to everyone who came. All rights reserved by the artist.").first)
        #expect(finding.rule == "copyright.all-rights-reserved")
        #expect(finding.category == .copyright)
        #expect(finding.policy == "2.6")
        #expect(finding.source == "feed.xml")
        #expect(finding.item == ItemReference(id: "post-1", url: "https://school.example/p/1", title: "Post"))
        #expect(finding.field == .content)
        #expect(finding.snippet.scalarSlice(finding.snippetMatch) == "All rights reserved")
    }

    @Test func fingerprintIsStableAndIgnoresCaseAndSpacing() {
        let a = Fingerprint.of(rule: "copyright.symbol", itemID: "post-1", match: "© 2024  Studio\nNord")
        let b = Fingerprint.of(rule: "copyright.symbol", itemID: "post-1", match: "© 2024 studio nord")
        let c = Fingerprint.of(rule: "copyright.symbol", itemID: "post-2", match: "© 2024 studio nord")
        #expect(a == b)
        #expect(a != c)
        #expect(a.count == 32)
    }

    @Test func sameMatchInTwoFieldsOfOneItemIsReportedOnce() throws {
        let detector = try #require(Self.detector)
        let item = Item(id: "post-2", fields: [
            TextField(origin: .summary, text: "Photo © 2024 Studio Nord"),
            TextField(origin: .content, text: "Photo © 2024 Studio Nord, with thanks."),
        ])
        let found = detector.findings(in: item, source: "feed.xml")
        #expect(found.map(\.field) == [.summary])
    }
}

@Suite("Regex windows")
struct RegexWindowTests {
    /// A regex first runs on a window cut at 224 bytes after its trigger; an attempt that reaches
    /// that cut runs again on the whole window of 224 characters (here, two-byte characters: the
    /// quick window holds only half of them). The window still ends 224 characters on.
    @Test(arguments: [(220, 218), (300, 218), (160, 160), (100, 0)])
    func matchesReachTheWholeWindowInCharactersNotBytes(accents: Int, expected: Int) throws {
        let rule = Rule(
            id: "test.long", category: .confidential, policy: "2.1", severity: .medium, confidence: 0.9, message: "long",
            keywords: ["start"], regex: "start:é{150,400}")
        let detector = try PatternDetector(rules: [rule])
        let text = "start:" + String(repeating: "é", count: accents) + " end"
        let found = detector.findings(in: Item(id: "1", fields: [TextField(origin: .content, text: text)]), source: "test")
        #expect(found.first.map { $0.match.end - $0.match.start } == (expected == 0 ? nil : 6 + expected))
    }
}
