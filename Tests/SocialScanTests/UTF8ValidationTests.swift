@testable import ScanParse
import ScanTestSupport
import Testing

/// The parse stage checks whole documents for valid UTF-8 without copying them into a String;
/// the check must agree with the standard library's at every alignment.
@Suite("UTF-8 validation and link schemes")
struct UTF8ValidationTests {
    @Test func agreesWithTheStandardLibraryOnRandomBytes() {
        var random = SplitMix64(seed: 8)
        // Valid pieces, and bytes that break UTF-8 in every way (lone continuation, overlong,
        // surrogate, beyond U+10FFFF, truncated).
        let pieces: [[UInt8]] = [
            Array("plain ascii text".utf8), Array("é".utf8), Array("€".utf8), Array("🏆".utf8), Array("\u{10FFFF}".utf8),
            [0x80], [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5], [0xE2, 0x82], [0xC2],
        ]
        for _ in 0..<5_000 {
            let bytes = (0..<Int.random(in: 0...12, using: &random)).flatMap { _ in pieces.randomElement(using: &random)! }
            #expect(UTF8Validation.isValid(bytes) == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
        }
    }

    @Test(arguments: [
        ("https://aspenridge.example/", true), ("mailto:office@aspenridge.example", true), ("svn+ssh://files.aspenridge.example/x", true),
        ("/news/one", false), ("news/one", false), ("1http://school.example", false), (":nothing", false), ("no colon", false),
        ("é:x", false), ("a b:c", false),
    ])
    func schemesAreReadByRFC3986(link: String, absolute: Bool) {
        #expect(URLResolver.isAbsolute(link) == absolute)
    }
}
