/// One word of a text as the name matcher sees it: folded (lower case, no accents), with where
/// it sits, its shape, and whether it joins the next word into one name.
struct NameToken: Sendable, Equatable {
    /// Folded bytes: lower case, accents removed, typographic apostrophes as `'`.
    var folded: [UInt8]
    /// Unicode scalar offsets in the text (without a possessive `'s`).
    var range: Range<Int>
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

    /// A single letter (an initial such as the `K` of "Nora K.").
    var isInitial: Bool { folded.count == 1 }
}
