import ScanFetch
import ScanTestSupport
import Testing

/// libcurl against a real HTTP server on loopback (real sockets; no mocks).
@Suite("Fetch over loopback")
struct FetchTests {
    static let feed = "<rss version=\"2.0\"><channel><item><title>Poster</title><description>Art © 2024 Studio Nord</description></item></channel></rss>"

    @Test func scanFetchesAFeedFromLoopback() throws {
        let server = try LoopbackHTTPServer(routes: ["/feed.xml": .feed(Self.feed)])
        let result = runCLI(["scan", "--allow-private", "--format", "jsonl", server.url("/feed.xml")])
        #expect(result.code == 1)
        let record = try jsonObject(try #require(result.stdoutLines.first))
        #expect((record["source"] as? [String: Any])?["url"] as? String == server.url("/feed.xml"))
        let request = try #require(server.requests.first)
        #expect(request.method == "GET")
        #expect(request.headers["user-agent"]?.hasPrefix("SocialScan/") == true)
    }

    @Test func httpErrorStatusIsAFailureWithItsReason() throws {
        let server = try LoopbackHTTPServer()
        #expect(throws: FetchError.httpStatus(url: server.url("/missing.xml"), status: 404)) {
            try Fetcher(settings: FetchSettings()).fetch(.url(server.url("/missing.xml")))
        }
    }

    @Test func redirectsAreFollowedAndTheFinalURLKept() throws {
        let server = try LoopbackHTTPServer(routes: ["/feed.xml": .feed(Self.feed)])
        server.route("/old", .redirect(to: server.url("/feed.xml")))
        let document = try Fetcher(settings: FetchSettings()).fetch(.url(server.url("/old")))
        #expect(document.finalURL == server.url("/feed.xml"))
        #expect(document.source == server.url("/old"))
        #expect(document.contentType == "application/rss+xml; charset=utf-8")
    }

    @Test func redirectToFileIsRefused() throws {
        let server = try LoopbackHTTPServer(routes: ["/sneaky": .redirect(to: "file:///etc/passwd")])
        #expect(throws: FetchError.redirectRefused(url: server.url("/sneaky"))) {
            try Fetcher(settings: FetchSettings()).fetch(.url(server.url("/sneaky")))
        }
    }

    @Test func bodyOverTheLimitIsCut() throws {
        let server = try LoopbackHTTPServer(routes: ["/big.xml": Response(body: [UInt8](repeating: 0x41, count: 200_000))])
        var settings = FetchSettings()
        settings.maxBodyBytes = 50_000
        #expect(throws: FetchError.tooLarge(url: server.url("/big.xml"), limit: 50_000)) {
            try Fetcher(settings: settings).fetch(.url(server.url("/big.xml")))
        }
    }

    @Test func slowServerTimesOut() throws {
        let server = try LoopbackHTTPServer(routes: ["/slow.xml": Response(body: Self.feed, delay: 2)])
        var settings = FetchSettings()
        settings.timeout = 0.2
        #expect(throws: FetchError.timeout(url: server.url("/slow.xml"))) {
            try Fetcher(settings: settings).fetch(.url(server.url("/slow.xml")))
        }
    }

    @Test func otherSchemesAreRefusedBeforeFetching() {
        let result = runCLI(["scan", "ftp://files.example/feed.xml"])
        #expect(result.code == 3)
        #expect(result.stderr.contains("unsupported-scheme"))
    }
}
