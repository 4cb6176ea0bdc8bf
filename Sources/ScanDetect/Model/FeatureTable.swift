/// Feature weights by key, with open addressing (most lookups miss: one probe). A slot is eight
/// bytes, a 31-bit tag and the weight side by side, so that the table of a model (some 56,000
/// features, at most half full) is 1 MiB and stays in cache: scoring is mostly these lookups.
/// Slot index and tag come from two different mixes of the key. Building checks the full keys:
/// two features whose tags meet are never merged (the table is built again with another salt).
/// A key the model does not know is taken for one it knows only when its tag equals one on its
/// probe run: about once in 2^31 lookups. Built once, then only read: the slots are one
/// allocation that the lookups read without borrowing an array.
final class FeatureTable: @unchecked Sendable {
    private struct Slot {
        /// 0: empty.
        var tag: UInt32
        var weight: Float
    }

    private let slots: UnsafeMutableBufferPointer<Slot>
    private let mask: Int
    private let salt: UInt64

    /// Weights of the same key add up.
    init(_ entries: [(UInt64, Float)]) {
        var size = 16
        while size < entries.count * 2 { size *= 2 }
        slots = .allocate(capacity: size)
        mask = size - 1
        var salt: UInt64 = 0
        // The full key of each slot, while building only.
        var keys = [UInt64](repeating: 0, count: size)
        building: while true {
            slots.initialize(repeating: Slot(tag: 0, weight: 0))
            for (key, weight) in entries {
                let tag = Self.tag(key, salt)
                var index = Self.slot(key, salt, mask)
                while slots[index].tag != 0 && slots[index].tag != tag { index = (index + 1) & mask }
                if slots[index].tag == tag && keys[index] != key {
                    salt &+= 0x9E37_79B9_7F4A_7C15
                    continue building
                }
                slots[index].tag = tag
                slots[index].weight += weight
                keys[index] = key
            }
            break
        }
        self.salt = salt
    }

    deinit {
        slots.deallocate()
    }

    @inline(__always)
    private static func slot(_ key: UInt64, _ salt: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: ((key ^ salt) &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }

    /// The high half of another mix of the key; never 0 (the empty slot).
    @inline(__always)
    private static func tag(_ key: UInt64, _ salt: UInt64) -> UInt32 {
        UInt32(truncatingIfNeeded: ((key ^ salt) &* 0xBF58_476D_1CE4_E5B9) >> 32) | 1
    }

    /// The weight of `key` (0 for a feature the model does not know).
    @inline(__always)
    subscript(key: UInt64) -> Float {
        find(key) ?? 0
    }

    /// The weight of `key`, or nil when the table does not hold it.
    @inline(__always)
    func find(_ key: UInt64) -> Float? {
        let tag = Self.tag(key, salt)
        var index = Self.slot(key, salt, mask)
        while true {
            let slot = slots[index]
            if slot.tag == tag { return slot.weight }
            if slot.tag == 0 { return nil }
            index = (index + 1) & mask
        }
    }
}
