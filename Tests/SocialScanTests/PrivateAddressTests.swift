import ScanFetch
import Testing

@Suite("Private addresses")
struct PrivateAddressTests {
    @Test(arguments: [
        ([0, 0, 0, 0], true), ([10, 1, 2, 3], true), ([100, 64, 0, 1], true), ([100, 127, 255, 255], true),
        ([127, 0, 0, 1], true), ([169, 254, 169, 254], true), ([172, 16, 0, 1], true), ([172, 31, 255, 255], true),
        ([192, 168, 1, 1], true), ([8, 8, 8, 8], false), ([100, 128, 0, 1], false), ([172, 32, 0, 1], false),
        ([192, 169, 0, 1], false), ([203, 0, 113, 5], false),
    ] as [([UInt8], Bool)])
    func ipv4(address: [UInt8], isPrivate: Bool) {
        #expect(PrivateAddress.isPrivate(ipv4: address) == isPrivate)
    }

    @Test func ipv6() {
        func v6(_ prefix: [UInt8], _ last: [UInt8] = []) -> [UInt8] {
            prefix + [UInt8](repeating: 0, count: 16 - prefix.count - last.count) + last
        }
        #expect(PrivateAddress.isPrivate(ipv6: v6([], [1])))  // ::1
        #expect(PrivateAddress.isPrivate(ipv6: v6([])))  // ::
        #expect(PrivateAddress.isPrivate(ipv6: v6([0xFD, 0x12])))  // fc00::/7
        #expect(PrivateAddress.isPrivate(ipv6: v6([0xFE, 0x80])))  // fe80::/10
        #expect(PrivateAddress.isPrivate(ipv6: v6([], [0xFF, 0xFF, 127, 0, 0, 1])))  // ::ffff:127.0.0.1
        #expect(PrivateAddress.isPrivate(ipv6: v6([], [0xFF, 0xFF, 10, 0, 0, 7])))  // ::ffff:10.0.0.7
        #expect(!PrivateAddress.isPrivate(ipv6: v6([], [0xFF, 0xFF, 8, 8, 8, 8])))  // ::ffff:8.8.8.8
        #expect(!PrivateAddress.isPrivate(ipv6: v6([0x20, 0x01, 0x0D, 0xB8], [1])))  // 2001:db8::1
    }
}
