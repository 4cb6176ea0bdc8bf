import Foundation
import ScanCore
import ScanFetch
import ScanTestSupport
import Testing

/// libcurl against a real HTTP server on loopback (real sockets; no mocks), one test per fault.
/// Settings are in milliseconds and the bounds generous: these are not timed tests.
@Suite("Fetch over loopback")
struct FetchTests {
    static let feed = "<rss version=\"2.0\"><channel><item><title>Poster</title><description>Art © 2024 Studio Nord</description></item></channel></rss>"

    /// Loopback allowed, quick retries, short timeouts.
    static var settings: FetchSettings {
        var settings = FetchSettings()
        settings.allowPrivate = true
        settings.retries = 2
        settings.retryBaseDelay = 0.01
        settings.maxRetryAfter = 0.2
        settings.timeout = 2
        settings.deadline = 10
        return settings
    }

    private func fetch(_ url: String, _ settings: FetchSettings = FetchTests.settings, validators: any ValidatorStore = InMemoryValidatorStore()) -> FetchReport {
        Fetcher(settings: settings, validators: validators).fetchReport(.url(url))
    }

    private func failure(_ report: FetchReport) -> FetchError? {
        if case .failure(let error) = report.result { return error }
        return nil
    }

    private func document(_ report: FetchReport) -> FetchedDocument? {
        if case .success(.fetched(let document)) = report.result { return document }
        return nil
    }

