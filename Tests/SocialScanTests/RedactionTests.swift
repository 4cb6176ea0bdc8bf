import ScanCore
import ScanReport
import Testing

@Suite("Redaction")
struct RedactionTests {
    private func finding(category: Category, match: String, title: String?, message: String, snippet: String, in range: Range<Int>) -> Finding {
        Finding(
            rule: "r", category: category, policy: "2.1", severity: .high, confidence: 0.9, message: message, source: "s",
            item: ItemReference(id: "i", url: "https://x.example/p", title: title), field: .content,
            match: MatchSpan(text: match, start: 10, end: 10 + match.count), snippet: snippet, snippetMatch: range,
            fingerprint: "f", copyright: category == .copyright ? CopyrightDetail(year: 2025, holder: "Prairie Sky Photography") : nil)
    }

    @Test func masksEveryTextAndKeepsOffsetsAndFingerprint() {
        let snippet = "…ongrats to Nora Kaur-Singh’s team, Grade 4, on the ribbon"
        let original = finding(
            category: .studentName, match: "Nora Kaur-Singh", title: "Nora Kaur-Singh wins", message: "Nora Kaur-Singh is named.",
            snippet: snippet, in: 12..<27)
        let redacted = Redaction.apply(original)
        #expect(redacted.match.text == "N. K.-S.")
        #expect(redacted.match.start == 10 && redacted.match.end == 25 && redacted.fingerprint == "f" && redacted.redacted)
        #expect(redacted.item.title == "N. K.-S. wins")
        #expect(redacted.message == "N. K.-S. is named.")
        #expect(redacted.snippet == "…o. to N. K.-S.’s team, G. 4, on the ribbon")
        let marked = Array(redacted.snippet.unicodeScalars)[redacted.snippetMatch]
        #expect(String(String.UnicodeScalarView(marked)) == "N. K.-S.")
    }

    @Test func copyrightHoldersAreMaskedToo() {
        let redacted = Redaction.apply(finding(
            category: .copyright, match: "© 2025 Prairie Sky Photography", title: nil, message: "Copyright notice.",
            snippet: "Photo © 2025 Prairie Sky Photography", in: 6..<36))
        #expect(redacted.copyright?.holder == "P. S. P.")
        #expect(redacted.match.text == "© 2025 P. S. P.")
    }
}
