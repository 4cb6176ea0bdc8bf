import ScanCore

/// Finds the student number of a roster student in a post (`318-402-751`, `318 402 751`,
/// `318402751`): the number is hashed with the roster key and looked up, so the roster's
/// numbers are never held in plain text. A confidential finding (AP 2-27 2.1, 2.7).
public struct RosterNumberDetector: Detector {
    static let rule = "confidential.roster-student-number"
    /// Digit counts worth hashing: student numbers are 6 to 12 digits.
    static let digits = 6...12

    private let roster: HashedRoster

    /// Nil when the roster has no student numbers.
    public init?(roster: HashedRoster) {
        guard !roster.identifiers.isEmpty else { return nil }
        self.roster = roster
    }

    public func findings(in item: Item, source: String) -> [Finding] {
        var result: [Finding] = []
        var seen: Set<String> = []
        let reference = ItemReference(item)
        for field in item.fields {
            let utf8 = Array(field.text.utf8)
            for run in Self.numberRuns(utf8) where !roster.people(withIdentifier: run.digits).isEmpty {
                let finding: Finding = utf8.withUnsafeBufferPointer {
                    self.finding(run, utf8: $0, field: field.origin, item: reference, source: source)
                }
                if seen.insert(finding.fingerprint).inserted { result.append(finding) }
            }
        }
        return result
    }

    /// A number in the text: its digits alone, and where it is (scalars and bytes).
    struct NumberRun {
        var digits: String
        var scalars: Range<Int>
        var bytes: Range<Int>
    }

    /// Runs of digits, with single spaces or hyphens between groups, not touching letters or
    /// other digits.
    static func numberRuns(_ utf8: [UInt8]) -> [NumberRun] {
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        var runs: [NumberRun] = []
        var position = 0
        var scalar = 0
        while position < utf8.count {
            let byte = utf8[position]
            guard isDigit(byte), position == 0 || !isAlphanumeric(utf8[position - 1]) else {
                if byte & 0xC0 != 0x80 { scalar += 1 }
                position += 1
                continue
            }
            let start = (byte: position, scalar: scalar)
            var digits: [UInt8] = []
            var end = position
            while end < utf8.count {
                if isDigit(utf8[end]) {
                    digits.append(utf8[end])
                    end += 1
                } else if (utf8[end] == 0x2D || utf8[end] == 0x20), end + 1 < utf8.count, isDigit(utf8[end + 1]) {
                    end += 1
                } else {
                    break
                }
            }
            let touchesLetter = end < utf8.count && isAlphanumeric(utf8[end])
            if !touchesLetter, Self.digits.contains(digits.count) {
                runs.append(NumberRun(
                    digits: String(decoding: digits, as: UTF8.self), scalars: start.scalar..<(start.scalar + end - start.byte),
                    bytes: start.byte..<end))
            }
            scalar += end - position
            position = end
        }
        return runs
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }

    private func finding(_ run: NumberRun, utf8: UnsafeBufferPointer<UInt8>, field: FieldOrigin, item: ItemReference, source: String) -> Finding {
        let text = String(decoding: UnsafeBufferPointer(rebasing: utf8[run.bytes]), as: UTF8.self)
        let snippet = Snippet(utf8: utf8, match: run.scalars, bytes: run.bytes)
        let material = [Self.rule, item.id, run.digits].joined(separator: "\u{1F}")
        return Finding(
            rule: Self.rule, category: .confidential, policy: "2.1", severity: .high, confidence: 0.95,
            message: "The student number of a student on the roster is in the post (AP 2-27 2.1, 2.7).", source: source,
            item: item, field: field, match: MatchSpan(text: text, start: run.scalars.lowerBound, end: run.scalars.upperBound),
            snippet: snippet.text, snippetMatch: snippet.match,
            fingerprint: Hex.encode(roster.key.mac(.fingerprint, Array(material.utf8)).prefix(16)))
    }
}
