@testable import ScanDetect
import ScanTestSupport
import Testing

/// The matcher against a plain reference: fold the text from every place a literal may start
/// (the text's start, a character that is not a word character, a word's first character) and
/// compare with every literal. Both sides keep the hits that also end on a word boundary, as the
/// detector does: the matcher may skip words that could only give hits ending inside a word. Random texts mix cases, accents, ligatures, typographic quotes,
/// white space runs, digits, `_`, `©`, emoji and CJK.
@Suite("Match engine")
struct MatchEngineTests {
    static let literals = [
        "école", "all rights reserved", "(c)", "©", "l’élève", "do not", "a", "ab", "123", "oe", "x-y", "学校",
        "getty images", "e", "cœur", "n°", "_id", "straße", "9to5", "@home", "it's", "-free", "abcdefgh", "abcdefghijklmnop",
        "the thief", "you are a", "la voleuse", "do 9", "all rights", "all_in one",
    ]
    static let pieces = [
        "a", "A", "ab", "Ab", "b", "École", "ECOLE", "ecole", "l'eleve", "L’ÉLÈVE", "do", "not", "DO  NOT", "do\nnot", "(c)", "(C)",
        "©", "x-y", "x–y", "123", "1234", "2024", "@", "œ", "cœur", "Œ", "e", "é", " ", "  ", "\t", "\u{A0}", "\n", "_", "_id",
        "n°", "学校", "学", "🏆", "getty", "Images", "straße", "STRASSE", ".", ",", "“", "”", "-", "x", "9to5", "@home", "it's",
        "-free", "abcdefgh", "ABCDEFGHIJKLMNOP", "abcdefghi", "@", "the", "THE", "thief", "thief's", "you", "are", "la", "voleuse",
        "all", "rights", "all_in", "one", " ", " ", "\r\n", "the thief", "The Thief", "the thiefs", "the\nthief", "the  thief",
        "the, thief", "you are a", "you are", "la voleuse", "all rights", "All Rights Reserved", "all_in one", "do 9",
    ]

    /// With and without the built-in triggers, which change how digits and `@` are read.
    @Test(arguments: [false, true])
    func literalHitsAreThoseOfThePlainReference(triggers: Bool) {
        let folded = Self.literals.map(TextFolding.fold)
        let engine = MatchEngine(literals: folded, triggers: triggers ? Set(BuiltInTrigger.allCases) : [])
        var random = SplitMix64(seed: 5)
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...30, using: &random)).map { _ in Self.pieces.randomElement(using: &random)! }.joined()
            let scalars = Array(text.unicodeScalars)
            // Scalar offset of each scalar's first byte, for reading the engine's UTF-8 offsets.
            var scalarAt: [Int: Int] = [:]
            var byte = 0
            for (index, scalar) in scalars.enumerated() {
                scalarAt[byte] = index
                byte += String(scalar).utf8.count
            }
            scalarAt[byte] = scalars.count
            var found: Set<[Int]> = []
            for hit in engine.scan(text) {
                // Every hit, trigger or literal, lies on scalar boundaries.
                guard let start = scalarAt[hit.range.lowerBound], let end = scalarAt[hit.range.upperBound] else {
                    Issue.record("hit \(hit.range) is not on scalar boundaries in \(text.debugDescription)")
                    continue
                }
                if case .literal(let id) = hit.kind, Self.endsOnBoundary(end, in: scalars) { found.insert([id, start, end]) }
            }
            #expect(found == Self.reference(folded, in: text), "\(text.debugDescription)")
        }
    }

    @Test func triggersAreDigitRunsYearsAtSignsAndCopyrightSigns() {
        let engine = MatchEngine(literals: [], triggers: Set(BuiltInTrigger.allCases))
        // Offsets are UTF-8: é, © and each Arabic-Indic digit take two bytes.
        let hits = engine.scan("é 2024, 12345@x © 1899 ١٢ 2099 ab12é")
        let described = hits.map { hit -> String in
            guard case .trigger(let trigger) = hit.kind else { return "literal" }
            return "\(trigger.rawValue) \(hit.range.lowerBound)..<\(hit.range.upperBound)"
        }
        #expect(Set(described) == [
            "digits 3..<7", "year 3..<7", "digits 9..<14", "at 14..<15", "copyright-sign 17..<19", "digits 20..<24",
            "digits 30..<34", "year 30..<34", "digits 37..<39",
        ])
    }

    static func endsOnBoundary(_ end: Int, in scalars: [Unicode.Scalar]) -> Bool {
        end >= scalars.count || !WordCharacter.contains(scalars[end - 1]) || !WordCharacter.contains(scalars[end])
    }

    /// Hits of every literal starting at every place a literal may start, as [id, start, end].
    static func reference(_ literals: [[UInt8]], in text: String) -> Set<[Int]> {
        let scalars = Array(text.unicodeScalars)
        var result: Set<[Int]> = []
        for start in scalars.indices
        where start == 0 || !WordCharacter.contains(scalars[start]) || !WordCharacter.contains(scalars[start - 1]) {
            var bytes: [UInt8] = []
            var owner: [Int] = []
            var lastWasSpace = false
            for index in start..<scalars.count {
                TextFolding.withFolded(scalars[index]) { folded in
                    for byte in folded {
                        if byte == 0x20 && lastWasSpace { continue }
                        lastWasSpace = byte == 0x20
                        bytes.append(byte)
                        owner.append(index)
                    }
                }
            }
            for (id, literal) in literals.enumerated() where bytes.starts(with: literal) {
                let end = owner[literal.count - 1] + 1
                if endsOnBoundary(end, in: scalars) { result.insert([id, start, end]) }
            }
        }
        return result
    }
}

@Suite("Field text positions")
struct FieldTextTests {
    /// Moving by scalars over UTF-8 (eight bytes at a time when far from the goal) lands where
    /// counting scalar by scalar does, both ways, from every position, clamped at the ends.
    @Test func movingByScalarsAgreesWithCountingThem() {
        var random = SplitMix64(seed: 11)
        let pieces = ["a", "é", "€", "🏆", " ", "ab", "学校"]
        for _ in 0..<200 {
            let text = (0..<Int.random(in: 0...60, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            var starts: [Int] = []
            var byte = 0
            for scalar in text.unicodeScalars {
                starts.append(byte)
                byte += String(scalar).utf8.count
            }
            starts.append(byte)
            let field = FieldText(text)
            for (index, position) in starts.enumerated() {
                #expect(field.scalarOffset(of: position) == index)
                for distance in [-40, -17, -9, -8, -1, 0, 1, 7, 8, 9, 16, 33] {
                    let expected = starts[max(0, min(starts.count - 1, index + distance))]
                    #expect(field.position(position, movedBy: distance) == expected, "\(text.debugDescription) \(index) \(distance)")
                }
            }
        }
    }
}
