/// Words and phrases looked for among a text's `NameToken`s (folded, whole words): the context
/// words of the student-name detector.
struct PhraseSet: Sendable {
    /// Phrases by their first word; each entry is the words that must follow.
    private var byFirstWord: [[UInt8]: [[[UInt8]]]] = [:]

    init(_ phrases: [String] = []) {
        for phrase in phrases {
            let words = NameTokenizer.tokens(phrase).map(\.folded)
            guard let first = words.first else { continue }
            byFirstWord[first, default: []].append(Array(words.dropFirst()))
        }
    }

    /// Whether a phrase starts at one of the tokens in `range` (and fits in `tokens`).
    func occurs(in tokens: [NameToken], range: Range<Int>) -> Bool {
        let range = max(0, range.lowerBound)..<min(tokens.count, range.upperBound)
        for index in range {
            guard let rests = byFirstWord[tokens[index].folded] else { continue }
            for rest in rests where index + rest.count < tokens.count {
                if rest.enumerated().allSatisfy({ tokens[index + 1 + $0.offset].folded == $0.element }) { return true }
            }
        }
        return false
    }
}
