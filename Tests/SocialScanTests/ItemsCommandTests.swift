import Foundation
import Testing

@Suite("items command")
struct ItemsCommandTests {
    @Test func itemRecordHasTheDocumentedKeys() throws {
        let result = runCLI(["items", Repo.path("Samples/feeds/lakeside-school-news.rss")])
        #expect(result.code == 0)
        let record = try jsonObject(try #require(result.stdoutLines.first))
        for key in ["schema", "feed", "id", "url", "title", "published", "published_raw", "updated", "updated_raw", "author", "fields", "media"] {
            #expect(record.keys.contains(key), "missing \(key)")
        }
        let feed = try #require(record["feed"] as? [String: Any])
        #expect(feed["format"] as? String == "rss-2.0")
        #expect(feed["encoding"] as? String == "UTF-8")
        #expect(feed["ill_formed"] as? Bool == false)
        #expect(record["published"] as? String == "2025-05-16T00:30:00Z")
        let origins = (record["fields"] as? [[String: Any]])?.compactMap { $0["origin"] as? String }
        #expect(origins == ["title", "summary", "content", "image-alt", "figcaption"])
    }

    @Test func unreadableDateIsNullWithItsRawText() throws {
        let feed = "<rss version=\"2.0\"><channel><item><title>A</title><pubDate>next Tuesday</pubDate></item></channel></rss>"
        let result = runCLI(["items", try temporaryFile(named: "d.rss", contents: feed)])
        let record = try jsonObject(try #require(result.stdoutLines.first))
        #expect(record["published"] is NSNull)
        #expect(record["published_raw"] as? String == "next Tuesday")
    }

    @Test func failedTargetExitsThreeAndOthersArePrinted() throws {
        let result = runCLI(["items", "/nonexistent.rss", Repo.path("Samples/feeds/northwind-athletics.atom")])
        #expect(result.code == 3)
        #expect(result.stdoutLines.count == 3)
        #expect(result.stderr.contains("/nonexistent.rss"))
    }
}
