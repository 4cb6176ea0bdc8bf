/// An Aho-Corasick automaton over folded bytes, compiled to a dense transition table so that
/// scanning costs one table lookup per byte.
struct LiteralAutomaton: Sendable {
    /// `next[state * 256 + byte]` is the next state shifted left by one, with the low bit set
    /// when that state ends at least one pattern: one load per byte tells both.
    let next: [Int32]
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
        next = goto.flatMap { row in row.map { $0 << 1 | (outputs[Int($0)].isEmpty ? 0 : 1) } }
        var start: [Int32] = [0]
        for list in outputs { start.append((start.last ?? 0) + Int32(list.count)) }
        outputStart = start
        outputIDs = outputs.flatMap { $0 }
        lengths = patterns.map(\.count)
    }

}
