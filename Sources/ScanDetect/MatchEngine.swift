/// One pass over a text for all rules: every literal of every rule (Aho-Corasick over folded
/// bytes) and the built-in triggers (digit runs, years, `@`, `©`). Reads the text's UTF-8
/// directly (ASCII bytes through a 128-entry table) and reports raw hits with Unicode scalar
/// offsets into the original text; regexes and word boundaries are checked afterwards, on the
/// rare hits only.
struct MatchEngine: Sendable {
    /// A literal (pattern index) or built-in trigger found at `range` (scalar offsets).
    struct Hit {
        enum Kind {
            case literal(Int)
            case trigger(BuiltInTrigger)
        }

        var kind: Kind
        var range: Range<Int>
    }

    let automaton: LiteralAutomaton
    let wantedTriggers: Set<BuiltInTrigger>
    private let ringSize: Int
    /// The fold table, held here so the scan loop reads it through plain pointers.
    private let foldBytes: [UInt8]
    private let foldOffsets: [Int32]

    init(literals: [[UInt8]], triggers: Set<BuiltInTrigger>) {
        (foldBytes, foldOffsets) = TextFolding.table
        automaton = LiteralAutomaton(patterns: literals)
        wantedTriggers = triggers
        var ring = 1
        while ring < (literals.map(\.count).max() ?? 1) + 1 { ring <<= 1 }
        ringSize = ring
    }

    /// Every hit in `text`, in order of where it ends.
    func scan(_ text: String) -> [Hit] {
        automaton.compactNext.isEmpty ? scan(text, table: automaton.next) : scan(text, table: automaton.compactNext)
    }

    /// The scan over a transition table of `Entry`s (16 or 32 bits).
    private func scan<Entry: FixedWidthInteger>(_ text: String, table entries: [Entry]) -> [Hit] {
        var copy = text
        return copy.withUTF8 { utf8 in
            entries.withUnsafeBufferPointer { table in
              automaton.byteClass.withUnsafeBufferPointer { classes in
                TextFolding.ascii.withUnsafeBufferPointer { ascii in
                    foldBytes.withUnsafeBufferPointer { foldBytes in
                        foldOffsets.withUnsafeBufferPointer { foldOffsets in
                            // Every table has at least one entry, so each base address exists.
                            guard let table = table.baseAddress, let classes = classes.baseAddress, let ascii = ascii.baseAddress,
                                let foldBytes = foldBytes.baseAddress, let foldOffsets = foldOffsets.baseAddress
                            else { return [] }
                            var scanner = Scanner<Entry>(
                                engine: self, table: table, classes: classes, ascii: ascii, foldBytes: foldBytes,
                                foldOffsets: foldOffsets)
                            defer { scanner.ring.deallocate() }
                            scanner.run(utf8)
                            return scanner.hits
                        }
                    }
                }
              }
            }
        }
    }

    /// The scan's state: automaton state, recent scalar offsets, the current digit run.
    private struct Scanner<Entry: FixedWidthInteger> {
        let engine: MatchEngine
        let table: UnsafePointer<Entry>
        let classes: UnsafePointer<UInt8>
        let classCount: Int
        let ascii: UnsafePointer<UInt8>
        let foldBytes: UnsafePointer<UInt8>
        let foldOffsets: UnsafePointer<Int32>
        let ring: UnsafeMutablePointer<Int>
        let mask: Int
        var hits: [Hit] = []
        var index = 0
        var digitStart = -1
        var digitValue = 0
        let wantsDigits: Bool
        let wantsAt: Bool
        let wantsSign: Bool

        init(
            engine: MatchEngine, table: UnsafePointer<Entry>, classes: UnsafePointer<UInt8>, ascii: UnsafePointer<UInt8>,
            foldBytes: UnsafePointer<UInt8>, foldOffsets: UnsafePointer<Int32>
        ) {
            self.engine = engine
            self.table = table
            self.classes = classes
            classCount = engine.automaton.classCount
            self.ascii = ascii
            self.foldBytes = foldBytes
            self.foldOffsets = foldOffsets
            ring = .allocate(capacity: engine.ringSize)
            ring.initialize(repeating: 0, count: engine.ringSize)
            mask = engine.ringSize - 1
            wantsDigits = engine.wantedTriggers.contains(.digits) || engine.wantedTriggers.contains(.year)
            wantsAt = engine.wantedTriggers.contains(.at)
            wantsSign = engine.wantedTriggers.contains(.copyrightSign)
        }

