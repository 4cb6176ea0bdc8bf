import ScanTestSupport
import Testing

/// The whole command over many loopback URLs, some faulty: good ones reported, bad ones named.
@Suite("scan over many URLs")
struct ScanOverLoopbackTests {
    @Test func fiftyURLsTenFaulty() throws {
        let server = try LoopbackHTTPServer()
        var urls: [String] = []
        var faulty: [(url: String, reason: String)] = []
        for index in 0..<50 {
            let path = "/feeds/\(index).xml"
            switch index % 5 {
            case 4 where index < 15:
                server.route(path, Response(status: 404, body: "gone"))
                faulty.append((server.url(path), "http-404"))
            case 4 where index < 35:
                server.route(path, .redirect(to: "file:///etc/passwd"))
                faulty.append((server.url(path), "redirect-refused"))
            case 4:
                server.route(path, Response(body: String(repeating: "<p>", count: 100_000)))
                faulty.append((server.url(path), "too-large"))
            default:
                let feed = "<rss version=\"2.0\"><channel><item><guid>i\(index)</guid><title>Post \(index)</title><description>Photo © 2024 Studio \(index)</description></item></channel></rss>"
                server.route(path, .feed(feed, delay: index == 0 ? 0.3 : 0))
            }
            urls.append(server.url(path))
        }
        #expect(faulty.count == 10)
        let result = runCLI(["scan", "--allow-private", "--format", "jsonl", "--retries", "0", "--max-body", "200KB", "--concurrency", "16", "--per-host", "16"] + urls)
        #expect(result.code == 3)
        let findingLines = result.stdoutLines.filter { $0.contains("\"socialscan/finding@1\"") }
        #expect(findingLines.count == 40)
        #expect(result.stdoutLines.count == 50, "40 findings and 10 problem records")
        let errors = result.stderr.split(separator: "\n").map(String.init)
        #expect(errors.count == 10)
        for (url, reason) in faulty {
            #expect(errors.contains { $0.contains(url + ":") && $0.contains("[\(reason)]") }, "\(url) \(reason)")
        }
        // Output keeps argument order even though the first feed answered last.
        let sources = try findingLines.map { try jsonObject($0)["source"] as? [String: Any] }.compactMap { $0?["url"] as? String }
        #expect(sources == urls.filter { url in !faulty.contains { $0.url == url } })
    }
}
