/// Finds the name forms of a `HashedRoster` among a text's tokens: each capitalised word whose
/// SipHash is a roster word anchors the windows of up to `maxFormTokens` joined words around
/// it; a window's SipHash must be a roster form before its keyed hash is computed and looked up.
struct NameMatcher {
    /// A window of tokens that is one roster form.
    struct Match {
        var tokens: Range<Int>
        var people: [Int]
        /// Matched a given name alone (needs student context), not a full form.
        var givenOnly: Bool
    }

    let roster: HashedRoster
    let prefilter: SipHash

    init(roster: HashedRoster) {
        self.roster = roster
        prefilter = roster.key.prefilter
    }

    /// Every window of `tokens` that is a roster form, longest first where they overlap.
    func matches(in tokens: NameTokens) -> [Match] {
        var found: [Match] = []
        var tried: Set<Int> = []
        let longest = max(1, roster.maxFormTokens)
        for anchor in tokens.indices
        where tokens[anchor].capitalised && !tokens[anchor].isInitial && isRosterWord(tokens.bytes(anchor)) {
            var start = anchor
            while start > 0 && anchor - (start - 1) < longest && tokens[start - 1].joinsNext { start -= 1 }
            for first in start...anchor where tokens[first].capitalised {
                var last = anchor
                while true {
                    let window = first..<(last + 1)
                    if tokens[last].capitalised || tokens[last].isInitial, tried.insert(first &* tokens.count &+ last).inserted,
                        let match = lookUp(window, in: tokens) {
                        found.append(match)
                    }
                    guard last + 1 < tokens.count, tokens[last].joinsNext, last + 1 - first < longest else { break }
                    last += 1
                }
            }
        }
        return Self.longestFirst(found, tokenCount: tokens.count)
    }

    /// The people whose form is exactly `window`, if any.
    func lookUp(_ window: Range<Int>, in tokens: NameTokens) -> Match? {
        let key = tokens.key(window)
        guard roster.formPrefilter.contains(prefilter.hash(key)) else { return nil }
        let hash = roster.formHash(key)
        if let people = roster.forms[hash] { return Match(tokens: window, people: people, givenOnly: false) }
        if let people = roster.givenOnly[hash] { return Match(tokens: window, people: people, givenOnly: true) }
        return nil
    }

    private func isRosterWord(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { roster.tokenPrefilter.contains(prefilter.hash($0)) }
    }

    /// Full forms before given names, longer before shorter; overlapping ones dropped (one flag
    /// per word, so a field full of names costs linear time).
    private static func longestFirst(_ matches: [Match], tokenCount: Int) -> [Match] {
        let ordered = matches.sorted { a, b in
            a.givenOnly != b.givenOnly ? !a.givenOnly : a.tokens.count != b.tokens.count ? a.tokens.count > b.tokens.count
                : a.tokens.lowerBound < b.tokens.lowerBound
        }
        var taken = [Bool](repeating: false, count: tokenCount)
        var kept: [Match] = []
        for match in ordered where !match.tokens.contains(where: { taken[$0] }) {
            match.tokens.forEach { taken[$0] = true }
            kept.append(match)
        }
        return kept.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }
}
