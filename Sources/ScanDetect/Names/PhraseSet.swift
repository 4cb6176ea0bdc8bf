/// Words and phrases looked for among a text's tokens (folded, whole words): the context words
/// of the student-name detector. Words are compared by `WordHash`.
struct PhraseSet: Sendable {
    /// Phrases by the hash of their first word; each entry is the hashes of the words that follow.
    private var byFirstWord: [UInt64: [[UInt64]]] = [:]
    /// The first words again, for a membership test cheaper than the dictionary's.
    private var firstWords = HashSet64()

    init(_ phrases: [String] = []) {
        for phrase in phrases {
            let words = NameTokenizer.words(phrase).map(WordHash.of)
            guard let first = words.first else { continue }
            byFirstWord[first, default: []].append(Array(words.dropFirst()))
            firstWords.insert(first)
        }
    }

    /// Whether a phrase starts at one of the tokens in `range` (and fits in `tokens`).
    func occurs(in tokens: NameTokens, range: Range<Int>) -> Bool {
        let range = max(0, range.lowerBound)..<min(tokens.count, range.upperBound)
        for index in range where firstWords.contains(tokens[index].hash) {
            guard let rests = byFirstWord[tokens[index].hash] else { continue }
            for rest in rests where index + rest.count < tokens.count {
                if rest.enumerated().allSatisfy({ tokens[index + 1 + $0.offset].hash == $0.element }) { return true }
            }
        }
        return false
    }
}
