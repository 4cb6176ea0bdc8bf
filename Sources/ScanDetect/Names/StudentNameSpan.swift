import ScanCore

/// One name found in a field, before it becomes a `Finding`: where it is, how it was found, and
/// whether media consent covers it.
struct StudentNameSpan {
    enum Source {
        /// A roster student; `consented` when every student with this form has consent on the day.
        case roster(consented: Bool)
        /// A name with student context, not on the roster.
        case context
    }

    /// Token indices.
    var tokens: Range<Int>
    var source: Source
    var confidence: Double
    /// Sentences appended to the message (why the confidence was lowered).
    var notes: [String] = []

    /// The rule that reports it.
    func rule(inImage: Bool, withRoster: Bool) -> (id: String, severity: Severity, message: String) {
        switch source {
        case .roster(consented: true):
            return ("student-name.consent-on-file", .info,
                    "A student on the roster is named; media consent is on file for the post's date.")
        case .roster(consented: false) where inImage:
            return ("student-name.roster-image", .high,
                    "Identifiable student in an image: a student on the roster is named in image text, with no media consent on file for the post's date (AP 2-27 2.1).")
        case .roster(consented: false):
            return ("student-name.roster", .high,
                    "A student on the roster is named, with no media consent on file for the post's date (AP 2-27 2.1).")
        case .context:
            return ("student-name.context", .medium, withRoster
                ? "This looks like a student's name (student context nearby), but it is not on the roster: check consent."
                : "This looks like a student's name (student context nearby): check consent.")
        }
    }
}

/// Decides which names in one field's tokens are students: roster forms first, then given names
/// alone and unlisted names where student context is near; staff, non-student cues and famous
/// names lower or drop them.
struct StudentNameSpans {
    static let fullForm = 0.95
    static let formWithInitial = 0.8
    static let givenNameWithContext = 0.65
    static let contextWithSurname = 0.7
    static let contextWithInitial = 0.65
    static let contextAlone = 0.55
    static let introducedName = 0.6
    static let staffPenalty = 0.35
    static let notStudentPenalty = 0.5

    let tokens: NameTokens
    let roster: NameMatcher?
    let staff: NameMatcher?
    let data: NameData
    /// The post's day, `YYYY-MM-DD`.
    let day: String
    /// The field describes an image or video (alt text, caption, media description).
    let inImage: Bool
    /// Look for students not on the roster too (the context detector).
    var findUnlisted = true

    /// The names of the field, in text order. Linear in the number of words: one flag per word
    /// says whether a name already holds it.
    var spans: [StudentNameSpan] {
        var result: [StudentNameSpan] = []
        var covered = [Bool](repeating: false, count: tokens.count)
        let staffMatches = Set((staff?.matches(in: tokens) ?? []).filter { !$0.givenOnly }.map(\.tokens))
        for match in roster?.matches(in: tokens) ?? [] {
            let span = rosterSpan(match, staffMatches: staffMatches)
            // A given name alone that was not taken (no context) leaves the words to the context detector.
            if span != nil || !match.givenOnly { match.tokens.forEach { covered[$0] = true } }
            if let span { result.append(span) }
        }
        staffMatches.forEach { $0.forEach { covered[$0] = true } }
        guard findUnlisted else { return result.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound } }
        var nameEnds = Set(result.map(\.tokens.upperBound))
        for index in tokens.indices where tokens[index].capitalised && !covered[index] {
            let coordinated = index >= 2 && Self.conjunctions.contains(tokens[index - 1]) && nameEnds.contains(index - 1)
            guard let span = contextSpan(at: index, coordinated: coordinated), !span.tokens.contains(where: { covered[$0] })
            else { continue }
            span.tokens.forEach { covered[$0] = true }
            nameEnds.insert(span.tokens.upperBound)
            result.append(span)
        }
        return result.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    private func rosterSpan(_ match: NameMatcher.Match, staffMatches: Set<Range<Int>>) -> StudentNameSpan? {
        guard !isFamous(match.tokens) else { return nil }
        let consented = match.people.allSatisfy { roster?.roster.people[$0].consent.covers(day: day) ?? false }
        var span = StudentNameSpan(tokens: match.tokens, source: .roster(consented: consented), confidence: Self.fullForm)
        if match.givenOnly {
            guard hasStudentContext(match.tokens), !hasNotStudentCue(match.tokens), !isInCapitalisedRun(match.tokens),
                !tokens[match.tokens.lowerBound].startsSentence
            else { return nil }
            span.confidence = Self.givenNameWithContext
            span.notes.append("Found by first name only, with student context nearby.")
        } else if match.tokens.contains(where: { tokens[$0].isInitial }) {
            span.confidence = Self.formWithInitial
        }
        if staffMatches.contains(match.tokens) {
            span.confidence -= Self.staffPenalty
            span.notes.append("The same name is also on the staff list.")
        }
        if hasNotStudentCue(match.tokens) {
            span.confidence -= Self.notStudentPenalty
            span.notes.append("The words around it suggest a staff member, parent or guest.")
        }
        return span
    }