        mutating func run(_ utf8: UnsafeBufferPointer<UInt8>) {
            guard let base = utf8.baseAddress else { return }
            // The hot state lives in locals (registers); `record` is called only on a match.
            var position = 0
            var state = 0
            var emitted = 0
            var lastWasSpace = true
            var index = 0
            let count = utf8.count
            let table = self.table
            let classes = self.classes
            let classCount = self.classCount
            let ring = self.ring
            let mask = self.mask

            @inline(__always)
            func step(_ byte: UInt8, _ index: Int, _ scanner: inout Scanner) {
                if byte == 0x20 {
                    if lastWasSpace { return }
                    lastWasSpace = true
                } else {
                    lastWasSpace = false
                }
                ring[emitted & mask] = index
                emitted &+= 1
                let value = Int(truncatingIfNeeded: table[state &* classCount &+ Int(classes[Int(byte)])])
                state = Int(value >> 1)
                if value & 1 != 0 { scanner.record(state: state, emitted: emitted, index: index) }
            }

            // Digit runs are tracked only while in one or when a digit starts one.
            var inDigitRun = false
            let wantsDigits = self.wantsDigits
            while position < count {
                let byte = base[position]
                if byte < 0x80 {
                    if wantsDigits && (byte &- 0x30 < 10 || inDigitRun) {
                        self.index = index
                        trackDigits(UInt32(byte))
                        inDigitRun = digitStart >= 0
                    }
                    if wantsAt && byte == 0x40 { hits.append(Hit(kind: .trigger(.at), range: index..<index + 1)) }
                    step(ascii[Int(byte)], index, &self)
                    position += 1
                } else {
                    let (scalar, length) = Self.decode(base, count, at: position)
                    if wantsDigits && inDigitRun {
                        self.index = index
                        trackDigits(scalar.value)
                        inDigitRun = digitStart >= 0
                    }
                    if wantsSign && scalar.value == 0xA9 { hits.append(Hit(kind: .trigger(.copyrightSign), range: index..<index + 1)) }
                    let value = Int(scalar.value)
                    if value < TextFolding.tableLimit {
                        for slot in Int(foldOffsets[value])..<Int(foldOffsets[value + 1]) { step(foldBytes[slot], index, &self) }
                    } else {
                        for offset in 0..<length { step(base[position + offset], index, &self) }
                    }
                    position += length
                }
                index += 1
            }
            self.index = index
            endDigitRun()
        }

        /// The scalar whose UTF-8 starts at `position` (the text is valid UTF-8: it is a String).
        @inline(__always)
        static func decode(_ base: UnsafePointer<UInt8>, _ count: Int, at position: Int) -> (Unicode.Scalar, Int) {
            let lead = UInt32(base[position])
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            var value = lead & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for offset in 1..<length where position + offset < count {
                value = (value << 6) | (UInt32(base[position + offset]) & 0x3F)
            }
            return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
        }

        /// Records every pattern that ends at the current byte (rare).
        mutating func record(state: Int, emitted: Int, index: Int) {
            let automaton = engine.automaton
            for slot in Int(automaton.outputStart[state])..<Int(automaton.outputStart[state + 1]) {
                let pattern = Int(automaton.outputIDs[slot])
                let start = ring[(emitted - automaton.lengths[pattern]) & mask]
                hits.append(Hit(kind: .literal(pattern), range: start..<index + 1))
            }
        }

        @inline(__always)
        mutating func trackDigits(_ value: UInt32) {
            if value >= 0x30 && value <= 0x39 {
                if digitStart < 0 {
                    digitStart = index
                    digitValue = 0
                }
                digitValue = min(digitValue &* 10 &+ Int(value - 0x30), 1_000_000)
            } else if digitStart >= 0 {
                endDigitRun()
            }
        }

        mutating func endDigitRun() {
            guard digitStart >= 0 else { return }
            let range = digitStart..<index
            if engine.wantedTriggers.contains(.digits) { hits.append(Hit(kind: .trigger(.digits), range: range)) }
            if engine.wantedTriggers.contains(.year), range.count == 4, (1900...2099).contains(digitValue) {
                hits.append(Hit(kind: .trigger(.year), range: range))
            }
            digitStart = -1
        }
    }
}
