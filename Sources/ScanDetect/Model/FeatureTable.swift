/// Feature weights by key, with open addressing (most lookups miss: one probe). A slot is eight
/// bytes, a 32-bit tag and the weight side by side, so that the table of a model (some 56,000
/// features, at most half full) is 1 MiB and stays in cache: scoring is mostly these lookups.
/// The slot's index comes from the key's high bits, the tag from its low ones, so two keys are
/// taken for each other only when 32 + 17 bits agree. Built once, then only read: the slots are
/// one allocation that the lookups read without borrowing an array.
final class FeatureTable: @unchecked Sendable {
    private struct Slot {
        /// 0: empty.
        var tag: UInt32
        var weight: Float
    }

    private let slots: UnsafeMutableBufferPointer<Slot>
    private let mask: Int

    /// Weights of the same key add up.
    init(_ entries: [(UInt64, Float)]) {
        var size = 16
        while size < entries.count * 2 { size *= 2 }
        slots = .allocate(capacity: size)
        slots.initialize(repeating: Slot(tag: 0, weight: 0))
        mask = size - 1
        for (key, weight) in entries {
            let tag = Self.tag(key)
            var index = Self.slot(key, mask)
            while slots[index].tag != 0 && slots[index].tag != tag { index = (index + 1) & mask }
            slots[index].tag = tag
            slots[index].weight += weight
        }
    }

    deinit {
        slots.deallocate()
    }

    @inline(__always)
    private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }

    /// Never 0 (the empty slot).
    @inline(__always)
    private static func tag(_ key: UInt64) -> UInt32 {
        UInt32(truncatingIfNeeded: key) | 1
    }

    /// The weight of `key` (0 for a feature the model does not know).
    @inline(__always)
    subscript(key: UInt64) -> Float {
        find(key) ?? 0
    }

    /// The weight of `key`, or nil when the table does not hold it.
    @inline(__always)
    func find(_ key: UInt64) -> Float? {
        let tag = Self.tag(key)
        var index = Self.slot(key, mask)
        while true {
            let slot = slots[index]
            if slot.tag == tag { return slot.weight }
            if slot.tag == 0 { return nil }
            index = (index + 1) & mask
        }
    }
}
