import Foundation
import ScanFetch
import ScanTestSupport

/// Fetch stage wall time for many delayed loopback feeds spread over several loopback
/// addresses, next to the ideal (feeds x delay / concurrency) in the same run.
struct FetchBenchmark {
    let feeds: Int
    let hosts: Int
    let delay: Double
    let concurrency: Int

    func run() {
        let feed = "<rss version=\"2.0\"><channel><item><title>Bench</title><description>Fetch benchmark item.</description></item></channel></rss>"
        var servers: [LoopbackHTTPServer] = []
        for host in 1...hosts {
            guard let server = try? LoopbackHTTPServer(host: "127.0.0.\(host)") else { BenchMain.fail("cannot listen on 127.0.0.\(host)") }
            servers.append(server)
        }
        var urls: [(index: Int, url: String)] = []
        for index in 0..<feeds {
            let server = servers[index % hosts]
            server.route("/feed\(index).xml", .feed(feed, delay: delay))
            urls.append((index, server.url("/feed\(index).xml")))
        }
        var settings = FetchSettings()
        settings.allowPrivate = true
        settings.concurrency = concurrency
        let ideal = Double(feeds) * delay / Double(concurrency)
        var fetched = 0
        let wall = Measure.seconds {
            let session = FetchSession(settings: settings)
            session.start(urls)
            for index in 0..<feeds {
                if case .success = session.report(at: index).result { fetched += 1 }
            }
        }
        print(String(format: "%d feeds x %.0f ms delay over %d loopback addresses, --concurrency %d, --per-host %d",
                     feeds, delay * 1000, hosts, concurrency, settings.perHost))
        print(String(format: "socialscan fetch   wall %.3f s  (%d fetched)", wall, fetched))
        print(String(format: "ideal              wall %.3f s  (feeds x delay / concurrency)", ideal))
        print(String(format: "ratio (wall / ideal): %.2f", wall / ideal))
        print(String(format: "peak RSS of this process: %.0f MiB (includes the %d in-process test servers)", Measure.peakRSSMegabytes(), hosts))
    }
}
