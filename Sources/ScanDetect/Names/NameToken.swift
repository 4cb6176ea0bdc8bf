/// One word of a text as the name matcher sees it: where its folded bytes (lower case, no
/// accents, typographic apostrophes as `'`) are in `NameTokens.folded`, their hash, where the
/// word sits in the text, its shape, and whether it joins the next word into one name.
struct NameToken: Sendable, Equatable {
    var foldedStart: Int32
    var foldedEnd: Int32
    /// `WordHash` of the folded bytes: how the word is looked up in word lists.
    var hash: UInt64
    /// Unicode scalar offsets in the text (without a possessive `'s`).
    var range: Range<Int>
    /// The same span as UTF-8 byte offsets.
    var bytes: Range<Int>
    /// The first letter is upper case.
    var capitalised: Bool
    /// A possessive `'s` or `s'` followed the word: a name can end here but not go on.
    var possessive = false
    /// Whether this word and the next can belong to one name: only white space (line breaks
    /// too), a hyphen, or an initial's period lie between them.
    var joinsNext = false
    /// The word begins the text or follows a sentence end or line break (so its capital
    /// letter says nothing about it being a name).
    var startsSentence = false

    /// A single letter (an initial such as the `K` of "Nora K." or the `П` of "Nora П.").
    var isInitial: Bool { range.count == 1 }
}

/// The words of one text: the tokens, and all their folded bytes back to back (one buffer, so
/// that tokenising allocates nothing per word).
struct NameTokens: Sendable {
    var tokens: [NameToken] = []
    var folded: [UInt8] = []

    var count: Int { tokens.count }
    var indices: Range<Int> { tokens.indices }

    subscript(index: Int) -> NameToken { tokens[index] }

    /// The folded bytes of token `index`.
    func bytes(_ index: Int) -> ArraySlice<UInt8> {
        folded[Int(tokens[index].foldedStart)..<Int(tokens[index].foldedEnd)]
    }

    /// The folded words of `range` joined by single spaces: a name form's key.
    func key(_ range: Range<Int>) -> [UInt8] {
        NameForms.key(range.lazy.map(bytes))
    }

    /// The words as separate byte arrays (for roster import and word lists).
    var words: [[UInt8]] { tokens.indices.map { Array(bytes($0)) } }
}

/// A fast unkeyed 64-bit hash of folded bytes (FNV-1a with a final mix), for public word lists:
/// first names, context words. Roster words use the keyed `SipHash` instead.
enum WordHash {
    static let basis: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always)
    static func add(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    @inline(__always)
    static func finish(_ hash: UInt64) -> UInt64 {
        var value = hash
        value ^= value >> 33
        value = value &* 0xff51_afd7_ed55_8ccd
        value ^= value >> 33
        value = value &* 0xc4ce_b9fe_1a85_ec53
        return value ^ (value >> 33)
    }

    static func of(_ bytes: some Sequence<UInt8>) -> UInt64 {
        finish(bytes.reduce(basis, add))
    }
}

/// A set of words (or phrases, as their joined key) looked up by `WordHash`.
struct WordSet: Sendable {
    private var hashes = HashSet64()

    init(_ keys: [[UInt8]] = []) {
        keys.forEach { hashes.insert(WordHash.of($0)) }
    }

    var isEmpty: Bool { hashes.count == 0 }

    func contains(_ token: NameToken) -> Bool { hashes.contains(token.hash) }

    func contains(key: [UInt8]) -> Bool { hashes.contains(WordHash.of(key)) }
}
