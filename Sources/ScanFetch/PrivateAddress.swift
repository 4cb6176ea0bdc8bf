/// Recognises addresses a pasted URL must not reach without `--allow-private`: loopback,
/// private networks, link-local, shared (CGNAT) and unspecified addresses, and IPv4-mapped
/// IPv6 forms of them.
public enum PrivateAddress {
    /// Whether the IPv4 address (network byte order, as four bytes) is not public.
    public static func isPrivate(ipv4 a: [UInt8]) -> Bool {
        guard a.count == 4 else { return true }
        switch (a[0], a[1]) {
        case (0, _), (10, _), (127, _): return true
        case (100, 64...127): return true
        case (169, 254): return true
        case (172, 16...31): return true
        case (192, 168): return true
        default: return false
        }
    }

    /// Whether the IPv6 address (sixteen bytes) is not public.
    public static func isPrivate(ipv6 a: [UInt8]) -> Bool {
        guard a.count == 16 else { return true }
        let mapped = a[0..<10].allSatisfy { $0 == 0 } && a[10] == 0xFF && a[11] == 0xFF
        if mapped { return isPrivate(ipv4: Array(a[12..<16])) }
        if a[0..<15].allSatisfy({ $0 == 0 }) && (a[15] == 1 || a[15] == 0) { return true }  // ::1 and ::
        if a[0] & 0xFE == 0xFC { return true }  // fc00::/7
        if a[0] == 0xFE && a[1] & 0xC0 == 0x80 { return true }  // fe80::/10
        return false
    }
}
