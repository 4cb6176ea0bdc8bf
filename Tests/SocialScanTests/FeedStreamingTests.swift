import Foundation
import ScanCore
@testable import ScanParse
import Testing

/// Well-formed feeds are streamed one item at a time (`XMLStream`); anything else is recovered
/// from a tree (`TreeStream`). Both go through the same readers and must read the same items.
@Suite("Feed streaming")
struct FeedStreamingTests {
    static let xmlSamples: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Repo.path("Samples/feeds"))) ?? []
        return names.filter { [".rss", ".atom", ".rdf"].contains(where: $0.hasSuffix) }.sorted()
    }()

    private func parse(_ bytes: [UInt8], url: String = "feed.xml", streaming: Bool) throws -> ParsedDocument {
        var parser = DocumentParser()
        parser.streamsFeeds = streaming
        return try parser.parse(FetchedDocument(source: url, finalURL: url, status: 200, contentType: nil, body: bytes))
    }

    @Test(arguments: xmlSamples)
    func streamedAndTreeReadingsAgree(file: String) throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Repo.path("Samples/feeds/" + file))))
        let url = "https://aspenridge.example/feeds/" + file
        let streamed = try parse(bytes, url: url, streaming: true)
        let tree = try parse(bytes, url: url, streaming: false)
        #expect(streamed == tree)
        #expect(!streamed.items.isEmpty)
    }

    @Test func channelLinkAfterTheItemsStillResolvesTheirLinks() throws {
        let feed = """
            <rss version="2.0"><channel><title>Late link</title>
            <item><title>One</title><link>/news/one</link><enclosure url="media/one.jpg" type="image/jpeg"/></item>
            <item><title>Two</title><link>news/two</link></item>
            <link>https://willow.example/school/</link>
            </channel></rss>
            """
        for streaming in [true, false] {
            let document = try parse(Array(feed.utf8), url: "local.xml", streaming: streaming)
            #expect(document.items.map(\.url) == ["https://willow.example/news/one", "https://willow.example/school/news/two"])
            #expect(document.items.first?.media.first?.url == "https://willow.example/school/media/one.jpg")
        }
    }

    @Test func atomFeedLinkAfterTheEntriesStillResolvesTheirLinks() throws {
        let feed = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Late</title>
            <entry><id>e1</id><title>One</title><link href="posts/one"/></entry>
            <link rel="self" href="https://elm.example/feed.atom"/><link href="https://elm.example/blog/"/>
            </feed>
            """
        let document = try parse(Array(feed.utf8), url: "local.atom", streaming: true)
        #expect(document.items.map(\.url) == ["https://elm.example/blog/posts/one"])
    }

    /// The stream stops at the first error; what it read before is dropped and the whole
    /// document is recovered from a tree, so no item is lost or read twice.
    @Test func breakAfterStreamedItemsKeepsEveryItemOnce() throws {
        let items = (1...5).map { "<item><guid>g\($0)</guid><title>Item \($0)</title></item>" }.joined()
        let feed = "<rss version=\"2.0\"><channel><title>T</title>\(items)<item><guid>g6</guid><title>Fish & Chips</title></item></channel></rss>"
        let document = try parse(Array(feed.utf8), streaming: true)
        #expect(document.illFormed)
        #expect(document.items.map(\.id) == ["g1", "g2", "g3", "g4", "g5", "g6"])
        #expect(document.items.last?.title == "Fish & Chips")
    }

    @Test func itemsNestedInAWellFormedItemAreReadToo() throws {
        let feed = "<rss version=\"2.0\"><channel><item><guid>outer</guid><title>Outer</title><item><guid>inner</guid><title>Inner</title></item></item><item><guid>next</guid></item></channel></rss>"
        let streamed = try parse(Array(feed.utf8), streaming: true)
        #expect(streamed.items.map(\.id) == ["outer", "inner", "next"])
        #expect(try parse(Array(feed.utf8), streaming: false) == streamed)
    }

    @Test func itemLimitCountsTheRestWhileStreaming() throws {
        let items = (1...7).map { "<item><guid>g\($0)</guid></item>" }.joined()
        let feed = "<rss version=\"2.0\"><channel>\(items)</channel></rss>"
        var parser = DocumentParser(limits: ParseLimits(maxItems: 3))
        let document = try parser.parse(FetchedDocument(source: "f", finalURL: "f", status: 200, contentType: nil, body: Array(feed.utf8)))
        #expect(document.items.map(\.id) == ["g1", "g2", "g3"])
        #expect(document.skippedItems == 4)
        parser.streamsFeeds = false
        #expect(try parser.parse(FetchedDocument(source: "f", finalURL: "f", status: 200, contentType: nil, body: Array(feed.utf8))) == document)
    }

    /// One HTML parser context serves every fragment of a document: a hostile fragment must not
    /// change how the next one is read.
    @Test func hostileFragmentDoesNotLeakIntoTheNext() throws {
        let deep = String(repeating: "&lt;div&gt;", count: 20_000) + "x"
        let broken = "&lt;p&gt;unclosed &lt;b&gt;bold &lt;script&gt;var a = 1;"
        let feed = """
            <rss version="2.0"><channel>
            <item><guid>1</guid><description>\(deep)</description></item>
            <item><guid>2</guid><description>\(broken)</description></item>
            <item><guid>3</guid><description>&lt;p&gt;Clean &amp;amp; simple&lt;/p&gt;&lt;img alt="A caption"&gt;</description></item>
            </channel></rss>
            """
        let document = try parse(Array(feed.utf8), streaming: true)
        let last = try #require(document.items.last)
        #expect(last.fields.map(\.text) == ["Clean & simple", "A caption"])
        #expect(document.items[1].fields.first?.text == "unclosed bold")
    }
}
