import Foundation
import ScanCore
import ScanParse
import Testing

@Suite("HTML pages")
struct PageParserTests {
    static let page = """
        <!DOCTYPE html>
        <html lang="en"><head>
        <meta charset="utf-8">
        <title>Robotics night – Pine Hill School</title>
        <meta name="description" content="Our robotics night &amp; open house.">
        <meta name="author" content="Pine Hill Office">
        <meta property="og:title" content="Robotics night">
        <meta property="og:description" content="Families met the robots.">
        <meta property="og:image" content="/img/robot.jpg">
        <meta property="og:image:alt" content="Two students steer a rover">
        <meta name="twitter:description" content="Robots everywhere!">
        <meta property="article:published_time" content="2025-03-04T18:00:00-07:00">
        <link rel="canonical" href="/news/robotics-night">
        <base href="https://pine.example/">
        <style>body { color: red }</style>
        <script>var hidden = "never text";</script>
        <script type="application/ld+json">
        {"@context": "https://schema.org", "@graph": [
          {"@type": "NewsArticle", "headline": "Robotics night recap", "datePublished": "2025-03-04",
           "author": {"@type": "Person", "name": "Coach Reyes"},
           "image": {"@type": "ImageObject", "caption": "The winning rover", "copyrightNotice": "© 2025 Studio Nord", "creditText": "Studio Nord"}},
          {"@type": "Organization", "name": "Pine Hill School"}]}
        </script>
        </head><body>
        <nav><a href="/">Home</a></nav>
        <main><h1>Robotics night</h1><p>Thanks to all <b>families</b>.</p>
        <figure><img src="a.jpg" alt="Ava Lindqvist holds the trophy" title="Trophy moment"><figcaption>The winners</figcaption></figure>
        <template><p>template text</p></template><noscript>noscript text</noscript>
        <a href="https://social.example/@pinehill">Follow us</a> <a href="javascript:alert(1)">bad</a> <a href="mailto:office@pine.example">mail</a>
        </main></body></html>
        """

    private func item(_ html: String, url: String = "https://pine.example/news/robotics-night?utm=x", contentType: String? = nil) throws -> Item {
        let document = try parseDocument(html, url: url, contentType: contentType)
        #expect(document.format == .html)
        #expect(document.items.count == 1)
        return try #require(document.items.first)
    }

    private func texts(_ item: Item, _ origin: FieldOrigin) -> [String] {
        item.fields.filter { $0.origin == origin }.map(\.text)
    }

    @Test func canonicalTitleAuthorAndDate() throws {
        let page = try item(Self.page)
        #expect(page.url == "https://pine.example/news/robotics-night")
        #expect(page.id == page.url)
        #expect(page.title == "Robotics night – Pine Hill School")
        #expect(page.author == "Pine Hill Office")
        #expect(page.published?.rfc3339 == "2025-03-05T01:00:00Z")
    }

    @Test func metaOpenGraphTwitterAndJSONLD() throws {
        let page = try item(Self.page)
        #expect(texts(page, .metaDescription) == ["Our robotics night & open house."])
        #expect(texts(page, .og) == ["Robotics night", "Families met the robots.", "Two students steer a rover", "Robots everywhere!"])
        #expect(texts(page, .jsonLD) == ["Robotics night recap", "The winning rover", "© 2025 Studio Nord", "Studio Nord"])
        #expect(page.media.first?.url == "https://pine.example/img/robot.jpg")
    }

    @Test func visibleTextAltTitleAndCaptions() throws {
        let page = try item(Self.page)
        let text = try #require(texts(page, .text).first)
        #expect(text.contains("Thanks to all families."))
        for hidden in ["never text", "color: red", "template text", "noscript text", "Robotics night recap"] {
            #expect(!text.contains(hidden), "\(hidden) leaked into the text")
        }
        #expect(texts(page, .imageAlt) == ["Ava Lindqvist holds the trophy", "Trophy moment"])
        #expect(texts(page, .figcaption) == ["The winners"])
    }

