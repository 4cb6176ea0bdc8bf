/// An Aho-Corasick automaton over folded bytes, compiled to a dense transition table so that
/// scanning costs one table lookup per byte.
///
/// Bytes that occur in no pattern all behave alike, so the table has one column per byte class
/// (each byte of the patterns, plus "any other byte"): a few dozen columns instead of 256, which
/// keeps the table in cache.
struct LiteralAutomaton: Sendable {
    /// `next[state * classCount + byteClass[byte]]` is the next state shifted left by one, with
    /// the low bit set when that state ends at least one pattern: one load per byte tells both.
    let next: [Int32]
    /// The same table in 16-bit entries when there are fewer than 32,768 states (the usual
    /// case): half the memory, so more of it stays in cache. Empty otherwise.
    let compactNext: [UInt16]
    /// The column of each byte.
    let byteClass: [UInt8]
    let classCount: Int
    /// Pattern ids that end in each state (including those inherited through failure links),
    /// flattened: the ids of state `s` are `outputIDs[outputStart[s]..<outputStart[s + 1]]`.
    let outputStart: [Int32]
    let outputIDs: [Int32]
    /// Folded length of each pattern, in bytes.
    let lengths: [Int]

    init(patterns: [[UInt8]]) {
        var goto: [[Int32]] = [[Int32](repeating: -1, count: 256)]
        var outputs: [[Int32]] = [[]]
        for (id, pattern) in patterns.enumerated() where !pattern.isEmpty {
            var state = 0
            for byte in pattern {
                if goto[state][Int(byte)] < 0 {
                    goto[state][Int(byte)] = Int32(goto.count)
                    goto.append([Int32](repeating: -1, count: 256))
                    outputs.append([])
                }
                state = Int(goto[state][Int(byte)])
            }
            outputs[state].append(Int32(id))
        }
        var fail = [Int32](repeating: 0, count: goto.count)
        var queue: [Int] = []
        for byte in 0..<256 {
            if goto[0][byte] < 0 { goto[0][byte] = 0 } else {
                fail[Int(goto[0][byte])] = 0
                queue.append(Int(goto[0][byte]))
            }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            outputs[state] += outputs[Int(fail[state])]
            for byte in 0..<256 {
                let child = goto[state][byte]
                if child < 0 {
                    goto[state][byte] = goto[Int(fail[state])][byte]
                } else {
                    fail[Int(child)] = goto[Int(fail[state])][byte]
                    queue.append(Int(child))
                }
            }
        }
        // Class 0 is every byte no pattern uses (represented by one of them); each byte a pattern
        // uses has a class of its own (with all 256 used, there is no class for unused bytes).
        let used = Set(patterns.joined())
        var classes = [UInt8](repeating: 0, count: 256)
        var representatives: [Int] = used.count < 256 ? [(0..<256).first { !used.contains(UInt8($0)) } ?? 0] : []
        for byte in used.sorted() {
            classes[Int(byte)] = UInt8(representatives.count)
            representatives.append(Int(byte))
        }
        byteClass = classes
        classCount = representatives.count
        next = goto.flatMap { row in representatives.map { row[$0] << 1 | (outputs[Int(row[$0])].isEmpty ? 0 : 1) } }
        compactNext = goto.count < 32_768 ? next.map { UInt16(truncatingIfNeeded: $0) } : []
        var start: [Int32] = [0]
        for list in outputs { start.append((start.last ?? 0) + Int32(list.count)) }
        outputStart = start
        outputIDs = outputs.flatMap { $0 }
        lengths = patterns.map(\.count)
    }

}
