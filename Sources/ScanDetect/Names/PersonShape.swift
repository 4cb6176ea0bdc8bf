/// Whether a text names a person, by the shape of the words alone (no list): the `{name}` word of
/// a rule's context, which ties a record or an accusation to someone.
///
/// A person is: a title and a capitalised word (Mr. Falk, Mme Roy, Coach Brandt); a capitalised
/// word and an initial (Chloe D.); an initial and a capitalised word (N. Kaur); two capitalised
/// words that do not start a sentence together (Tina Kral); or a capitalised word with a
/// possessive (Mateo's, d'Emma is not one).
struct PersonShape: Sendable {
    /// Words that make two capitalised words a place or institution (`not-a-surname` in
    /// `Patterns/names/student-names.yml`), when the names data is loaded.
    let notASurname: WordSet

    init(notASurname: WordSet = WordSet()) {
        self.notASurname = notASurname
    }

    private static let titles = WordSet([
        "mr", "mrs", "ms", "miss", "dr", "mx", "mme", "mlle", "m", "coach", "madame", "monsieur",
    ].map { Array($0.utf8) })

    func present(in text: String) -> Bool {
        let tokens = NameTokenizer.tokens(text)
        for index in tokens.indices where tokens[index].capitalised {
            let token = tokens[index]
            if token.possessive && !token.isInitial && !token.startsSentence { return true }
            guard index + 1 < tokens.count, token.joinsNext || Self.titles.contains(token) else { continue }
            let next = tokens[index + 1]
            guard next.capitalised, !notASurname.contains(next), !notASurname.contains(token) || Self.titles.contains(token) else { continue }
            if Self.titles.contains(token) { return true }
            if next.isInitial != token.isInitial { return true }
            if !token.isInitial && !next.isInitial && !(token.startsSentence && index == 0 && tokens.count > 2 && !tokens[2].capitalised) {
                return true
            }
        }
        return false
    }
}
