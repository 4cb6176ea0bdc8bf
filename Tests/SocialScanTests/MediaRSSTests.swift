import ScanCore
import ScanParse
import Testing

@Suite("Media RSS, enclosures and YouTube")
struct MediaRSSTests {
    @Test func mediaContentGroupAndItemLevelTexts() throws {
        let feed = """
            <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Gallery</title>
              <link>https://gallery.example/</link>
              <item><title>Art show</title><guid>g1</guid>
                <media:content url="/img/1.jpg" type="image/jpeg">
                  <media:title>Painting one</media:title>
                  <media:description>Ava Lindqvist with her painting</media:description>
                  <media:credit role="photographer">Studio Nord</media:credit>
                  <media:copyright>© 2024 Studio Nord</media:copyright>
                </media:content>
                <media:group>
                  <media:description>Gallery walk</media:description>
                  <media:content url="https://gallery.example/img/2.jpg"/>
                  <media:content url="https://gallery.example/img/3.jpg"><media:description>Gallery walk</media:description></media:content>
                  <media:thumbnail url="https://gallery.example/t.jpg"/>
                </media:group>
                <enclosure url="https://gallery.example/a.mp3" length="100" type="audio/mpeg"/>
              </item>
            </channel></rss>
            """
        let item = try #require(try parseDocument(feed).items.first)
        #expect(item.fields == [
            TextField(origin: .title, text: "Art show"),
            TextField(origin: .mediaTitle, text: "Painting one"),
            TextField(origin: .mediaDescription, text: "Ava Lindqvist with her painting"),
            TextField(origin: .mediaCredit, text: "Studio Nord"),
            TextField(origin: .mediaCopyright, text: "© 2024 Studio Nord"),
            TextField(origin: .mediaDescription, text: "Gallery walk"),
        ])
        #expect(item.media.map(\.url) == [
            "https://gallery.example/img/1.jpg", "https://gallery.example/img/2.jpg",
            "https://gallery.example/img/3.jpg", "https://gallery.example/a.mp3",
        ])
        #expect(item.media[1].description == "Gallery walk")
        #expect(item.media[1].thumbnail == "https://gallery.example/t.jpg")
        #expect(item.media[3].type == "audio/mpeg")
    }

    @Test func youTubeEntryKeepsDescriptionLines() throws {
        let feed = """
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:yt="http://www.youtube.com/xml/schemas/2015"
                  xmlns:media="http://search.yahoo.com/mrss/">
              <title>Channel</title>
              <entry><id>yt:video:abc</id><yt:videoId>abc</yt:videoId><title>Concert</title>
                <link rel="alternate" href="https://videos.example/watch?v=abc"/>
                <media:group>
                  <media:title>Concert</media:title>
                  <media:content url="https://videos.example/v/abc" type="application/x-shockwave-flash"/>
                  <media:thumbnail url="https://videos.example/abc.jpg"/>
                  <media:description>Grade 4 choir.
            Soloist: Noah
            Bergström.</media:description>
                </media:group>
              </entry>
            </feed>
            """
        let entry = try #require(try parseDocument(feed).items.first)
        #expect(entry.id == "yt:video:abc")
        #expect(entry.fields.contains(TextField(origin: .mediaDescription, text: "Grade 4 choir.\nSoloist: Noah\nBergström.")))
        #expect(entry.media.first?.thumbnail == "https://videos.example/abc.jpg")
    }
}
