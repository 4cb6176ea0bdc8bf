/// One pass over a text for all rules: every literal of every rule (Aho-Corasick over folded
/// bytes) and the built-in triggers (digit runs, years, `@`, `©`). Reports raw hits with Unicode
/// scalar offsets into the original text; regexes and word boundaries are checked afterwards,
/// on the rare hits only.
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
    private let ringMask: Int

    init(literals: [[UInt8]], triggers: Set<BuiltInTrigger>) {
        automaton = LiteralAutomaton(patterns: literals)
        wantedTriggers = triggers
        var ring = 1
        while ring < (literals.map(\.count).max() ?? 1) + 1 { ring <<= 1 }
        ringMask = ring - 1
    }

    /// Every hit in `text`, in order of where it ends.
    func scan(_ text: String) -> [Hit] {
        var scanner = Scanner(engine: self)
        automaton.next.withUnsafeBufferPointer { table in
            for scalar in text.unicodeScalars {
                scanner.consume(scalar, table: table)
            }
        }
        scanner.endDigitRun()
        return scanner.hits
    }

    /// The scan's state: automaton state, recent scalar offsets, the current digit run.
    private struct Scanner {
        let engine: MatchEngine
        var hits: [Hit] = []
        var state: Int32 = 0
        var index = 0
        var emitted = 0
        var lastWasSpace = true
        var ring: [Int]
        var digitStart = -1
        var digitValue = 0
        let wantsDigits: Bool
        let wantsAt: Bool
        let wantsSign: Bool

        init(engine: MatchEngine) {
            self.engine = engine
            ring = [Int](repeating: 0, count: engine.ringMask + 1)
            wantsDigits = engine.wantedTriggers.contains(.digits) || engine.wantedTriggers.contains(.year)
            wantsAt = engine.wantedTriggers.contains(.at)
            wantsSign = engine.wantedTriggers.contains(.copyrightSign)
        }

        @inline(__always)
        mutating func consume(_ scalar: Unicode.Scalar, table: UnsafeBufferPointer<Int32>) {
            let value = scalar.value
            if wantsDigits { trackDigits(value) }
            if value < 128 {
                if wantsAt && value == 0x40 { hits.append(Hit(kind: .trigger(.at), range: index..<index + 1)) }
                step(TextFolding.ascii[Int(value)], table: table)
            } else {
                if wantsSign && value == 0xA9 { hits.append(Hit(kind: .trigger(.copyrightSign), range: index..<index + 1)) }
                TextFolding.withFolded(scalar) { bytes in
                    for byte in bytes { step(byte, table: table) }
                }
            }
            index += 1
        }

        @inline(__always)
        mutating func step(_ byte: UInt8, table: UnsafeBufferPointer<Int32>) {
            if byte == 0x20 {
                if lastWasSpace { return }
                lastWasSpace = true
            } else {
                lastWasSpace = false
            }
            ring[emitted & engine.ringMask] = index
            emitted += 1
            state = table[Int(state) &* 256 &+ Int(byte)]
            let outputs = engine.automaton.outputs[Int(state)]
            if outputs.isEmpty { return }
            for pattern in outputs {
                let length = engine.automaton.lengths[Int(pattern)]
                let start = ring[(emitted - length) & engine.ringMask]
                hits.append(Hit(kind: .literal(Int(pattern)), range: start..<index + 1))
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
