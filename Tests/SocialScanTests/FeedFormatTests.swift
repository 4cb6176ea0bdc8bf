import ScanCore
@testable import ScanParse
import Testing

@Suite("Feed formats")
struct FeedFormatTests {
    @Test(arguments: [("0.91", DocumentFormat.rss091), ("0.92", .rss092), ("2.0", .rss2), ("", .rss2)])
    func rssVersionIsReported(version: String, format: DocumentFormat) throws {
        let feed = "<rss version=\"\(version)\"><channel><title>T</title><item><title>A</title></item></channel></rss>"
        let document = try parseDocument(feed)
        #expect(document.format == format)
        #expect(document.items.map(\.title) == ["A"])
    }

    @Test func rss10ItemsSitBesideTheChannel() throws {
        let feed = """
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel rdf:about="https://board.example/"><title>Board</title><link>https://board.example/</link>
                <items><rdf:Seq><rdf:li rdf:resource="https://board.example/m/1"/></rdf:Seq></items></channel>
              <item rdf:about="https://board.example/m/1">
                <title>Minutes</title><link>https://board.example/m/1</link>
                <description>Approved.</description>
                <dc:date>2024-09-12T19:00:00-06:00</dc:date><dc:creator>Clerk</dc:creator>
                <dc:rights>© 2024 Board</dc:rights>
              </item>
            </rdf:RDF>
            """
        let document = try parseDocument(feed)
        #expect(document.format == .rss1)
        #expect(document.title == "Board")
        let item = try #require(document.items.first)
        #expect(item.id == "https://board.example/m/1")
        #expect(item.published?.rfc3339 == "2024-09-13T01:00:00Z")
        #expect(item.author == "Clerk")
        #expect(item.fields.map(\.origin) == [.title, .content, .rights])
    }

    /// The default namespace is RSS 0.90's own identifier, fixed by that specification; it is
    /// spelt once, in `Namespace`, so that fixtures name only `.example` hosts.
    @Test func rss090IsRead() throws {
        let feed = """
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="\(Namespace.rss090)">
              <channel><title>Old</title><link>https://old.example/</link></channel>
              <item><title>First</title><link>https://old.example/1</link></item>
            </rdf:RDF>
            """
        let document = try parseDocument(feed)
        #expect(document.format == .rss090)
        #expect(document.items.map(\.url) == ["https://old.example/1"])
    }

    @Test func atom03ModesAndDates() throws {
        let feed = """
            <feed version="0.3" xmlns="http://purl.org/atom/ns#">
              <title>Legacy</title><link rel="alternate" type="text/html" href="https://legacy.example/"/>
              <entry>
                <title>Old post</title><link rel="alternate" type="text/html" href="/p/1"/>
                <id>tag:legacy.example,2005:1</id>
                <issued>2005-04-01T10:00:00-07:00</issued><modified>2005-04-02T10:00:00Z</modified>
                <content type="text/html" mode="escaped">&lt;p&gt;Escaped &lt;b&gt;html&lt;/b&gt;&lt;/p&gt;</content>
                <summary>Plain summary</summary>
                <copyright>Copyright 2005 Legacy Press</copyright>
              </entry>
              <entry><title>Binary</title><id>2</id><content type="image/png" mode="base64">iVBORw0KGgo=</content></entry>
            </feed>
            """
        let document = try parseDocument(feed)
        #expect(document.format == .atom03)
        let entry = try #require(document.items.first)
        #expect(entry.url == "https://legacy.example/p/1")
        #expect(entry.published?.rfc3339 == "2005-04-01T17:00:00Z")
        #expect(entry.updated?.rfc3339 == "2005-04-02T10:00:00Z")
        #expect(entry.fields == [
            TextField(origin: .title, text: "Old post"),
            TextField(origin: .summary, text: "Plain summary"),
            TextField(origin: .content, text: "Escaped html"),
            TextField(origin: .rights, text: "Copyright 2005 Legacy Press"),
        ])
        #expect(document.items[1].fields == [TextField(origin: .title, text: "Binary")])
    }

    @Test func jsonFeed11() throws {
        let feed = """
            {"version": "https://jsonfeed.org/version/1.1", "title": "Robotics", "home_page_url": "https://robots.example/",
             "items": [
               {"id": "r1", "url": "/posts/1", "title": "Build night", "summary": "Short.",
                "content_html": "<p>We built <b>robots</b>.</p><img src='a.jpg' alt='Two students soldering'>",
                "date_published": "2025-01-10T18:00:00-07:00", "authors": [{"name": "Coach Reyes"}],
                "image": "https://robots.example/a.jpg",
                "attachments": [{"url": "https://robots.example/v.mp4", "mime_type": "video/mp4", "title": "Demo video"}]},
               {"id": 42, "content_text": "Line one\\nLine two", "title": 7},
               "not an item"
             ]}
            """
        let document = try parseDocument(feed, url: "feed.json")
        #expect(document.format == .jsonFeed11)
        #expect(document.items.count == 2)
        let first = document.items[0]
        #expect(first.url == "https://robots.example/posts/1")
        #expect(first.author == "Coach Reyes")
        #expect(first.published?.rfc3339 == "2025-01-11T01:00:00Z")
        #expect(first.fields == [
            TextField(origin: .title, text: "Build night"),
            TextField(origin: .summary, text: "Short."),
            TextField(origin: .content, text: "We built robots."),
            TextField(origin: .imageAlt, text: "Two students soldering"),
            TextField(origin: .mediaTitle, text: "Demo video"),
        ])
        #expect(first.media.map(\.type) == ["image", "video/mp4"])
        let second = document.items[1]
        #expect(second.id == "42")
        #expect(second.title == nil)
        #expect(second.fields == [TextField(origin: .content, text: "Line one\nLine two")])
    }

    @Test func jsonFeed10() throws {
        let feed = #"{"version": "https://jsonfeed.org/version/1", "title": "Library", "items": [{"id": "a", "content_text": "Hi", "author": {"name": "Librarian"}}]}"#
        let document = try parseDocument(feed, url: "feed.json")
        #expect(document.format == .jsonFeed1)
        #expect(document.items.first?.author == "Librarian")
    }

    @Test func jsonThatIsNotAFeed() {
        #expect(throws: ParseError.unsupportedFormat(source: "x.json", root: "json")) {
            try parseDocument(#"{"name": "package", "version": "1.0"}"#, url: "x.json")
        }
        #expect(throws: ParseError.invalidJSON(source: "x.json")) { try parseDocument(#"{"version": "#, url: "x.json") }
    }
}
