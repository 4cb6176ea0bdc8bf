/// The ways people write one student's name, as folded token sequences: full name, preferred
/// name or nickname with the last name, first name with last initial, initial with last name;
/// and the given names alone (matched only where student context is near).
struct NameForms: Equatable {
    /// Multi-word forms, each a list of folded tokens.
    var full: Set<[[UInt8]]> = []
    /// Given names alone (one or more tokens: "marie eve").
    var givenOnly: Set<[[UInt8]]> = []

    init(first: String, last: String, preferred: String?, nicknames: NicknameTable) {
        let surname = Self.tokens(last)
        let firstTokens = Self.tokens(first)
        guard !surname.isEmpty, !firstTokens.isEmpty else { return }
        var given: [[[UInt8]]] = [firstTokens]
        if let preferred, !Self.tokens(preferred).isEmpty { given.append(Self.tokens(preferred)) }
        let written = given
        for name in written {
            for variant in nicknames.variants(of: name[0]).sorted(by: { $0.lexicographicallyPrecedes($1) }) {
                given.append([variant] + name.dropFirst())
            }
        }
        for name in given {
            full.insert(name + surname)
            full.insert(name + [Self.initial(surname[0])])
        }
        for name in written {
            full.insert([Self.initial(name[0])] + surname)
            full.insert(surname + name)  // family name first, as many cultures write it
            givenOnly.insert(name)
        }
    }

    /// Words kept of one name (first, last or preferred): longer ones are not names.
    static let maximumWords = 6

    private static func tokens(_ text: String) -> [[UInt8]] {
        Array(NameTokenizer.words(text).prefix(maximumWords))
    }

    /// The first letter of a folded word, as its own folded word (one scalar: "n", "п").
    static func initial(_ word: [UInt8]) -> [UInt8] {
        guard let lead = word.first else { return [] }
        let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        return Array(word.prefix(length))
    }

    /// `text` as one folded key: its words folded and joined by single spaces.
    static func folded(_ text: String) -> [UInt8] {
        key(tokens(text))
    }

    /// The bytes hashed for a form: its tokens joined by single spaces.
    static func key<Words: Sequence>(_ tokens: Words) -> [UInt8] where Words.Element: Collection<UInt8> {
        var bytes: [UInt8] = []
        for token in tokens {
            if !bytes.isEmpty { bytes.append(0x20) }
            bytes += token
        }
        return bytes
    }
}
