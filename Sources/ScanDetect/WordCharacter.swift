/// Which scalars are word characters for rule boundaries: letters and digits of any script,
/// and `_`. One definition for the matcher (where a literal may start) and for the checks after
/// it (where a match may end, how far a context reaches), so the two never disagree.
enum WordCharacter {
    /// Scalars below this are answered from `bits`; above it, from Unicode properties.
    static let tableLimit = TextFolding.tableLimit

    /// One bit per scalar below `tableLimit`.
    static let bits: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: (tableLimit + 63) / 64)
        for value in 0..<tableLimit where Unicode.Scalar(value).map(computed) ?? false {
            bits[value >> 6] |= 1 << UInt64(value & 63)
        }
        return bits
    }()

    /// Whether the scalar with this value is a word character.
    @inline(__always)
    static func contains(_ value: UInt32, bits: UnsafePointer<UInt64>) -> Bool {
        if value < UInt32(tableLimit) { return bits[Int(value >> 6)] & (1 << UInt64(value & 63)) != 0 }
        return Unicode.Scalar(value).map(computed) ?? false
    }

    /// Whether `scalar` is a word character (for the checks after a hit; the scan loops use
    /// the pointer form).
    static func contains(_ scalar: Unicode.Scalar) -> Bool {
        let value = Int(scalar.value)
        return value < tableLimit ? bits[value >> 6] & (1 << UInt64(value & 63)) != 0 : computed(scalar)
    }

    /// The definition itself.
    static func computed(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
