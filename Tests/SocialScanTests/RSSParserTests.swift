import ScanCore
import ScanParse
import Testing

@Suite("RSS 2.0")
struct RSSParserTests {
    static let feed = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
             xmlns:dc="http://purl.org/dc/elements/1.1/">
          <channel>
            <title>Maple Grove   School</title>
            <link>https://maple.example/</link>
            <item>
              <title>Art show</title>
              <link>/news/art-show</link>
              <guid isPermaLink="false">maple-7</guid>
              <pubDate>Wed, 02 Oct 2024 13:00:00 -0600</pubDate>
              <dc:creator>Office</dc:creator>
              <description>Short &lt;b&gt;teaser&lt;/b&gt;</description>
              <content:encoded><![CDATA[<p>Full <em>story</em> here.</p><p>Second paragraph.</p>]]></content:encoded>
            </item>
            <item>
              <title>No link, permalink guid</title>
              <guid>https://maple.example/news/guid-link</guid>
              <description>Plain text only.</description>
            </item>
            <item>
              <description>No title, no guid, no link.</description>
            </item>
          </channel>
        </rss>
        """

    @Test func readsChannelAndItemsInOrder() throws {
        let document = try parseDocument(Self.feed)
        #expect(document.format == .rss2)
        #expect(document.title == "Maple Grove School")
        #expect(document.illFormed == false)
        #expect(document.items.count == 3)
        #expect(document.items.map(\.title) == ["Art show", "No link, permalink guid", nil])
    }

    @Test func itemIdentityLinksAndDates() throws {
        let item = try parseDocument(Self.feed).items[0]
        #expect(item.id == "maple-7")
        #expect(item.url == "https://maple.example/news/art-show")
        #expect(item.author == "Office")
        #expect(item.published == ItemDate(rfc3339: "2024-10-02T19:00:00Z", raw: "Wed, 02 Oct 2024 13:00:00 -0600"))
    }

    @Test func descriptionIsSummaryWhenContentEncodedExists() throws {
        let item = try parseDocument(Self.feed).items[0]
        #expect(item.fields == [
            TextField(origin: .title, text: "Art show"),
            TextField(origin: .summary, text: "Short teaser"),
            TextField(origin: .content, text: "Full story here.\nSecond paragraph."),
        ])
    }

    @Test func permalinkGuidBecomesTheLinkAndDescriptionTheContent() throws {
        let item = try parseDocument(Self.feed).items[1]
        #expect(item.id == "https://maple.example/news/guid-link")
        #expect(item.url == "https://maple.example/news/guid-link")
        #expect(item.fields.last == TextField(origin: .content, text: "Plain text only."))
    }

    @Test func itemWithoutIdentityGetsAStableContentHash() throws {
        let first = try parseDocument(Self.feed).items[2]
        let second = try parseDocument(Self.feed).items[2]
        #expect(first.id.hasPrefix("sha256:"))
        #expect(first.id == second.id)
        #expect(first.url == nil)
    }

    @Test func brokenItemDoesNotLoseTheOthers() throws {
        let broken = """
            <rss version="2.0"><channel><title>T</title>
            <item><title>Fish & chips night</title><description>Unescaped ampersand</description></item>
            <item><title>Second</title><description>Still <b>here</description></item>
            <item><title>Third</title><description>Fine</description></item>
            </channel></rss>
            """
        let document = try parseDocument(broken)
        #expect(document.illFormed)
        try #require(document.items.count == 3)
        #expect(document.items[0].title == "Fish & chips night")
        #expect(document.items[2].title == "Third")
    }
}
