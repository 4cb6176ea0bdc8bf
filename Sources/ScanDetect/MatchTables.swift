/// The matcher's lookup tables in memory of their own, read by the scan loops through plain
/// pointers (no array is borrowed per field). Immutable after `init`; freed with the engine.
final class MatchTables: @unchecked Sendable {
    /// What the literal scanner does at an ASCII byte (`asciiKind`).
    enum Kind {
        /// Nothing: not a word character, and no literal starts with it.
        static let other: UInt8 = 0
        /// Not a word character, but some literal starts with it: walk the trie.
        static let start: UInt8 = 1
        /// A word character: walk the trie at a word's first one, skip the others.
        static let word: UInt8 = 2
        /// A digit, when digit runs are wanted: a word character that also starts or continues
        /// a run.
        static let digit: UInt8 = 3
        /// `@`, when wanted as a trigger (some literal may also start with it).
        static let at: UInt8 = 4
    }

    let next: UnsafeMutablePointer<UInt32>
    let byteClass: UnsafeMutablePointer<UInt8>
    let classCount: Int
    let outputStart: UnsafeMutablePointer<Int32>
    let outputIDs: UnsafeMutablePointer<Int32>
    /// The trie column of each ASCII byte, folded: one load where folding and classing took two.
    let asciiClass: UnsafeMutablePointer<UInt8>
    /// The column of a space (runs of white space count as one).
    let spaceClass: UInt8
    let asciiKind: UnsafeMutablePointer<UInt8>
    let foldBytes: UnsafeMutablePointer<UInt8>
    let foldOffsets: UnsafeMutablePointer<Int32>
    let wordBits: UnsafeMutablePointer<UInt64>
    /// One bit per scalar below `TextFolding.tableLimit`: whether some literal starts with its
    /// first folded byte (most typographic quotes and dashes start none: no walk).
    let startBits: UnsafeMutablePointer<UInt64>
    /// `FirstWordFilter`'s sets.
    let firstWords: UnsafeMutablePointer<UInt64>
    let alwaysWords: UnsafeMutablePointer<UInt64>
    let wordPairs: UnsafeMutablePointer<UInt64>

    let wantsDigits: Bool
    let wantsYear: Bool
    let wantsSign: Bool

    init(trie: LiteralTrie, literals: [[UInt8]], triggers: Set<BuiltInTrigger>) {
        wantsDigits = triggers.contains(.digits)
        wantsYear = triggers.contains(.year)
        wantsSign = triggers.contains(.copyrightSign)
        let runs = wantsDigits || wantsYear
        let at = triggers.contains(.at)
        next = Self.copy(trie.next)
        byteClass = Self.copy(trie.byteClass)
        classCount = trie.classCount
        outputStart = Self.copy(trie.outputStart)
        outputIDs = Self.copy(trie.outputIDs)
        asciiClass = Self.copy(TextFolding.ascii.map { trie.byteClass[Int($0)] })
        spaceClass = trie.byteClass[0x20]
        asciiKind = Self.copy((0..<128).map { value -> UInt8 in
            if runs && value >= 0x30 && value <= 0x39 { return Kind.digit }
            if at && value == 0x40 { return Kind.at }
            if WordCharacter.computed(Unicode.Scalar(UInt8(value))) { return Kind.word }
            let column = Int(trie.byteClass[Int(TextFolding.ascii[value])])
            return trie.next[column] != 0 ? Kind.start : Kind.other
        })
        let (bytes, offsets) = TextFolding.table
        foldBytes = Self.copy(bytes)
        foldOffsets = Self.copy(offsets)
        wordBits = Self.copy(WordCharacter.bits)
        let sets = FirstWordFilter.sets(for: literals)
        firstWords = Self.copy(sets.first)
        alwaysWords = Self.copy(sets.always)
        wordPairs = Self.copy(sets.pairs)
        var starts = [UInt64](repeating: 0, count: (TextFolding.tableLimit + 63) / 64)
        for value in 0..<TextFolding.tableLimit where offsets[value] < offsets[value + 1] {
            if trie.next[Int(trie.byteClass[Int(bytes[Int(offsets[value])])])] != 0 { starts[value >> 6] |= 1 << UInt64(value & 63) }
        }
        startBits = Self.copy(starts)
    }

    deinit {
        next.deallocate()
        byteClass.deallocate()
        outputStart.deallocate()
        outputIDs.deallocate()
        asciiClass.deallocate()
        asciiKind.deallocate()
        foldBytes.deallocate()
        foldOffsets.deallocate()
        wordBits.deallocate()
        firstWords.deallocate()
        alwaysWords.deallocate()
        wordPairs.deallocate()
        startBits.deallocate()
    }

    private static func copy<Element>(_ array: [Element]) -> UnsafeMutablePointer<Element> {
        let pointer = UnsafeMutablePointer<Element>.allocate(capacity: max(1, array.count))
        array.withUnsafeBufferPointer { buffer in
            if let source = buffer.baseAddress { pointer.initialize(from: source, count: buffer.count) }
        }
        return pointer
    }

    /// Whether some literal may start with the scalar `value` (always true above the table).
    @inline(__always)
    func mayStart(_ value: UInt32) -> Bool {
        value >= UInt32(TextFolding.tableLimit) || startBits[Int(value >> 6)] & (1 << UInt64(value & 63)) != 0
    }
}
