/// Splits a text into `NameTokens`, the same way for roster names (at import) and for posts (at
/// scan), so that both fold to identical bytes. One pass over the UTF-8, ASCII through tables,
/// nothing allocated per word: this runs on every field of every post.
///
/// A word is a run of letters; an apostrophe between letters stays inside it (O'Brien), except
/// a possessive `'s` and a French elision (d'Émile is Émile, l'élève is élève). Hyphens split
/// words (Kaur-Singh is two words that join).
enum NameTokenizer {
    enum Kind: UInt8 {
        case other, lower, upper, apostrophe, hyphen, space, lineBreak, period, stop
    }

    /// Kinds of scalars below `TextFolding.tableLimit`.
    static let kinds: [Kind] = (0..<TextFolding.tableLimit).map { value in
        Unicode.Scalar(value).map(kind(of:)) ?? .other
    }

    static func kind(of scalar: Unicode.Scalar) -> Kind {
        switch scalar {
        case "'", "’", "ʼ": return .apostrophe
        case "-", "‐", "‑": return .hyphen
        case ".": return .period
        case "!", "?", "…": return .stop
        case "\n", "\r": return .lineBreak
        default: break
        }
        let properties = scalar.properties
        if properties.isWhitespace { return .space }
        guard properties.isAlphabetic else { return .other }
        return properties.isUppercase || properties.generalCategory == .titlecaseLetter ? .upper : .lower
    }

    /// The folded words of `text`, each as bytes (for roster names and word lists).
    static func words(_ text: String) -> [[UInt8]] {
        tokens(text).words
    }

    /// The tokens of `text`.
    static func tokens(_ text: String) -> NameTokens {
        var copy = text
        return copy.withUTF8 { utf8 in
            kinds.withUnsafeBufferPointer { kinds in
                TextFolding.table.bytes.withUnsafeBufferPointer { foldBytes in
                    TextFolding.table.offsets.withUnsafeBufferPointer { foldOffsets in
                        var tokens: [NameToken] = []
                        // A letter folds to at most twice its UTF-8 length ("ß" is "ss").
                        let folded = [UInt8](unsafeUninitializedCapacity: utf8.count * 2 + 8) { buffer, count in
                            guard let out = buffer.baseAddress else { return }
                            var reader = Reader(utf8: utf8, kinds: kinds, foldBytes: foldBytes, foldOffsets: foldOffsets, out: out)
                            reader.tokens.reserveCapacity(utf8.count / 5 + 1)
                            reader.run()
                            count = reader.outCount
                            tokens = reader.tokens
                        }
                        return NameTokens(tokens: tokens, folded: folded)
                    }
                }
            }
        }
    }

    /// Whether `test` holds for some capitalised word of `text` (not an initial), given its
    /// folded bytes and its UTF-8 byte range. Lower-case words are skipped without being folded:
    /// the fast path that decides whether a field can name a roster student at all. Folds
    /// exactly as `tokens` does.
    static func anyCapitalisedWord(_ text: String, where test: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Bool) -> Bool {
        var copy = text
        return copy.withUTF8 { utf8 in
            kinds.withUnsafeBufferPointer { kinds in
                TextFolding.table.bytes.withUnsafeBufferPointer { foldBytes in
                    TextFolding.table.offsets.withUnsafeBufferPointer { foldOffsets in
                        var found = false
                        _ = [UInt8](unsafeUninitializedCapacity: utf8.count * 2 + 8) { buffer, count in
                            count = 0
                            guard let out = buffer.baseAddress else { return }
                            var reader = Reader(utf8: utf8, kinds: kinds, foldBytes: foldBytes, foldOffsets: foldOffsets, out: out)
                            found = reader.findCapitalised(test)
                        }
                        return found
                    }
                }
            }
        }
    }