    @Test func linksAreAbsoluteHTTPOnly() throws {
        let page = try item(Self.page)
        #expect(page.links == ["https://pine.example/", "https://social.example/@pinehill"])
    }

    @Test func galleryNameOnlyInAltTextIsAnImageAltField() throws {
        let result = runCLI(["items", Repo.path("Samples/pages/northwind-gallery.html")])
        let record = try jsonObject(try #require(result.stdoutLines.first))
        let fields = try #require(record["fields"] as? [[String: String]])
        let withName = fields.filter { $0["text"]?.contains("Maya Okafor") == true }
        #expect(withName.map { $0["origin"] } == ["image-alt"])
    }

    @Test func declaredLatin1IsReadAsWindows1252AndHTTPCharsetWins() throws {
        let body: [UInt8] = Array("<html><head><meta charset=\"iso-8859-1\"><title>".utf8) + [0xC9, 0x74, 0xE9, 0x20, 0x93, 0x6F, 0x6B, 0x94]
            + Array("</title></head><body><p>x</p></body></html>".utf8)
        let latin = try parseDocument(bytes: body, url: "p.html")
        #expect(latin.items.first?.title == "Été “ok”")
        #expect(latin.encoding == "windows-1252")
        let utf8 = Array("<html><head><meta charset=\"iso-8859-1\"><title>Élève</title></head><body></body></html>".utf8)
        let overridden = try parseDocument(bytes: utf8, url: "p.html", contentType: "text/html; charset=utf-8")
        #expect(overridden.items.first?.title == "Élève")
    }

    @Test func brokenMarkupRecoversAndNoCanonicalFallsBackToTheSource() throws {
        let broken = "<html><body><p>One<p>Two & three<li>item</div><script>document.write('Hidden')</script><img alt=unquoted src=x></body>"
        let page = try item(broken, url: "local/page.html")
        #expect(page.url == "local/page.html")
        let text = try #require(texts(page, .text).first)
        #expect(text == "One\nTwo & three\nitem")
        #expect(texts(page, .imageAlt) == ["unquoted"])
    }

    @Test func hostileNestingAndNulBytesAreBounded() throws {
        let deep = "<html><body>" + String(repeating: "<div>", count: 100_000) + "deep" + "</body></html>"
        #expect(try item(deep, url: "deep.html").fields.count <= 2)
        let nul = "<html><body><p>before\u{0}after</p></body></html>"
        #expect(texts(try item(nul, url: "nul.html"), .text) == ["beforeafter"])
    }

    @Test func xhtmlServedAsXMLIsAPage() throws {
        let xhtml = "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>X</title></head><body><p>Hello</p></body></html>"
        #expect(try item(xhtml, url: "x.xhtml").fields.map(\.origin) == [.title, .text])
    }
}

/// Every file in `Samples/pages/` is one item with the canonical URL its manifest row says.
@Suite("Sample pages")
struct SamplePageTests {
    static let manifest: [[String]] = {
        guard let text = try? String(contentsOfFile: Repo.path("Samples/pages/expected/pages.tsv"), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").dropFirst().map { $0.split(separator: "\t").map(String.init) }
    }()

    @Test func manifestListsEveryPage() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Repo.path("Samples/pages")).filter { $0.hasSuffix(".html") }
        #expect(Set(files) == Set(Self.manifest.map { $0[0] }))
    }

    @Test(arguments: manifest)
    func itemsGivesOneItemWithTheCanonicalURL(row: [String]) throws {
        let relative = "Samples/pages/" + row[0]
        let result = runCLI(["items", Repo.path(relative)])
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stdoutLines.count == Int(row[1]))
        let record = try jsonObject(try #require(result.stdoutLines.first))
        let url = (record["url"] as? String)?.replacingOccurrences(of: Repo.root + "/", with: "")
        #expect(url == row[2])
    }
}
