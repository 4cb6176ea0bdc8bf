import ScanCore
import ScanParse
import Testing

@Suite("Parse errors and hostile documents")
struct DocumentSafetyTests {
    @Test func emptyDocumentIsAnError() {
        #expect(throws: ParseError.empty(source: "feed.xml")) { try parseDocument("") }
    }

    @Test func binaryIsNotAFeed() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]
        #expect(throws: ParseError.binary(source: "image.png", kind: "a PNG image")) { try parseDocument(bytes: png, url: "image.png") }
    }

    @Test func otherXMLIsAnUnsupportedFormat() {
        #expect(throws: ParseError.unsupportedFormat(source: "feed.xml", root: "svg")) {
            try parseDocument("<svg xmlns='http://www.w3.org/2000/svg'><text>hi</text></svg>")
        }
    }

    @Test func documentsDeclaringEntitiesAreRefused() {
        let bomb = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">]>
            <rss version="2.0"><channel><item><title>&a;&a;&a;&a;</title></item></channel></rss>
            """
        #expect(throws: ParseError.declaresEntities(source: "feed.xml")) { try parseDocument(bomb) }
    }

    @Test func externalEntitiesAreNeverLoaded() throws {
        let xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE rss SYSTEM "file:///etc/passwd">
            <rss version="2.0"><channel><item><title>Safe</title><description>no root: here</description></item></channel></rss>
            """
        let document = try parseDocument(xxe)
        #expect(document.items.first?.fields.contains { $0.text.contains("root:x") } == false)
        #expect(document.items.first?.title == "Safe")
    }

    @Test func nulBytesDoNotTruncateTheDocument() throws {
        let text = "<rss version=\"2.0\"><channel><item><title>Before\u{0}After</title></item><item><title>Second</title></item></channel></rss>"
        let document = try parseDocument(text)
        #expect(document.items.map(\.title) == ["BeforeAfter", "Second"])
    }
}
