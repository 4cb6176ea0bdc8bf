/// SipHash-2-4 with a 128-bit key: a keyed 64-bit hash, the roster matcher's cheap prefilter.
///
/// Without the key its values cannot be linked to names; with it, only candidate windows whose
/// SipHash is in the roster's prefilter are checked with the full keyed hash (HMAC-SHA-256).
struct SipHash: Sendable {
    let k0: UInt64
    let k1: UInt64

    /// A key from 16 bytes (little-endian words); fewer bytes are padded with zeros.
    init(key: [UInt8]) {
        func word(_ offset: Int) -> UInt64 {
            (0..<8).reduce(UInt64(0)) { value, index in
                let position = offset + index
                return value | UInt64(position < key.count ? key[position] : 0) << (8 * UInt64(index))
            }
        }
        k0 = word(0)
        k1 = word(8)
    }

    /// The hash of `bytes`.
    func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var v0: UInt64 = 0x736f_6d65_7073_6575 ^ k0
        var v1: UInt64 = 0x646f_7261_6e64_6f6d ^ k1
        var v2: UInt64 = 0x6c79_6765_6e65_7261 ^ k0
        var v3: UInt64 = 0x7465_6462_7974_6573 ^ k1

        @inline(__always)
        func round() {
            v0 = v0 &+ v1; v1 = (v1 << 13) | (v1 >> 51); v1 ^= v0; v0 = (v0 << 32) | (v0 >> 32)
            v2 = v2 &+ v3; v3 = (v3 << 16) | (v3 >> 48); v3 ^= v2
            v0 = v0 &+ v3; v3 = (v3 << 21) | (v3 >> 43); v3 ^= v0
            v2 = v2 &+ v1; v1 = (v1 << 17) | (v1 >> 47); v1 ^= v2; v2 = (v2 << 32) | (v2 >> 32)
        }
        @inline(__always)
        func compress(_ message: UInt64) {
            v3 ^= message
            round()
            round()
            v0 ^= message
        }

        let count = bytes.count
        var offset = 0
        while offset + 8 <= count {
            var message: UInt64 = 0
            for index in 0..<8 { message |= UInt64(bytes[offset + index]) << (8 * UInt64(index)) }
            compress(message)
            offset += 8
        }
        var last = UInt64(count & 0xFF) << 56
        for index in 0..<(count - offset) { last |= UInt64(bytes[offset + index]) << (8 * UInt64(index)) }
        compress(last)
        v2 ^= 0xFF
        round()
        round()
        round()
        round()
        return v0 ^ v1 ^ v2 ^ v3
    }

    /// The hash of `bytes`.
    func hash(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBufferPointer { hash($0) }
    }
}
