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

    /// Bytes of a field read for names: beyond this (256 MiB: no post is that long) the rest is
    /// not read, which keeps offsets within `Int32`.
    static let maximumBytes = 256 << 20

    /// The folded words of `text`, each as bytes (for roster names and word lists).
    static func words(_ text: String) -> [[UInt8]] {
        tokens(text).words
    }

    /// The tokens of `text`.
    static func tokens(_ text: String) -> NameTokens {
        withText(text) { utf8, tables in
            var tokens: [NameToken] = []
            let folded = [UInt8](unsafeUninitializedCapacity: foldedCapacity(utf8)) { buffer, count in
                guard let out = buffer.baseAddress else { return }
                var reader = Reader(utf8: utf8, tables: tables, out: out)
                reader.tokens.reserveCapacity(utf8.count / 5 + 1)
                reader.run()
                count = reader.outCount
                tokens = reader.tokens
            }
            return NameTokens(tokens: tokens, folded: folded)
        }
    }

    /// The lookup tables a `Reader` uses, as plain pointers.
    struct Tables {
        let kinds: UnsafeBufferPointer<Kind>
        let foldBytes: UnsafeBufferPointer<UInt8>
        let foldOffsets: UnsafeBufferPointer<Int32>
    }

    /// Calls `body` with the UTF-8 of `text` (its first `maximumBytes`) and the tables.
    static func withText<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>, Tables) -> Result) -> Result {
        var copy = text
        return copy.withUTF8 { whole in
            let utf8 = UnsafeBufferPointer(rebasing: whole.prefix(maximumBytes))
            return kinds.withUnsafeBufferPointer { kinds in
                TextFolding.table.bytes.withUnsafeBufferPointer { foldBytes in
                    TextFolding.table.offsets.withUnsafeBufferPointer { foldOffsets in
                        body(utf8, Tables(kinds: kinds, foldBytes: foldBytes, foldOffsets: foldOffsets))
                    }
                }
            }
        }
    }

    /// Room for the folded bytes of `utf8`: a letter folds to at most twice its UTF-8 length
    /// ("ß" is "ss"; `NameTokenizerTests` checks the bound).
    static func foldedCapacity(_ utf8: UnsafeBufferPointer<UInt8>) -> Int {
        utf8.count * 2 + 8
    }

    /// The scan's state: folded bytes go straight into `out`.
    struct Reader {
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

        init(utf8: UnsafeBufferPointer<UInt8>, tables: Tables, out: UnsafeMutablePointer<UInt8>) {
            self.utf8 = utf8
            kinds = tables.kinds
            foldBytes = tables.foldBytes
            foldOffsets = tables.foldOffsets
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
            // `at` is a byte of the buffer, so it has a base address.
            guard let base = utf8.baseAddress else { return (0xFFFD, .other, 1) }
            let (value, length) = UTF8Scalar.decode(base, utf8.count, at: at)
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
            let foldedStart = outCount
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
    struct Gap {
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
