/// The fast paths of the name tokenizer: reading only capitals, for roster matching. They fold
/// exactly as `NameTokenizer.tokens` does, so they never miss what the full path would find.
extension NameTokenizer {
    /// Whether `text` may name someone on a roster: some run of joined words (at most
    /// `maxTokens`) that holds a word passing `isWord` and whose key (folded words joined by
    /// spaces) passes `isForm`. Lower-case words are skipped unfolded unless they follow a capital
    /// closely enough to sit inside a name (particles such as "de la", "della").
    /// The fast path of roster matching: no token list, no per-word allocation.
    static func mayHoldForm(
        _ text: String, maxTokens: Int, isWord: (UnsafeBufferPointer<UInt8>) -> Bool, isForm: (UnsafeBufferPointer<UInt8>) -> Bool
    ) -> Bool {
        withText(text) { utf8, tables in
            // On the stack for the usual field sizes.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: foldedCapacity(utf8)) { buffer in
                guard let out = buffer.baseAddress else { return false }
                var reader = Reader(utf8: utf8, tables: tables, out: out)
                return reader.findForm(maxTokens: max(1, maxTokens), isWord: isWord, isForm: isForm)
            }
        }
    }
}

extension NameTokenizer.Reader {
    /// A word of the current run in `findForm`.
    private struct RunWord {
        var folded: Range<Int>
        var edge: Bool
        var rosterWord: Bool
        var initial: Bool
    }

