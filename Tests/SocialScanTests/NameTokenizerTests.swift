@testable import ScanDetect
import Testing

@Suite("Name tokens and keyed hashes")
struct NameTokenizerTests {
    private func words(_ text: String) -> [String] {
        NameTokenizer.words(text).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func sipHashMatchesTheReferenceVectors() {
        // From the SipHash paper (Aumasson & Bernstein), key 00..0f, messages 00..(n-1).
        let hash = SipHash(key: Array(0..<16))
        #expect(hash.hash([]) == 0x726f_db47_dd0e_0e31)
        #expect(hash.hash(Array(0..<15)) == 0xa129_ca61_49be_45e5)
        #expect(hash.hash(Array(0..<8)) == 0x93f5_f579_9a93_2462)
    }

    @Test func foldsCaseAndAccentsAndSplitsHyphens() {
        #expect(words("CHLOÉ Côté-Morin") == ["chloe", "cote", "morin"])
        #expect(words("Chloe Cote Morin") == ["chloe", "cote", "morin"])
    }

    @Test func apostrophesStayInsideNamesButPossessivesAndElisionsGo() {
        #expect(words("Declan O'Rourke's story") == ["declan", "o'rourke", "story"])
        #expect(words("Declan O’Rourke’s story") == ["declan", "o'rourke", "story"])
        #expect(words("le dessin d'Émile") == ["le", "dessin", "emile"])
        #expect(words("L'entraîneur et l'élève, D'Amours") == ["entraineur", "et", "eleve", "d'amours"])
        #expect(words("James' painting") == ["james", "painting"])
        let tokens = NameTokenizer.tokens("Nora Kaur's painting")
        #expect(tokens[1].possessive && !tokens[1].joinsNext)
    }

    @Test func whatJoinsOneNameToTheNext() {
        let tokens = NameTokenizer.tokens("N. Kaur and Nora\nKaur, then Mr. Bell. Grace! Ava")
        #expect(tokens.tokens.map(\.joinsNext) == [true, true, true, true, false, true, false, false, false, false])
        #expect(tokens[0].isInitial && tokens[0].capitalised)
        #expect(tokens[1].range == 3..<7)
        #expect(tokens[8].startsSentence && tokens[9].startsSentence && tokens[4].startsSentence)
        #expect(tokens[1].startsSentence == false, "an initial's period does not end a sentence")
    }

    @Test func offsetsAreUnicodeScalarsAndHashesMatchWordLists() {
        let tokens = NameTokenizer.tokens("Félicitations à Zoé Ng 🎉 Zoe")
        #expect(tokens.tokens.map(\.range) == [0..<13, 14..<15, 16..<19, 20..<22, 25..<28])
        #expect(tokens[2].hash == tokens[4].hash)
        #expect(WordSet([Array("zoe".utf8)]).contains(tokens[2]))
    }

    @Test func noLetterFoldsToMoreThanTwiceItsUTF8() {
        // The tokenizer sizes its buffer on this bound.
        let (bytes, offsets) = TextFolding.table
        for value in 0x80..<TextFolding.tableLimit {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let folded = Int(offsets[value + 1] - offsets[value])
            #expect(folded <= 2 * String(scalar).utf8.count, "U+\(String(value, radix: 16)) folds to \(folded) bytes")
        }
        #expect(bytes.count > TextFolding.tableLimit)
    }

    /// A snippet read from UTF-8 equals the one cut scalar by scalar (40 on each side, `…`
    /// where text was left out, line breaks as spaces), and the field's byte positions convert
    /// to the same scalar offsets.
    @Test(arguments: [(0, 3), (47, 60), (108, 119), (3, 119), (64, 79)])
    func snippetsFromBytesEqualSnippetsFromScalars(start: Int, end: Int) {
        let text = "Zoé 🎉 Ng won\nthe prize; félicitations à toute l’équipe — bravo! Nora Kaur-Singh’s poem, « Hiver », was read by Mme Roy."
        let scalars = Array(text.unicodeScalars)
        let byteStart = text.unicodeScalars.prefix(start).reduce(0) { $0 + String($1).utf8.count }
        let byteEnd = text.unicodeScalars.prefix(end).reduce(0) { $0 + String($1).utf8.count }
        let fromBytes = Array(text.utf8).withUnsafeBufferPointer { Snippet(utf8: $0, match: start..<end, bytes: byteStart..<byteEnd) }
        let lower = max(0, start - Snippet.context)
        let upper = min(scalars.count, end + Snippet.context)
        let body = String(String.UnicodeScalarView(scalars[lower..<upper].map { $0 == "\n" ? " " : $0 }))
        #expect(fromBytes.text == (lower > 0 ? "…" : "") + body + (upper < scalars.count ? "…" : ""))
        #expect(fromBytes.match == ((lower > 0 ? 1 : 0) + start - lower)..<((lower > 0 ? 1 : 0) + end - lower))
        let field = FieldText(text)
        #expect(field.scalarOffset(of: byteStart) == start && field.scalarOffset(of: byteEnd) == end)
        #expect(field.scalarCount(byteStart..<byteEnd) == end - start)
        #expect(field.position(byteStart, movedBy: end - start) == byteEnd && field.position(byteEnd, movedBy: start - end) == byteStart)
    }

    @Test func hashSetFindsWhatWasInserted() {
        var set = HashSet64()
        let values: [UInt64] = (0..<1000).map { $0 &* 0x9E37_79B9_7F4A_7C15 }
        values.forEach { set.insert($0) }
        #expect(values.allSatisfy(set.contains))
        #expect(set.count == 1000)
        #expect(!set.contains(12345))
    }
}