    /// A common first name (with a surname or initial when one follows) where student context
    /// is near and nothing says it is someone else; or two capitalised words right after a word
    /// that introduces a student ("Grade 9 student Dmitri Halloran").
    /// "and", "et": a name right after one that follows a student's name is one too.
    static let conjunctions = WordSet(["and", "et"].map { Array($0.utf8) })

    private func contextSpan(at index: Int, coordinated: Bool = false) -> StudentNameSpan? {
        let token = tokens[index]
        guard token.capitalised, !data.context.notASurname.contains(token),
            !data.context.notStudentWords.occurs(in: tokens, range: index..<(index + 1)),
            !data.context.introducers.occurs(in: tokens, range: index..<(index + 1)),
            index == 0 || !tokens[index - 1].joinsNext || !data.context.notAfter.contains(tokens[index - 1])
        else { return nil }
        var end = index + 1
        var confidence = Self.contextAlone
        if token.isInitial {
            // "L. Bergeron (5e année)": an initial and a surname.
            guard isSurname(after: index), !tokens[index + 1].isInitial else { return nil }
            end += 1
            confidence = Self.contextWithInitial
        } else if !data.firstNames.contains(token) {
            // An unknown first name: two capitalised words that something marks as a name.
            guard isSurname(after: index) else { return nil }
            let withInitial = tokens[index + 1].isInitial
            end += 1
            if !withInitial, isSurname(after: end - 1), !tokens[end].isInitial { end += 1 }
            // The subject of a caption: "Isabela Cardoso-Whitfield drives the robot".
            let subject = inImage && token.startsSentence && end < tokens.count && !tokens[end].capitalised
            let possessive = !withInitial && tokens[end - 1].possessive
            let headline = !withInitial && end < tokens.count && tokens[end - 1].joinsNext && data.context.studentVerbs.contains(tokens[end])
            guard isIntroduced(index) || coordinated || subject || ((possessive || headline) && hasStudentContext(index..<end)),
                !withInitial || subject || coordinated
            else { return nil }
            confidence = Self.introducedName
        } else if isSurname(after: index) {
            confidence = tokens[end].isInitial ? Self.contextWithInitial : Self.contextWithSurname
            end += 1
            if !tokens[end - 1].isInitial, isSurname(after: end - 1) { end += 1 }
        } else if let particleEnd = surnameWithParticles(after: index) {
            confidence = Self.contextWithSurname
            end = particleEnd
        } else if token.startsSentence || isInCapitalisedRun(index..<end) || data.context.notAlone.contains(token) {
            return nil
        }
        let range = index..<end
        // A full name in an image's text on a school's account is a pupil's unless said otherwise.
        let pictured = inImage && range.count > 1 && !tokens[range.upperBound - 1].isInitial
        guard !isFamous(range), !isPlace(range), pictured || coordinated || hasStudentContext(range), !hasNotStudentCue(range),
            !isAboutAnAdult(range)
        else { return nil }
        return StudentNameSpan(tokens: range, source: .context, confidence: pictured && !hasStudentContext(range) ? Self.contextAlone + 0.05 : confidence)
    }

