import ScanCore
import ScanParse
import Testing

@Suite("Atom 1.0")
struct AtomParserTests {
    static let feed = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://pine.example/blog/">
          <title>Pine Hill</title>
          <link rel="self" href="https://pine.example/feed.atom"/>
          <link rel="alternate" href="https://pine.example/"/>
          <entry>
            <title type="html">Robotics &amp;amp; coding club</title>
            <link rel="enclosure" href="video.mp4"/>
            <link rel="alternate" href="posts/robotics"/>
            <id>urn:uuid:1b7a0c2e-0000-4000-8000-000000000001</id>
            <published>2024-11-05T09:15:00.250+01:00</published>
            <updated>2024-11-06T10:00:00Z</updated>
            <author><name>Ms. Fern Alder</name></author>
            <summary type="text">Club   starts
              Tuesday.</summary>
            <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Bring a <strong>laptop</strong>.</p><figure><img src="a.png" alt="Students at the robot table"/><figcaption>Build night</figcaption></figure></div></content>
          </entry>
          <entry>
            <title>Escaped HTML content</title>
            <id>tag:pine.example,2024:2</id>
            <content type="html">&lt;p&gt;One&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;p&gt;Two&lt;/p&gt;</content>
          </entry>
        </feed>
        """

    @Test func readsFeedAndEntries() throws {
        let document = try parseDocument(Self.feed)
        #expect(document.format == .atom1)
        #expect(document.title == "Pine Hill")
        #expect(document.items.count == 2)
    }

    @Test func entryLinksResolveAgainstXMLBaseAndDatesNormalise() throws {
        let entry = try parseDocument(Self.feed).items[0]
        #expect(entry.id == "urn:uuid:1b7a0c2e-0000-4000-8000-000000000001")
        #expect(entry.url == "https://pine.example/blog/posts/robotics")
        #expect(entry.title == "Robotics & coding club")
        #expect(entry.published?.rfc3339 == "2024-11-05T08:15:00Z")
        #expect(entry.updated?.rfc3339 == "2024-11-06T10:00:00Z")
        #expect(entry.author == "Ms. Fern Alder")
    }

    @Test func textConstructsByType() throws {
        let entry = try parseDocument(Self.feed).items[0]
        #expect(entry.fields == [
            TextField(origin: .title, text: "Robotics & coding club"),
            TextField(origin: .summary, text: "Club starts Tuesday."),
            TextField(origin: .content, text: "Bring a laptop."),
            TextField(origin: .imageAlt, text: "Students at the robot table"),
            TextField(origin: .figcaption, text: "Build night"),
        ])
    }

    @Test func escapedHTMLContentDropsScripts() throws {
        let entry = try parseDocument(Self.feed).items[1]
        #expect(entry.fields.last == TextField(origin: .content, text: "One\nTwo"))
        #expect(entry.url == nil)
    }
}
