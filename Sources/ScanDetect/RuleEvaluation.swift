/// Decides what a candidate match is worth: exclusions (allow-listed phrases near the match)
/// drop it; context words raise or lower its confidence, or are required or forbidden.
struct RuleEvaluation {
    /// Scalars on each side of a match searched for exclusion phrases.
    static let exclusionReach = 60

    let rule: CompiledRule
    let field: FieldText
    var person = PersonShape()

    /// The confidence of a match at `range` (positions in the field) and the notes of the clues that changed it, or nil
    /// when it is not a finding.
    func evaluate(_ range: Range<Int>) -> (confidence: Double, notes: [String])? {
        if !rule.exclusions.isEmpty {
            let reach = rule.rule.exclusionScope == .near ? Self.exclusionReach : 0
            let near = field.position(range.lowerBound, movedBy: -reach)..<field.position(range.upperBound, movedBy: reach)
            let folded = fold(near)
            if rule.exclusions.occurs(in: folded) { return nil }
        }
        var confidence = rule.rule.confidence
        var notes: [String] = []
        for clue in rule.context {
            let window = wordWindow(around: range, words: clue.clue.within)
            let region = fold(window)
            let present = clue.words.occurs(in: region) || (clue.wantsPerson && person.present(in: field.text(window)))
            switch clue.clue.effect {
            case .raise where present: confidence += clue.clue.by
            case .lower where present: confidence -= clue.clue.by
            case .require where !present: return nil
            case .forbid where present: return nil
            default: continue
            }
            if let note = clue.clue.note, present { notes.append(note) }
        }
        return (min(1, max(0, confidence)), notes)
    }

    /// The match with up to `words` words on each side.
    private func wordWindow(around range: Range<Int>, words: Int) -> Range<Int> {
        var start = range.lowerBound
        var seen = 0
        while start > 0 && seen < words {
            start = field.position(before: start)
            if field.isWordCharacter(start) && (start == 0 || !field.isWordCharacter(field.position(before: start))) { seen += 1 }
        }
        var end = range.upperBound
        seen = 0
        while end < field.end && seen < words {
            let next = field.position(after: end)
            if field.isWordCharacter(end) && (next == field.end || !field.isWordCharacter(next)) { seen += 1 }
            end = next
        }
        return start..<end
    }

    private func fold(_ range: Range<Int>) -> [UInt8] {
        TextFolding.fold(field.text(range))
    }
}
