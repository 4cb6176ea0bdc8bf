import ScanCore
import ScanParse
import ScanTestSupport
import Testing

/// Documents built to hurt a parser. Each must end in a clear error or a bounded result, fast.
@Suite("Hostile input")
struct HostileInputTests {
    @Test func billionLaughsIsRefused() {
        var entities = "<!ENTITY lol0 \"lol\">"
        for level in 1...9 {
            entities += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">"
        }
        let bomb = "<?xml version=\"1.0\"?><!DOCTYPE rss [\(entities)]><rss version=\"2.0\"><channel><item><title>&lol9;</title></item></channel></rss>"
        #expect(throws: ParseError.declaresEntities(source: "feed.xml")) { try parseDocument(bomb) }
    }

    @Test func quadraticEntityBlowUpIsRefused() {
        let big = String(repeating: "a", count: 100_000)
        let references = String(repeating: "&big;", count: 20_000)
        let bomb = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY big \"\(big)\">]><rss version=\"2.0\"><channel><item><title>\(references)</title></item></channel></rss>"
        #expect(throws: ParseError.declaresEntities(source: "feed.xml")) { try parseDocument(bomb) }
    }

    @Test func parameterEntitiesAreRefused() {
        let bomb = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY % p \"<!ENTITY x 'y'>\"> %p;]><rss version=\"2.0\"><channel><item><title>&x;</title></item></channel></rss>"
        #expect(throws: ParseError.declaresEntities(source: "feed.xml")) { try parseDocument(bomb) }
    }

    @Test func hundredThousandDeepNestingIsBounded() throws {
        let depth = 100_000
        let deep = String(repeating: "<div>", count: depth) + "x" + String(repeating: "</div>", count: depth)
        let feed = "<rss version=\"2.0\"><channel><item><title>Deep</title><description>\(deep)</description></item></channel></rss>"
        let document = try parseDocument(feed)
        #expect(document.illFormed)
        #expect(document.items.first?.title == "Deep")
    }

    @Test func deeplyNestedEscapedHTMLIsBounded() throws {
        let depth = 100_000
        let deep = String(repeating: "&lt;b&gt;", count: depth) + "x"
        let feed = "<rss version=\"2.0\"><channel><item><title>T</title><description>\(deep)</description></item></channel></rss>"
        let document = try parseDocument(feed)
        #expect(document.items.count == 1)
    }

    @Test func deeplyNestedJSONIsAnError() {
        let depth = 100_000
        let deep = "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}"
        #expect(throws: (any Error).self) { try parseDocument(deep, url: "feed.json") }
    }

    @Test(arguments: [
        ("%PDF-1.7\n%âãÏÓ\n1 0 obj", "a PDF document"),
        ("GIF89a\u{1}\u{0}\u{1}\u{0}", "a GIF image"),
    ])
    func binaryDocumentsAreTypedErrors(content: String, kind: String) {
        #expect(throws: ParseError.binary(source: "file", kind: kind)) { try parseDocument(content, url: "file") }
    }

    @Test func randomBytesAreNotAFeed() {
        var generator = SplitMix64(seed: 7)
        let bytes = (0..<4096).map { _ in UInt8.random(in: 1...255, using: &generator) }
        #expect(throws: ParseError.self) { try parseDocument(bytes: [UInt8(ascii: "x")] + bytes) }
    }

    @Test func itemsBeyondTheLimitAreCountedNotRead() throws {
        let items = String(repeating: "<item><title>t</title></item>", count: 50)
        let fetched = FetchedDocument(
            source: "f", finalURL: "f", status: 200, contentType: nil,
            body: Array("<rss version=\"2.0\"><channel>\(items)</channel></rss>".utf8))
        let document = try DocumentParser(limits: ParseLimits(maxItems: 10)).parse(fetched)
        #expect(document.items.count == 10)
        #expect(document.skippedItems == 40)
    }

    @Test func oversizedFileIsAFailedTarget() throws {
        let path = try temporaryFile(named: "big.rss", contents: String(repeating: "<!-- padding -->", count: 10_000))
        let result = runCLI(["items", "--max-body", "64KB", path])
        #expect(result.code == 3)
        #expect(result.stderr.contains("too-large"))
    }
}
