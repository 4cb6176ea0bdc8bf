/// Splits a text into `NameToken`s, the same way for roster names (at import) and for posts (at
/// scan), so that both fold to identical bytes.
///
/// A word is a run of letters; an apostrophe between letters stays inside it (O'Brien), except
/// a possessive `'s` and a French elision before a capital (d'Émile is Émile). Hyphens split
/// words (Kaur-Singh is two words that join). With `capitalisedOnly`, lower-case words are
/// skipped without being folded: the fast path for posts.
struct NameTokenizer {
    private enum Kind: UInt8 {
        case other, lower, upper, apostrophe, hyphen, space, period
    }

    /// Kinds of scalars below `TextFolding.tableLimit`.
    private static let kinds: [Kind] = (0..<TextFolding.tableLimit).map { value in
        guard let scalar = Unicode.Scalar(value) else { return .other }
        return kind(of: scalar)
    }

    private static func kind(of scalar: Unicode.Scalar) -> Kind {
        switch scalar {
        case "'", "’", "ʼ": return .apostrophe
        case "-", "‐", "‑": return .hyphen
        case ".": return .period
        default: break
        }
        let properties = scalar.properties
        if properties.isWhitespace { return .space }
        guard properties.isAlphabetic else { return .other }
        return properties.isUppercase || properties.generalCategory == .titlecaseLetter ? .upper : .lower
    }

    private static func kind(_ scalar: Unicode.Scalar) -> Kind {
        scalar.value < TextFolding.tableLimit ? kinds[Int(scalar.value)] : kind(of: scalar)
    }

    /// The tokens of `text`.
    static func tokens(_ text: String, capitalisedOnly: Bool = false) -> [NameToken] {
        var tokens: [NameToken] = []
        scan(text, capitalisedOnly: capitalisedOnly) { tokens.append($0) }
        return tokens
    }

    /// Calls `visit` with each token of `text` in order.
    static func scan(_ text: String, capitalisedOnly: Bool, visit: (NameToken) -> Void) {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        var pending: NameToken?
        var gap = Gap()
        while index < scalars.count {
            let kind = Self.kind(scalars[index])
            guard kind == .lower || kind == .upper else {
                gap.add(kind)
                if Self.endsSentence(scalars[index]) { gap.sentenceEnd = true }
                index += 1
                continue
            }
            if capitalisedOnly && kind == .lower {
                index = endOfWord(scalars, from: index)
                gap.add(.other)
                continue
            }
            var token = word(scalars, from: &index)
            token.startsSentence = pending == nil || gap.sentenceEnd && !(pending?.isInitial == true && gap.periods == 1)
            if var previous = pending {
                previous.joinsNext = !previous.possessive && gap.joins(afterInitial: previous.isInitial)
                visit(previous)
            }
            if token.possessive { gap = Gap(); gap.add(.other) } else { gap = Gap() }
            token.joinsNext = false
            pending = token
        }
        if let last = pending { visit(last) }
    }

    /// What lies between two words.
    private struct Gap {
        var space = false
        var hyphens = 0
        var periods = 0
        var other = false
        var sentenceEnd = false

        mutating func add(_ kind: Kind) {
            switch kind {
            case .space: space = true
            case .hyphen: hyphens += 1
            case .period: periods += 1
            default: other = true
            }
        }

        func joins(afterInitial: Bool) -> Bool {
            guard !other, hyphens <= 1, periods <= (afterInitial ? 1 : 0) else { return false }
            return space || hyphens == 1 || periods == 1
        }
    }

    private static func endsSentence(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "." || scalar == "!" || scalar == "?" || scalar == "…" || scalar == "\n" || scalar == "\r"
    }

    /// The index after the letters (and inner apostrophes) that start at `start`.
    private static func endOfWord(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var index = start
        while index < scalars.count {
            let kind = Self.kind(scalars[index])
            if kind == .lower || kind == .upper {
                index += 1
            } else if kind == .apostrophe, index + 1 < scalars.count, isLetter(scalars[index + 1]) {
                index += 1
            } else {
                break
            }
        }
        return index
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let kind = Self.kind(scalar)
        return kind == .lower || kind == .upper
    }

    /// Reads the word starting at `index` (a letter) and moves `index` past it (and past a
    /// possessive ending).
    private static func word(_ scalars: [Unicode.Scalar], from index: inout Int) -> NameToken {
        var start = index
        var folded: [UInt8] = []
        var end = index
        while end < scalars.count {
            let scalar = scalars[end]
            let kind = Self.kind(scalar)
            if kind == .lower || kind == .upper {
                TextFolding.withFolded(scalar) { folded.append(contentsOf: $0) }
                end += 1
                continue
            }
            guard kind == .apostrophe, end + 1 < scalars.count, isLetter(scalars[end + 1]) else { break }
            let next = scalars[end + 1]
            let afterNext = end + 2 < scalars.count ? scalars[end + 2] : " "
            if (next == "s" || next == "S") && !isLetter(afterNext) {
                index = end + 2
                return NameToken(folded: folded, range: start..<end, capitalised: Self.kind(scalars[start]) == .upper, possessive: true)
            }
            if end - start == 1, Self.kind(scalars[start]) == .lower, Self.kind(next) == .upper {
                // French elision before a name: d'Émile, l'Anjou.
                start = end + 1
                folded = []
                end += 1
                continue
            }
            folded.append(0x27)
            end += 1
        }
        var possessive = false
        if end < scalars.count, Self.kind(scalars[end]) == .apostrophe, folded.last == 0x73 {
            possessive = true  // James' (the plural possessive): the apostrophe ends the name.
            index = end + 1
        } else {
            index = end
        }
        return NameToken(folded: folded, range: start..<end, capitalised: Self.kind(scalars[start]) == .upper, possessive: possessive)
    }
}
