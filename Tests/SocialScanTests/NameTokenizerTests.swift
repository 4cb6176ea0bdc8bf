@testable import ScanDetect
import Testing

@Suite("Name tokens and keyed hashes")
struct NameTokenizerTests {
    private func words(_ text: String) -> [String] {
        NameTokenizer.tokens(text).map { String(decoding: $0.folded, as: UTF8.self) }
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
        #expect(words("James' painting") == ["james", "painting"])
        let tokens = NameTokenizer.tokens("Nora Kaur's painting")
        #expect(tokens[1].possessive && !tokens[1].joinsNext)
    }

    @Test func whatJoinsOneNameToTheNext() {
        let tokens = NameTokenizer.tokens("N. Kaur and Nora\nKaur, then Mr. Bell. Grace")
        #expect(tokens.map(\.joinsNext) == [true, true, true, true, false, true, false, false, false])
        #expect(tokens[0].isInitial && tokens[0].capitalised)
        #expect(tokens[1].range == 3..<7)
        #expect(tokens.last?.startsSentence == true)
        #expect(tokens[1].startsSentence == false, "an initial's period does not end a sentence")
    }

    @Test func capitalisedOnlySkipsLowerCaseWords() {
        let tokens = NameTokenizer.tokens("congratulations to Nora Kaur of room nine", capitalisedOnly: true)
        #expect(tokens.map(\.range) == [19..<23, 24..<28])
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
