import Foundation
import ScanCore
@testable import ScanParse
import Testing

/// Well-formed feeds are streamed one item at a time (`XMLStream`); anything else is recovered
/// from a tree (`TreeStream`). Both go through the same readers and must read the same items.
@Suite("Feed streaming")
struct FeedStreamingTests {
    /// The XML samples that are streamed: not the broken one, nor the one whose HTTP charset
    /// overrides its declaration (both always go to the tree, so comparing would prove nothing).
    static let xmlSamples: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Repo.path("Samples/feeds"))) ?? []
        let treeOnly: Set<String> = ["illformed-recovered.rss", "encoding-windows1252.rss"]
        return names.filter { [".rss", ".atom", ".rdf"].contains(where: $0.hasSuffix) && !treeOnly.contains($0) }.sorted()
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

    /// A fuzzed feed on which libxml2's reader, once it had failed, went on handing out
    /// elements: the stream ends at the failure, the feed goes to recovery, and the parse ends.
    @Test(.timeLimit(.minutes(1))) func aReaderThatFailedEndsTheStream() throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Repo.path("Tests/SocialScanTests/Fixtures/reader-repeats.rss"))))
        let streamed = try parse(bytes, streaming: true)
        #expect(streamed.illFormed)
        #expect(streamed == (try parse(bytes, streaming: false)))
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

    /// Recovery closes an unclosed `<br>` at `</title>` and leaves the title open: the link and
    /// every item end up inside the channel's title, and must still be read.
    @Test func itemsSwallowedByABrokenChannelTitleAreKept() throws {
        let rss = "<rss version=\"2.0\"><channel><title>Line one<br>Line two</title><link>https://x.example/</link><item><guid>A</guid></item><item><guid>B</guid></item></channel></rss>"
        let atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Line one<br>Line two</title><entry><id>A</id></entry><entry><id>B</id></entry></feed>"
        for feed in [rss, atom] {
            let document = try parse(Array(feed.utf8), streaming: true)
            #expect(document.illFormed)
            #expect(document.items.map(\.id) == ["A", "B"])
        }
    }

    /// An encoding error ends the reader without a parser error: the document must still be
    /// flagged and recovered, not cut short as if it were complete.
    @Test func encodingErrorMidStreamIsRecoveredNotTruncated() throws {
        let items = (1...4).map { "<item><guid>g\($0)</guid><title>T\($0)</title></item>" }.joined()
        let text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss version=\"2.0\"><channel>\(items)<item><guid>bad</guid><title>X</title></item></channel></rss>"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        // A lone high surrogate (D800) in the last item's title, before "X".
        let marker: [UInt8] = [0x58, 0x00]  // "X"
        let position = try #require(bytes.indices.last { bytes[$0...].starts(with: marker) })
        bytes.insert(contentsOf: [0x00, 0xD8], at: position)
        let streamed = try parse(bytes, streaming: true)
        let tree = try parse(bytes, streaming: false)
        #expect(streamed == tree)
        #expect(streamed.illFormed)
    }

    @Test func itemTitleFieldIsOneLineEvenWhenItHoldsBlocks() throws {
        let feed = "<rss version=\"2.0\"><channel><item><guid>1</guid><title>&lt;p&gt;A&lt;/p&gt;&lt;p&gt;B&lt;/p&gt;</title></item></channel></rss>"
        let document = try parse(Array(feed.utf8), streaming: true)
        #expect(document.items.first?.fields.first?.text == "A B")
    }

    /// RSS 1.0 puts `image` beside the channel: its link is not the channel's.
    @Test func rss1ImageLinkIsNotTheChannelLink() throws {
        let feed = """
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
            <channel rdf:about="urn:x"><title>Board</title></channel>
            <image rdf:about="urn:i"><title>Logo</title><link>https://image.example/</link></image>
            <item rdf:about="urn:1"><title>One</title><link>news/1</link></item>
            </rdf:RDF>
            """
        for streaming in [true, false] {
            let document = try parse(Array(feed.utf8), url: "local.rdf", streaming: streaming)
            #expect(document.title == "Board")
            #expect(document.items.map(\.url) == ["news/1"])
        }
    }
}