    /// Whether `text` may name someone on a roster: some run of joined words (at most
    /// `maxTokens`) that holds a word passing `isWord` and whose key (folded words joined by
    /// spaces) passes `isForm`. Lower-case words longer than three letters are skipped unfolded
    /// (they end a run); shorter ones are read, since particles such as "de la" sit inside names.
    /// The fast path of roster matching: no token list, no per-word allocation.
    static func mayHoldForm(
        _ text: String, maxTokens: Int, isWord: (UnsafeBufferPointer<UInt8>) -> Bool, isForm: (UnsafeBufferPointer<UInt8>) -> Bool
    ) -> Bool {
        var copy = text
        return copy.withUTF8 { utf8 in
            kinds.withUnsafeBufferPointer { kinds in
                TextFolding.table.bytes.withUnsafeBufferPointer { foldBytes in
                    TextFolding.table.offsets.withUnsafeBufferPointer { foldOffsets in
                        // On the stack for the usual field sizes.
                        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: utf8.count * 2 + 8) { buffer in
                            guard let out = buffer.baseAddress else { return false }
                            var reader = Reader(utf8: utf8, kinds: kinds, foldBytes: foldBytes, foldOffsets: foldOffsets, out: out)
                            return reader.findForm(maxTokens: max(1, maxTokens), isWord: isWord, isForm: isForm)
                        }
                    }
                }
            }
        }
    }

    /// The scan's state: folded bytes go straight into `out`.
    private struct Reader {
        let utf8: UnsafeBufferPointer<UInt8>
        let kinds: UnsafeBufferPointer<Kind>
        let foldBytes: UnsafeBufferPointer<UInt8>
        let foldOffsets: UnsafeBufferPointer<Int32>
        let out: UnsafeMutablePointer<UInt8>
        var outCount = 0
        var tokens: [NameToken] = []
        /// Byte position and scalar index of the next scalar.
        var position = 0
        var scalar = 0

        init(
            utf8: UnsafeBufferPointer<UInt8>, kinds: UnsafeBufferPointer<Kind>, foldBytes: UnsafeBufferPointer<UInt8>,
            foldOffsets: UnsafeBufferPointer<Int32>, out: UnsafeMutablePointer<UInt8>
        ) {
            self.utf8 = utf8
            self.kinds = kinds
            self.foldBytes = foldBytes
            self.foldOffsets = foldOffsets
            self.out = out
        }

        @inline(__always)
        mutating func emit(_ byte: UInt8, _ hash: inout UInt64) {
            out[outCount] = byte
            outCount += 1
            hash = WordHash.add(hash, byte)
        }

        /// The scalar value, kind and UTF-8 length at byte `at`.
        @inline(__always)
        func peek(_ at: Int) -> (value: UInt32, kind: Kind, length: Int) {
            let lead = utf8[at]
            if lead < 0x80 { return (UInt32(lead), kinds[Int(lead)], 1) }
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for offset in 1..<length where at + offset < utf8.count { value = value << 6 | UInt32(utf8[at + offset] & 0x3F) }
            if value < UInt32(TextFolding.tableLimit) { return (value, kinds[Int(value)], length) }
            return (value, Unicode.Scalar(value).map(NameTokenizer.kind(of:)) ?? .other, length)
        }

        @inline(__always)
        func isLetter(_ kind: Kind) -> Bool { kind == .lower || kind == .upper }

        mutating func run() {
            var gap = Gap()
            var hasPrevious = false
            while position < utf8.count {
                let byte = utf8[position]
                if byte < 0x80 {
                    let kind = kinds[Int(byte)]
                    if kind != .lower && kind != .upper {
                        gap.add(kind)
                        position += 1
                        scalar += 1
                        continue
                    }
                }
                let (_, kind, length) = peek(position)
                guard isLetter(kind) else {
                    gap.add(kind)
                    position += length
                    scalar += 1
                    continue
                }
                var token = word()
                if hasPrevious {
                    let last = tokens.count - 1
                    let previous = tokens[last]
                    tokens[last].joinsNext = !previous.possessive && gap.joins(afterInitial: previous.isInitial)
                    token.startsSentence = gap.sentenceEnd && !(previous.isInitial && gap.periods == 1 && !gap.stop)
                } else {
                    token.startsSentence = true
                }
                tokens.append(token)
                hasPrevious = true
                gap = Gap()
            }
        }

        /// The fast path of `anyCapitalisedWord`.
        mutating func findCapitalised(_ test: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Bool) -> Bool {
            while position < utf8.count {
                let byte = utf8[position]
                if byte < 0x80 && kinds[Int(byte)] == .lower && !startsElision(at: position) {
                    skipWord()
                    continue
                }
                let (_, kind, length) = peek(position)
                if kind == .lower && !startsElision(at: position) {
                    skipWord()
                    continue
                }
                guard isLetter(kind) else {
                    position += length
                    continue
                }
                let token = word()
                if token.capitalised && !token.isInitial
                    && test(UnsafeBufferPointer(start: out + Int(token.foldedStart), count: Int(token.foldedEnd - token.foldedStart)), token.bytes) {
                    return true
                }
                outCount = 0
            }
            return false
        }

        /// A word of the current run in `findForm`.
        private struct RunWord {
            var folded: Range<Int>
            var edge: Bool
            var rosterWord: Bool
        }

        /// The fast path of `mayHoldForm`. Windows of two words or more are checked as their last
        /// word arrives; a roster word alone (a given name without a capitalised neighbour) once
        /// its next word is known.
        mutating func findForm(
            maxTokens: Int, isWord: (UnsafeBufferPointer<UInt8>) -> Bool, isForm: (UnsafeBufferPointer<UInt8>) -> Bool
        ) -> Bool {
            var run: [RunWord] = []
            run.reserveCapacity(maxTokens + 1)
            var gap = Gap()
            var key: [UInt8] = []
            var previousJoins = true
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
                    gap = Gap()
                }
                let byte = utf8[position]
                let (kind, length) = byte < 0x80 ? (kinds[Int(byte)], 1) : { let peeked = peek(position); return (peeked.kind, peeked.length) }()
                guard isLetter(kind) else {
                    gap.add(kind)
                    position += length
                    continue
                }
                if kind == .lower && !startsElision(at: position) {
                    let start = position
                    skipWord()
                    // A lower-case word matters only inside a run (a particle of a surname).
                    if position - start > 3 || run.isEmpty {
                        if let word = lone, isForm(bytes(word)) { return true }
                        lone = nil
                        run.removeAll(keepingCapacity: true)
                        gap = Gap()
                        gap.other = true
                        continue
                    }
                    position = start
                }
                let last = run.last
                let token = word()
                let joins = last != nil && previousJoins && gap.joins(afterInitial: last.map { $0.folded.count == 1 } ?? false)
                let folded = Int(token.foldedStart)..<Int(token.foldedEnd)
                let edge = token.capitalised
                let rosterWord = edge && !token.isInitial && isWord(UnsafeBufferPointer(start: out + folded.lowerBound, count: folded.count))
                let current = RunWord(folded: folded, edge: edge, rosterWord: rosterWord)
                if let word = lone, !(joins && edge && !token.isInitial), isForm(bytes(word)) { return true }
                lone = rosterWord && !(joins && (last?.edge ?? false) && (last?.folded.count ?? 0) > 1) ? current : nil
                if !joins { run.removeAll(keepingCapacity: true) }
                if run.count == maxTokens { run.removeFirst() }
                run.append(current)
                previousJoins = !token.possessive
                gap = Gap()
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

        /// The first byte at or after `start` that is an ASCII capital or not ASCII (and not a
        /// lower-case accented letter or punctuation), eight bytes at a time (SWAR). A capital
        /// inside a word (iPhone) is a candidate too: the fast path may look at more than the
        /// tokenizer would, never at less.
        private func nextCapitalCandidate(from start: Int) -> Int {
            guard let base = utf8.baseAddress else { return utf8.count }
            let highBits: UInt64 = 0x8080_8080_8080_8080
            var index = start
            while index + 8 <= utf8.count {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                let high = word & highBits
                let low = word & ~highBits
                let atLeastA = (low &+ 0x3F3F_3F3F_3F3F_3F3F) & highBits
                let pastZ = (low &+ 0x2525_2525_2525_2525) & highBits
                let candidates = (atLeastA & ~pastZ & ~high) | high
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

        /// Appends the folded bytes of the letter `value` (its UTF-8 at `position`) and updates `hash`.
        @inline(__always)
        mutating func appendFolded(_ value: UInt32, length: Int, hash: inout UInt64) {
            if value < 0x80 {
                emit(UInt8(value) | (value >= 0x41 && value <= 0x5A ? 0x20 : 0), &hash)
            } else if value < UInt32(TextFolding.tableLimit) {
                for slot in Int(foldOffsets[Int(value)])..<Int(foldOffsets[Int(value) + 1]) { emit(foldBytes[slot], &hash) }
            } else {
                for offset in 0..<length { emit(utf8[position + offset], &hash) }
            }
        }

        /// Reads the word at `position` (a letter), past a possessive ending.
        mutating func word() -> NameToken {
            var foldedStart = outCount
            var start = scalar
            var startByte = position
            var hash = WordHash.basis
            var capitalised = peek(position).kind == .upper
            var letters = 0
            var possessive = false
            while position < utf8.count {
                // ASCII letters, the common case, without decoding.
                let byte = utf8[position]
                if byte < 0x80 {
                    let kind = kinds[Int(byte)]
                    if kind == .lower || kind == .upper {
                        emit(byte | (kind == .upper ? 0x20 : 0), &hash)
                        position += 1
                        scalar += 1
                        letters += 1
                        continue
                    }
                }
                let (value, kind, length) = peek(position)
                if isLetter(kind) {
                    appendFolded(value, length: length, hash: &hash)
                    position += length
                    scalar += 1
                    letters += 1
                    continue
                }
                guard kind == .apostrophe, position + length < utf8.count else { break }
                let next = peek(position + length)
                guard isLetter(next.kind) else { break }
                let afterNext = position + length + next.length < utf8.count ? peek(position + length + next.length).kind : .space
                if (next.value == 0x73 || next.value == 0x53) && !isLetter(afterNext) {
                    possessive = true
                    let end = scalar
                    let endByte = position
                    position += length + next.length
                    scalar += 2
                    return token(foldedStart, start..<end, startByte..<endByte, hash, capitalised, possessive)
                }
                if letters == 1 && (!capitalised || next.kind == .lower) {
                    // French elision: d'Émile is Émile, l'élève is élève, L'entraîneur is
                    // entraîneur; O'Brien and D'Amours stay whole.
                    outCount = foldedStart
                    hash = WordHash.basis
                    capitalised = next.kind == .upper
                    letters = 0
                    position += length
                    scalar += 1
                    start = scalar
                    startByte = position
                    continue
                }
                emit(0x27, &hash)
                position += length
                scalar += 1
            }
            let end = scalar
            let endByte = position
            if position < utf8.count, peek(position).kind == .apostrophe, outCount > foldedStart, out[outCount - 1] == 0x73 {
                possessive = true  // James' (the plural possessive): the apostrophe ends the name.
                position += peek(position).length
                scalar += 1
            }
            return token(foldedStart, start..<end, startByte..<endByte, hash, capitalised, possessive)
        }

        func token(
            _ foldedStart: Int, _ range: Range<Int>, _ bytes: Range<Int>, _ hash: UInt64, _ capitalised: Bool, _ possessive: Bool
        ) -> NameToken {
            NameToken(
                foldedStart: Int32(foldedStart), foldedEnd: Int32(outCount), hash: WordHash.finish(hash), range: range,
                bytes: bytes, capitalised: capitalised, possessive: possessive)
        }
    }

    /// What lies between two words.
    private struct Gap {
        var space = false
        var hyphens = 0
        var periods = 0
        var other = false
        /// A line break or "!", "?", "…": a period after an initial is not one.
        var stop = false
        var sentenceEnd = false

        mutating func add(_ kind: Kind) {
            switch kind {
            case .space: space = true
            case .lineBreak: space = true; stop = true; sentenceEnd = true
            case .hyphen: hyphens += 1
            case .period: periods += 1; sentenceEnd = true
            case .stop: other = true; stop = true; sentenceEnd = true
            default: other = true
            }
        }

        /// A line break joins (a name split across lines); "!" and "?" do not.
        func joins(afterInitial: Bool) -> Bool {
            guard !other, hyphens <= 1, periods <= (afterInitial ? 1 : 0) else { return false }
            return space || hyphens == 1 || periods == 1
        }
    }
}
