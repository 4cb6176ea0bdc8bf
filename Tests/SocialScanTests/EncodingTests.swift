import ScanCore
import ScanParse
import Testing

@Suite("Encodings")
struct EncodingTests {
    private func feed(title: [UInt8], declaration: String?) -> [UInt8] {
        let head = declaration.map { "<?xml version=\"1.0\" encoding=\"\($0)\"?>" } ?? ""
        return Array((head + "<rss version=\"2.0\"><channel><item><title>").utf8) + title
            + Array("</title></item><item><title>Second</title></item></channel></rss>".utf8)
    }

    @Test func latin1LabelIsReadAsWindows1252() throws {
        // 0x93 and 0x94 are curly quotes in Windows-1252 and C1 controls in ISO-8859-1; 0xE9 is é.
        let document = try parseDocument(bytes: feed(title: [0x93, 0x45, 0x74, 0xE9, 0x94, 0x20, 0x80], declaration: "ISO-8859-1"))
        #expect(document.items.first?.title == "“Eté” €")
        #expect(document.encoding == "windows-1252")
    }

    @Test func httpCharsetWinsOverTheDeclaration() throws {
        let bytes = feed(title: Array("Élève".utf8), declaration: "ISO-8859-1")
        let document = try parseDocument(bytes: bytes, contentType: "application/rss+xml; charset=UTF-8")
        #expect(document.items.first?.title == "Élève")
        #expect(document.encoding == "UTF-8")
    }

    @Test func utf16WithBOM() throws {
        let text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss version=\"2.0\"><channel><item><title>Zoé</title></item></channel></rss>"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let document = try parseDocument(bytes: bytes)
        #expect(document.items.map(\.title) == ["Zoé"])
        #expect(document.encoding == "UTF-16LE")
    }

    @Test func utf8BOMIsAccepted() throws {
        let document = try parseDocument(bytes: [0xEF, 0xBB, 0xBF] + feed(title: Array("Café".utf8), declaration: nil))
        #expect(document.items.first?.title == "Café")
    }

    @Test func invalidUTF8IsReplacedAndLaterItemsKept() throws {
        let document = try parseDocument(bytes: feed(title: [0x42, 0xFF, 0xFE, 0x43], declaration: "UTF-8"))
        #expect(document.items.map(\.title) == ["B\u{FFFD}\u{FFFD}C", "Second"])
    }

    @Test(arguments: [("ISO-8859-2", "Łucja Žák"), ("GB2312", "农历新年"), ("KOI8-R", "Привет")])
    func legacyCharsetsLibxml2Knows(charset: String, text: String) throws {
        let encoded = try #require(Self.encode(text, charset: charset))
        let document = try parseDocument(bytes: feed(title: encoded, declaration: charset))
        #expect(document.items.first?.title == text)
    }

    /// Encodes with iconv (the same converter libxml2 uses), so the test needs no fixture file.
    static func encode(_ text: String, charset: String) -> [UInt8]? {
        IconvEncoder.encode(text, to: charset)
    }
}
