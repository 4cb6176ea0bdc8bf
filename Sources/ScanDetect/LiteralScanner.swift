/// The scan loop of `MatchEngine`: moves through a text word by word, walks the trie from each
/// place a literal may start, and notes the built-in triggers on the way. A word of plain ASCII
/// letters is found and hashed eight bytes at a time and walked only when `FirstWordFilter`
/// lets it; other words are walked, then skipped a character at a time. The trie is also walked
/// from other characters some literal starts with.
struct LiteralScanner {
    typealias Kind = MatchTables.Kind

    let tables: MatchTables
    let base: UnsafePointer<UInt8>
    let count: Int

    func run(into hits: inout [MatchEngine.Hit]) {
        let kinds = tables.asciiKind
        var position = 0
        while position < count {
            let byte = base[position]
            if byte < 0x80 {
                let kind = kinds[Int(byte)]
                if kind == Kind.other {
                    position += 1
                    continue
                }
                if kind == Kind.word, let (end, hash) = FirstWordFilter.plainWord(base, count, at: position) {
                    if FirstWordFilter.contains(hash, in: tables.firstWords) && mayStartKeyword(hash, endingAt: end) {
                        walk(from: position, into: &hits)
                    }
                    position = end
                    continue
                }
                walk(from: position, into: &hits)
                if kind == Kind.digit {
                    position = digitRun(from: position, into: &hits)
                } else {
                    if kind == Kind.at { hits.append(.init(kind: .trigger(.at), range: position..<position + 1)) }
                    position += 1
                    if kind != Kind.word { continue }
                }
            } else {
                let (value, length) = UTF8Scalar.decode(base, count, at: position)
                if tables.mayStart(value) { walk(from: position, into: &hits) }
                if value == 0xA9 && tables.wantsSign { hits.append(.init(kind: .trigger(.copyrightSign), range: position..<position + length)) }
                position += length
                if !WordCharacter.contains(value, bits: tables.wordBits) { continue }
            }
            skipWord(&position, into: &hits)
        }
    }

    /// Whether a keyword may start with the plain word (`hash`) that ends at byte `end`, which
    /// passed the first-word set: always for a word that is a keyword or that one continues
    /// with punctuation; after one space and a plain word, when the two begin a keyword; after
    /// other white space (which folds to one space) or a word the filter cannot read, to be
    /// safe; after other punctuation, never (the `always` set holds those).
    @inline(__always)
    private func mayStartKeyword(_ hash: UInt64, endingAt end: Int) -> Bool {
        if FirstWordFilter.contains(hash, in: tables.alwaysWords) { return true }
        let stop = base[end]
        guard stop == 0x20 else { return stop == 0x09 || stop == 0x0A || stop == 0x0C || stop == 0x0D }
        let next = end + 1
        guard next < count, base[next] < 0x80, tables.asciiKind[Int(base[next])] == Kind.word,
            let second = FirstWordFilter.plainWord(base, count, at: next)
        else { return true }
        return FirstWordFilter.contains(FirstWordFilter.pairHash(hash, second.hash), in: tables.wordPairs)
    }

    /// Moves past the rest of a word, where no literal starts (digit runs inside it are noted).
    @inline(__always)
    private func skipWord(_ position: inout Int, into hits: inout [MatchEngine.Hit]) {
        let kinds = tables.asciiKind
        while position < count {
            let byte = base[position]
            if byte < 0x80 {
                let kind = kinds[Int(byte)]
                if kind == Kind.word {
                    position += 1
                } else if kind == Kind.digit {
                    position = digitRun(from: position, into: &hits)
                } else {
                    return
                }
            } else {
                let (value, length) = UTF8Scalar.decode(base, count, at: position)
                if !WordCharacter.contains(value, bits: tables.wordBits) { return }
                position += length
            }
        }
    }

    /// Notes the run of ASCII digits that starts at byte `start` (a digit run, and a year when it
    /// is four digits from 1900 to 2099); returns where it ends.
    private func digitRun(from start: Int, into hits: inout [MatchEngine.Hit]) -> Int {
        var end = start
        var value = 0
        while end < count, base[end] &- 0x30 < 10 {
            value = min(value &* 10 &+ Int(base[end] &- 0x30), 1_000_000)
            end += 1
        }
        let range = start..<end
        if tables.wantsDigits { hits.append(.init(kind: .trigger(.digits), range: range)) }
        if tables.wantsYear, range.count == 4, (1900...2099).contains(value) { hits.append(.init(kind: .trigger(.year), range: range)) }
        return end
    }

    /// Follows the trie from the character at byte `start` for as long as the
    /// folded text matches some literal, recording each literal that ends on the way. Runs of
    /// white space count as one space, as they do in folded literals.
    private func walk(from start: Int, into hits: inout [MatchEngine.Hit]) {
        let next = tables.next
        let classes = tables.byteClass
        let spaceClass = tables.spaceClass
        var row = 0
        var lastWasSpace = false
        var position = start
        // The end of the scalar being read: a literal that ends inside a scalar's folded bytes
        // (œ is "oe") ends with the scalar.
        var scalarEnd = start

        /// One folded byte, by its column; false when the trie has no transition for it.
        @inline(__always)
        func step(_ column: UInt8, hits: inout [MatchEngine.Hit]) -> Bool {
            if column == spaceClass {
                if lastWasSpace { return true }
                lastWasSpace = true
            } else {
                lastWasSpace = false
            }
            let entry = next[row &+ Int(column)]
            if entry == 0 { return false }
            row = Int(entry >> 1)
            if entry & 1 != 0 { record(row: row, range: start..<scalarEnd, into: &hits) }
            return true
        }

        while position < count {
            let byte = base[position]
            if byte < 0x80 {
                scalarEnd = position + 1
                guard step(tables.asciiClass[Int(byte)], hits: &hits) else { return }
                position += 1
            } else {
                let (value, length) = UTF8Scalar.decode(base, count, at: position)
                scalarEnd = position + length
                if value < UInt32(TextFolding.tableLimit) {
                    for slot in Int(tables.foldOffsets[Int(value)])..<Int(tables.foldOffsets[Int(value) + 1]) {
                        guard step(classes[Int(tables.foldBytes[slot])], hits: &hits) else { return }
                    }
                } else {
                    for offset in 0..<length {
                        guard step(classes[Int(base[position + offset])], hits: &hits) else { return }
                    }
                }
                position += length
            }
        }
    }

    /// Records every literal that ends in the state at `row` (rare).
    private func record(row: Int, range: Range<Int>, into hits: inout [MatchEngine.Hit]) {
        let state = row / tables.classCount
        for slot in Int(tables.outputStart[state])..<Int(tables.outputStart[state + 1]) {
            hits.append(MatchEngine.Hit(kind: .literal(Int(tables.outputIDs[slot])), range: range))
        }
    }
}