    @Test func scanFetchesAFeedFromLoopback() throws {
        let server = try LoopbackHTTPServer(routes: ["/feed.xml": .feed(Self.feed)])
        let result = runCLI(["scan", "--allow-private", "--format", "jsonl", server.url("/feed.xml")])
        #expect(result.code == 1)
        let record = try jsonObject(try #require(result.stdoutLines.first))
        #expect((record["source"] as? [String: Any])?["url"] as? String == server.url("/feed.xml"))
        let request = try #require(server.requests.first)
        #expect(request.method == "GET")
        #expect(request.headers["user-agent"] == "SocialScan/0.1 (+https://socialscan.example/about)")
        #expect(request.headers["accept-encoding"]?.contains("gzip") == true)
    }

    @Test func notFoundIsNotRetried() throws {
        let server = try LoopbackHTTPServer()
        let report = fetch(server.url("/missing.xml"))
        #expect(failure(report) == .httpStatus(url: server.url("/missing.xml"), status: 404))
        #expect(report.attempts == 1)
        #expect(server.requests.count == 1)
    }

    @Test func serverErrorThenSuccessIsRetried() throws {
        let server = try LoopbackHTTPServer()
        server.route("/flaky.xml", [Response(status: 500, body: "oops"), .feed(Self.feed)])
        let report = fetch(server.url("/flaky.xml"))
        #expect(document(report)?.body == Array(Self.feed.utf8))
        #expect(report.attempts == 2)
        #expect(report.bodyBytes == Self.feed.utf8.count)
    }

    @Test func persistentServerErrorGivesUpAfterTheRetries() throws {
        let server = try LoopbackHTTPServer(routes: ["/down.xml": Response(status: 503, body: "down")])
        let report = fetch(server.url("/down.xml"))
        #expect(failure(report)?.reason == "http-503")
        #expect(report.attempts == 3)
        #expect(server.requests.count == 3)
    }

    @Test func tooManyRequestsHonoursRetryAfterUpToTheCap() throws {
        let server = try LoopbackHTTPServer()
        server.route("/busy.xml", [Response(status: 429, headers: [("Retry-After", "30")], body: ""), .feed(Self.feed)])
        let report = fetch(server.url("/busy.xml"))
        #expect(document(report) != nil)
        #expect(report.attempts == 2)
        let times = server.requests.map(\.time)
        try #require(times.count == 2)
        #expect(times[1] - times[0] >= 0.15, "waited the capped Retry-After (0.2 s), not 30 s")
        #expect(times[1] - times[0] < 5)
    }

    @Test func delayedAnswerTimesOutAndIsRetried() throws {
        let server = try LoopbackHTTPServer(routes: ["/slow.xml": .feed(Self.feed, delay: 1.5)])
        var settings = Self.settings
        settings.timeout = 0.2
        settings.retries = 1
        let report = fetch(server.url("/slow.xml"), settings)
        #expect(failure(report) == .timeout(url: server.url("/slow.xml")))
        #expect(report.attempts == 2)
    }

    @Test func slowDripIsCutByTheTimeout() throws {
        let body = [UInt8](repeating: 0x20, count: 20_000)
        let server = try LoopbackHTTPServer(routes: ["/drip.xml": Response(body: body, fault: .drip(chunk: 10, interval: 0.05))])
        var settings = Self.settings
        settings.timeout = 0.3
        settings.retries = 0
        let report = fetch(server.url("/drip.xml"), settings)
        #expect(failure(report)?.reason == "timeout")
    }

    @Test func resetMidBodyIsAConnectionFailureAndRetried() throws {
        let server = try LoopbackHTTPServer()
        server.route("/reset.xml", [Response(body: String(repeating: "x", count: 50_000), fault: .resetAfter(bytes: 1000)), .feed(Self.feed)])
        let report = fetch(server.url("/reset.xml"))
        #expect(document(report) != nil)
        #expect(report.attempts == 2)

        server.route("/always-reset.xml", Response(body: String(repeating: "x", count: 50_000), fault: .resetAfter(bytes: 1000)))
        var settings = Self.settings
        settings.retries = 0
        #expect(failure(fetch(server.url("/always-reset.xml"), settings))?.reason == "connection-reset")
    }

    @Test func matchingETagGivesNotModified() throws {
        let server = try LoopbackHTTPServer(routes: ["/feed.xml": Response(body: Self.feed, etag: "\"v1\"")])
        let store = InMemoryValidatorStore()
        let first = fetch(server.url("/feed.xml"), validators: store)
        #expect(document(first) != nil)
        #expect(store.validators(for: server.url("/feed.xml"))?.etag == "\"v1\"")
        let second = fetch(server.url("/feed.xml"), validators: store)
        guard case .success(.notModified) = second.result else {
            Issue.record("expected not modified, got \(second.result)")
            return
        }
        #expect(server.requests.last?.headers["if-none-match"] == "\"v1\"")
    }

    @Test func redirectsAreFollowedAndTheFinalURLKept() throws {
        let server = try LoopbackHTTPServer(routes: ["/feed.xml": .feed(Self.feed)])
        server.route("/old", .redirect(to: server.url("/older")))
        server.route("/older", .redirect(to: "/feed.xml", status: 301))
        let fetched = try #require(document(fetch(server.url("/old"))))
        #expect(fetched.finalURL == server.url("/feed.xml"))
        #expect(fetched.source == server.url("/old"))
        #expect(fetched.contentType == "application/rss+xml; charset=utf-8")
    }

    @Test func redirectLoopsAndLongChainsStop() throws {
        let server = try LoopbackHTTPServer()
        server.route("/a", .redirect(to: "/b"))
        server.route("/b", .redirect(to: "/a"))
        for step in 0..<7 { server.route("/chain\(step)", .redirect(to: "/chain\(step + 1)")) }
        #expect(failure(fetch(server.url("/a")))?.reason == "too-many-redirects")
        #expect(failure(fetch(server.url("/chain0")))?.reason == "too-many-redirects")
    }

    @Test(arguments: ["file:///etc/passwd", "ftp://files.example/feed.xml", "gopher://old.example/1"])
    func redirectToOtherSchemesIsRefused(location: String) throws {
        let server = try LoopbackHTTPServer(routes: ["/sneaky": .redirect(to: location)])
        let report = fetch(server.url("/sneaky"))
        #expect(failure(report) == .redirectRefused(url: server.url("/sneaky")))
        #expect(report.attempts == 1)
    }

    @Test func gzipBodyIsDecoded() throws {
        let zipped = try Data(contentsOf: URL(fileURLWithPath: Repo.path("Tests/SocialScanTests/Fixtures/feed.xml.gz")))
        let server = try LoopbackHTTPServer(routes: ["/z.xml": Response(headers: [("Content-Encoding", "gzip")], body: [UInt8](zipped))])
        let fetched = try #require(document(fetch(server.url("/z.xml"))))
        #expect(String(decoding: fetched.body, as: UTF8.self).contains("Studio Nord"))
    }

    @Test func gzipBombIsCutAtTheLimit() throws {
        let bomb = try Data(contentsOf: URL(fileURLWithPath: Repo.path("Tests/SocialScanTests/Fixtures/zeros-32mib.gz")))
        let server = try LoopbackHTTPServer(routes: ["/bomb.xml": Response(headers: [("Content-Encoding", "gzip")], body: [UInt8](bomb))])
        var settings = Self.settings
        settings.maxBodyBytes = 1 << 20
        let report = fetch(server.url("/bomb.xml"), settings)
        #expect(failure(report) == .tooLarge(url: server.url("/bomb.xml"), limit: 1 << 20))
        #expect(report.attempts == 1)
        #expect(report.bodyBytes <= 1 << 20, "decoded bytes cut at the limit, not 32 MiB")
    }

    @Test func chunkedOversizeBodyIsCut() throws {
        let body = [UInt8](repeating: 0x41, count: 3 << 20)
        let server = try LoopbackHTTPServer(routes: ["/big.xml": Response(body: body, fault: .chunked)])
        var settings = Self.settings
        settings.maxBodyBytes = 1 << 20
        let report = fetch(server.url("/big.xml"), settings)
        #expect(failure(report) == .tooLarge(url: server.url("/big.xml"), limit: 1 << 20))
        #expect(report.bodyBytes <= 1 << 20, "bytes cut at the limit, not 3 MiB")
    }

    @Test func wrongContentTypeStillParsesByContent() throws {
        let server = try LoopbackHTTPServer(routes: ["/feed": Response(headers: [("Content-Type", "image/png")], body: Self.feed)])
        let result = runCLI(["scan", "--allow-private", "--format", "jsonl", server.url("/feed")])
        #expect(result.code == 1)
        #expect(result.stdoutLines.count == 1)
    }

    @Test func privateAddressesAreRefusedWithoutTheFlag() throws {
        let server = try LoopbackHTTPServer(routes: ["/feed.xml": .feed(Self.feed)])
        var settings = Self.settings
        settings.allowPrivate = false
        let report = fetch(server.url("/feed.xml"), settings)
        #expect(failure(report) == .privateAddress(url: server.url("/feed.xml")))
        #expect(server.requests.isEmpty)
        let result = runCLI(["scan", server.url("/feed.xml")])
        #expect(result.code == 3)
        #expect(result.stderr.contains("private-address"))
    }

    @Test func tlsFailureIsNamed() throws {
        let server = try LoopbackHTTPServer(routes: ["/feed.xml": .feed(Self.feed)])
        var settings = Self.settings
        settings.retries = 0
        let report = fetch(server.url("/feed.xml").replacingOccurrences(of: "http://", with: "https://"), settings)
        #expect(failure(report)?.reason == "tls")
    }

    @Test func deadlineBoundsRetries() throws {
        let server = try LoopbackHTTPServer(routes: ["/down.xml": Response(status: 500, body: "", delay: 0.1)])
        var settings = Self.settings
        settings.retries = 50
        settings.retryBaseDelay = 0.05
        settings.deadline = 0.8
        let started = Date()
        let report = fetch(server.url("/down.xml"), settings)
        // The last attempt may be cut by the deadline itself (a timeout) or end with the 500.
        #expect(["http-500", "timeout"].contains(failure(report)?.reason ?? ""))
        #expect(report.attempts < 10)
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test func perHostLimitIsRespected() throws {
        let server = try LoopbackHTTPServer()
        var urls: [(index: Int, url: String)] = []
        for index in 0..<6 {
            server.route("/f\(index).xml", .feed(Self.feed, delay: 0.15))
            urls.append((index, server.url("/f\(index).xml")))
        }
        var settings = Self.settings
        settings.perHost = 2
        settings.concurrency = 8
        let session = FetchSession(settings: settings)
        session.start(urls)
        for index in 0..<6 { #expect(document(session.report(at: index)) != nil) }
        #expect(server.maxConcurrentRequests <= 2)
        #expect(server.maxConcurrentRequests >= 1)
    }
}
