/// A set of 64-bit hashes (already uniformly distributed), with open addressing: membership
/// costs a mask and usually one probe, with none of `Set`'s rehashing.
struct HashSet64: Sendable {
    private var slots: [UInt64] = [0, 0]
    private var mask = 1
    private var hasZero = false
    private(set) var count = 0

    init() {}

    mutating func insert(_ value: UInt64) {
        if value == 0 {
            if !hasZero { count += 1 }
            hasZero = true
            return
        }
        if (count + 1) * 2 > slots.count { grow() }
        var index = Int(truncatingIfNeeded: value) & mask
        while slots[index] != 0 {
            if slots[index] == value { return }
            index = (index + 1) & mask
        }
        slots[index] = value
        count += 1
    }

    @inline(__always)
    func contains(_ value: UInt64) -> Bool {
        if value == 0 { return hasZero }
        var index = Int(truncatingIfNeeded: value) & mask
        while true {
            let slot = slots[index]
            if slot == value { return true }
            if slot == 0 { return false }
            index = (index + 1) & mask
        }
    }

    /// Every value, sorted (for writing a roster file).
    var sortedValues: [UInt64] {
        (slots.filter { $0 != 0 } + (hasZero ? [0] : [])).sorted()
    }

    private mutating func grow() {
        let old = slots.filter { $0 != 0 }
        slots = [UInt64](repeating: 0, count: slots.count * 2)
        mask = slots.count - 1
        count = hasZero ? 1 : 0
        old.forEach { insert($0) }
    }
}