    /// The end of a surname with lower-case particles after `index` ("de la Cruz"), if one follows.
    private func surnameWithParticles(after index: Int) -> Int? {
        var next = index + 1
        while next < tokens.count, tokens[next - 1].joinsNext, next - index <= 3, !tokens[next].capitalised,
            data.context.surnameParticles.contains(tokens[next]) {
            next += 1
        }
        guard next > index + 1, next < tokens.count, tokens[next - 1].joinsNext, tokens[next].capitalised,
            !tokens[next].isInitial, !data.context.notASurname.contains(tokens[next])
        else { return nil }
        return next + 1
    }

    /// Whether a capitalised word joins `range` on either side ("Big Raven", "Rowan Park").
    private func isInCapitalisedRun(_ range: Range<Int>) -> Bool {
        let before = range.lowerBound - 1
        let after = range.upperBound
        return (before >= 0 && tokens[before].joinsNext && tokens[before].capitalised)
            || (after < tokens.count && tokens[after - 1].joinsNext && tokens[after].capitalised && !tokens[after].isInitial)
    }

    /// Whether the word after `range` makes it a place or institution ("Royal Alberta Museum").
    private func isPlace(_ range: Range<Int>) -> Bool {
        let after = range.upperBound
        return after < tokens.count && tokens[after - 1].joinsNext && tokens[after].capitalised
            && data.context.notASurname.contains(tokens[after])
    }

    /// Whether a word introducing a student comes just before `index`.
    private func isIntroduced(_ index: Int) -> Bool {
        data.context.introducers.occurs(in: tokens, range: (index - data.context.introducersWithin)..<index)
    }

    /// Whether the word after `index` can be (part of) a surname: joined, capitalised, not a
    /// place or team word.
    private func isSurname(after index: Int) -> Bool {
        let next = index + 1
        return tokens[index].joinsNext && next < tokens.count && tokens[next].capitalised
            && !data.context.notASurname.contains(tokens[next])
    }

    private func isFamous(_ range: Range<Int>) -> Bool {
        let famous = data.context.famous
        guard !famous.isEmpty, range.contains(where: { data.context.famousWords.contains(tokens[$0]) }) else { return false }
        // Any run of words around or inside the name that is a famous name ("Explore Chris
        // Hadfield's Photos" holds "Chris Hadfield").
        let lower = max(0, range.lowerBound - 2)
        let upper = min(tokens.count, range.upperBound + 2)
        for start in lower..<upper where data.context.famousWords.contains(tokens[start]) {
            for end in (start + 1)...upper where end > range.lowerBound && start < range.upperBound
                && famous.contains(key: tokens.key(start..<end)) {
                return true
            }
        }
        return false
    }

    private func hasStudentContext(_ range: Range<Int>) -> Bool {
        let within = data.context.studentWithin
        return data.context.studentWords.occurs(in: tokens, range: (range.lowerBound - within)..<range.lowerBound)
            || data.context.studentWords.occurs(in: tokens, range: range.upperBound..<(range.upperBound + within))
    }

    private func isAboutAnAdult(_ range: Range<Int>) -> Bool {
        let within = data.context.adultWithin
        return data.context.adultWords.occurs(in: tokens, range: (range.lowerBound - within)..<(range.upperBound + within))
    }

    private func hasNotStudentCue(_ range: Range<Int>) -> Bool {
        let within = data.context.notStudentWithin
        return data.context.notStudentWords.occurs(in: tokens, range: (range.lowerBound - within)..<range.lowerBound)
            || data.context.notStudentWords.occurs(in: tokens, range: range.upperBound..<(range.upperBound + 2))
    }
}