    /// The fast path of `mayHoldForm`. Windows of two words or more are checked as their last
    /// word arrives; a roster word alone (a given name without a capitalised neighbour) once
    /// its next word is known.
    mutating func findForm(
        maxTokens: Int, isWord: (UnsafeBufferPointer<UInt8>) -> Bool, isForm: (UnsafeBufferPointer<UInt8>) -> Bool
    ) -> Bool {
        var run: [RunWord] = []
        run.reserveCapacity(maxTokens + 1)
        var gap = NameTokenizer.Gap()
        var key: [UInt8] = []
        var previousJoins = true
        var wordsSinceCapital = 0
        /// The last word, when it is a roster word with no capitalised word joined before it.
        var lone: RunWord?
        func bytes(_ word: RunWord) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(start: out + word.folded.lowerBound, count: word.folded.count)
        }
        while position < utf8.count {
            if run.isEmpty && lone == nil {
                // Outside a run only a capital (or a non-ASCII letter, maybe one) can start one.
                position = nextCapitalCandidate(from: position)
                guard position < utf8.count else { break }
                gap = NameTokenizer.Gap()
            }
            let byte = utf8[position]
            let (kind, length) = byte < 0x80 ? (kinds[Int(byte)], 1) : { let peeked = peek(position); return (peeked.kind, peeked.length) }()
            guard isLetter(kind) else {
                gap.add(kind)
                position += length
                continue
            }
            // A lower-case word matters only where a name form could still hold it: a particle
            // ("de la", "della": five letters at most) after a roster word or an initial (a form
            // starts with one), within the longest form's length.
            if kind == .lower && !startsElision(at: position) {
                let start = position
                skipWord()
                let mayBeParticle = position - start <= Self.particleBytes && wordsSinceCapital < maxTokens - 1
                    && run.contains { $0.rosterWord || $0.initial }
                if mayBeParticle {
                    position = start
                } else {
                    if let word = lone, isForm(bytes(word)) { return true }
                    lone = nil
                    run.removeAll(keepingCapacity: true)
                    gap = NameTokenizer.Gap()
                    gap.other = true
                    continue
                }
            }
            let last = run.last
            let token = word()
            let joins = last != nil && previousJoins && gap.joins(afterInitial: last?.initial ?? false)
            let folded = Int(token.foldedStart)..<Int(token.foldedEnd)
            let edge = token.capitalised
            let rosterWord = edge && !token.isInitial && isWord(UnsafeBufferPointer(start: out + folded.lowerBound, count: folded.count))
            let current = RunWord(folded: folded, edge: edge, rosterWord: rosterWord, initial: token.isInitial)
            if let word = lone, !(joins && edge && !token.isInitial), isForm(bytes(word)) { return true }
            lone = rosterWord && !(joins && (last?.edge ?? false) && !(last?.initial ?? true)) ? current : nil
            if !joins { run.removeAll(keepingCapacity: true) }
            if run.count == maxTokens { run.removeFirst() }
            run.append(current)
            wordsSinceCapital = edge ? 0 : wordsSinceCapital + 1
            previousJoins = !token.possessive
            gap = NameTokenizer.Gap()
            guard edge, run.count > 1, run.contains(where: \.rosterWord) else { continue }
            for first in run.indices.dropLast() where run[first].edge && run[first...].contains(where: \.rosterWord) {
                key.removeAll(keepingCapacity: true)
                for word in run[first...] {
                    if !key.isEmpty { key.append(0x20) }
                    key.append(contentsOf: bytes(word))
                }
                if key.withUnsafeBufferPointer(isForm) { return true }
            }
        }
        if let word = lone, isForm(bytes(word)) { return true }
        return false
    }

    /// The longest lower-case word the fast path reads inside a run of name words, in bytes.
    static let particleBytes = 5

    /// The first byte at or after `start` that is an ASCII capital or not ASCII (and not a
    /// lower-case accented letter or punctuation), eight bytes at a time (SWAR). A capital
    /// inside a word (iPhone) is a candidate too: the fast path may look at more than the
    /// tokenizer would, never at less.
    private func nextCapitalCandidate(from start: Int) -> Int {
        guard let base = utf8.baseAddress else { return utf8.count }
        let highBits: UInt64 = 0x8080_8080_8080_8080
        var index = start
        let lowBits: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let ones: UInt64 = 0x0101_0101_0101_0101
        /// The lanes of `word` equal to `byte` (exact: no carry crosses a lane).
        @inline(__always)
        func lanes(_ word: UInt64, equalTo byte: UInt8) -> UInt64 {
            let difference = word ^ (ones &* UInt64(byte))
            return ~(((difference & lowBits) &+ lowBits) | difference) & highBits
        }
        /// The bytes at `offset..<offset + 8` (it reads one more) that may start a capitalised
        /// word: ASCII capitals, and lead bytes other than those `skippable` passes over.
        @inline(__always)
        func candidates(at offset: Int) -> UInt64 {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
            let next = UInt64(littleEndian: UnsafeRawPointer(base + offset + 1).loadUnaligned(as: UInt64.self))
            let high = word & highBits
            let low = word & ~highBits
            let atLeastA = (low &+ 0x3F3F_3F3F_3F3F_3F3F) & highBits
            let pastZ = (low &+ 0x2525_2525_2525_2525) & highBits
            // Non-ASCII: only lead bytes (11xxxxxx), never continuation bytes (10xxxxxx); not
            // Latin-1 punctuation (C2), lower-case Latin-1 letters (C3 A0-BF) or general
            // punctuation (E2 80), as `skippable` says.
            let leads = high & (word << 1)
            let skipped = lanes(word, equalTo: 0xC2) | (lanes(word, equalTo: 0xC3) & (next << 2) & highBits)
                | (lanes(word, equalTo: 0xE2) & lanes(next, equalTo: 0x80))
            return (atLeastA & ~pastZ & ~high) | (leads & ~skipped)
        }
        /// The bytes at `offset..<offset + 8` that are ASCII capitals or not ASCII at all: a
        /// cheaper superset of `candidates`, enough to pass over plain lower-case text.
        @inline(__always)
        func capitalsOrHigh(at offset: Int) -> UInt64 {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
            let low = word & ~highBits
            return (((low &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(low &+ 0x2525_2525_2525_2525)) | word) & highBits
        }
        while index + 9 <= utf8.count {
            // Two words at a time while nothing is found (the common case): plain ASCII text
            // first, with the cheaper test.
            if index + 17 <= utf8.count && capitalsOrHigh(at: index) | capitalsOrHigh(at: index + 8) == 0 {
                index += 16
                continue
            }
            if index + 17 <= utf8.count && candidates(at: index) | candidates(at: index + 8) == 0 {
                index += 16
                continue
            }
            let candidates = candidates(at: index)
            guard candidates != 0 else {
                index += 8
                continue
            }
            let at = index + candidates.trailingZeroBitCount / 8
            let skip = skippable(at: at)
            guard skip > 0 else { return at }
            index = at + skip
        }
        while index < utf8.count {
            let byte = utf8[index]
            if (byte >= 0x41 && byte <= 0x5A) || byte >= 0x80 {
                let skip = skippable(at: index)
                guard skip > 0 else { return index }
                index += skip
            } else {
                index += 1
            }
        }
        return utf8.count
    }

    /// The length of the non-ASCII scalar at `index` when it cannot start a capitalised word
    /// (a lower-case Latin-1 letter, Latin-1 punctuation, general punctuation), else 0.
    @inline(__always)
    private func skippable(at index: Int) -> Int {
        let lead = utf8[index]
        guard lead >= 0x80, index + 1 < utf8.count else { return 0 }
        let second = utf8[index + 1]
        if lead == 0xC3 && second >= 0xA0 { return 2 }  // à to ÿ
        if lead == 0xC2 { return 2 }  // no-break space, « », ©, °: no capital letters
        if lead == 0xE2 && second == 0x80 && index + 2 < utf8.count { return 3 }  // ’ “ ” – — …
        return 0
    }

    /// Whether a one-letter word and an apostrophe start here before a capital (d'Émile).
    private func startsElision(at start: Int) -> Bool {
        let first = peek(start)
        let apostrophe = start + first.length
        guard apostrophe < utf8.count, peek(apostrophe).kind == .apostrophe else { return false }
        let next = apostrophe + peek(apostrophe).length
        return next < utf8.count && peek(next).kind == .upper
    }

    /// Moves past a lower-case word (letters and inner apostrophes), folding nothing.
    private mutating func skipWord() {
        while position < utf8.count {
            let byte = utf8[position]
            if byte < 0x80 {
                let kind = kinds[Int(byte)]
                if kind == .lower || kind == .upper {
                    position += 1
                    continue
                }
                if kind != .apostrophe { return }
            }
            let (_, kind, length) = peek(position)
            if isLetter(kind) {
                position += length
            } else if kind == .apostrophe, position + length < utf8.count, isLetter(peek(position + length).kind) {
                position += length
            } else {
                return
            }
        }
    }
}
