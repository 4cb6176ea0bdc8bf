/// The rule literals as a trie over folded bytes, compiled to a dense transition table.
///
/// Literals match on word boundaries, so the matcher never needs Aho-Corasick's failure links:
/// it walks the trie only from where a literal may start (a word's first character, or a
/// character that is not a word character) and stops at the first byte with no transition. Most
/// walks end within two or three bytes, in the rows near the root, which are numbered first
/// (breadth first) so that they sit together in cache.
///
/// Bytes that occur in no literal all behave alike, so the table has one column per byte class
/// (each byte the literals use, plus "any other byte").
struct LiteralTrie: Sendable {
    /// `next[row + byteClass[byte]]`, where a state's row is `state * classCount`, is the child's
    /// row shifted left by one, with the low bit set when the child ends at least one literal; 0
    /// is "no transition" (the root, row 0, is nobody's child).
    let next: [UInt32]
    /// The column of each byte.
    let byteClass: [UInt8]
    let classCount: Int
    /// Literal ids that end in each state, flattened: the ids of state `s` are
    /// `outputIDs[outputStart[s]..<outputStart[s + 1]]`.
    let outputStart: [Int32]
    let outputIDs: [Int32]

    init(literals: [[UInt8]]) {
        var children: [[UInt8: Int]] = [[:]]
        var ends: [[Int32]] = [[]]
        for (id, literal) in literals.enumerated() where !literal.isEmpty {
            var state = 0
            for byte in literal {
                if let child = children[state][byte] {
                    state = child
                } else {
                    children[state][byte] = children.count
                    state = children.count
                    children.append([:])
                    ends.append([])
                }
            }
            ends[state].append(Int32(id))
        }
        // Breadth-first numbering: the shallow states, where nearly every walk stays, come first.
        var order = [0]
        var head = 0
        while head < order.count {
            order += children[order[head]].sorted { $0.key < $1.key }.map(\.value)
            head += 1
        }
        var number = [Int](repeating: 0, count: children.count)
        for (new, old) in order.enumerated() { number[old] = new }
        // Class 0 is every byte no literal uses; each byte a literal uses has a class of its own
        // (with all 256 used, there is no class for unused bytes, and none is needed).
        let used = Set(literals.joined()).sorted()
        var classes = [UInt8](repeating: 0, count: 256)
        let offset = used.count < 256 ? 1 : 0
        for (index, byte) in used.enumerated() { classes[Int(byte)] = UInt8(index + offset) }
        byteClass = classes
        classCount = used.count + offset
        var table = [UInt32](repeating: 0, count: children.count * classCount)
        for (old, edges) in children.enumerated() {
            for (byte, child) in edges {
                table[number[old] * classCount + Int(classes[Int(byte)])] =
                    UInt32(number[child] * classCount) << 1 | (ends[child].isEmpty ? 0 : 1)
            }
        }
        next = table
        var start: [Int32] = [0]
        for old in order { start.append((start.last ?? 0) + Int32(ends[old].count)) }
        outputStart = start
        outputIDs = order.flatMap { ends[$0] }
    }
}
