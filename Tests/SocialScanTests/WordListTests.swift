@testable import ScanDetect
import ScanTestSupport
import Testing

/// Context words and exclusions: looking one-word entries up by the text's words finds what
/// searching the text for each entry on word boundaries finds.
@Suite("Word lists")
struct WordListTests {
    @Test func findsWhatASearchFinds() {
        let pieces = ["the", "thief", "child's", "child", "s", "mock trial", "trial", "élève", "eleve", "2024", "$ par année",
                      "t'es", "c'est", "first-aid", "aid", "🙂", "x", "ab", "abc", "-", " ", "  ", ".", "grade 4", "4"]
        var random = SplitMix64(seed: 41)
        func pick() -> String { pieces[Int(random.next() % UInt64(pieces.count))] }
        for _ in 0..<2_000 {
            let entries = (0..<Int(random.next() % 6)).map { _ in TextFolding.fold(pick()) }
            let text = TextFolding.fold((0..<Int(random.next() % 12)).map { _ in pick() }.joined(separator: random.next() % 4 == 0 ? "" : " "))
            let expected = entries.contains { !$0.isEmpty && WordList.contains(text, $0) }
            #expect(WordList(entries).occurs(in: text) == expected, "\(entries.map { String(decoding: $0, as: UTF8.self) }) in \(String(decoding: text, as: UTF8.self))")
        }
    }

    @Test func onWordBoundariesOnly() {
        let list = WordList(["thief", "mock trial"].map(TextFolding.fold))
        #expect(list.occurs(in: TextFolding.fold("The THIEF!")))
        #expect(!list.occurs(in: TextFolding.fold("thieves and thiefs")))
        #expect(list.occurs(in: TextFolding.fold("a Mock  Trial")))
        #expect(!list.occurs(in: TextFolding.fold("mock trials")))
    }
}
