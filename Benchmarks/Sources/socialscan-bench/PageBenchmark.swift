import Foundation
import ScanCore
import ScanParse

/// Page parsing (HTML parser, visible text, meta, OpenGraph, JSON-LD, alts, captions, links)
/// over a directory of pages, next to `xmllint --html --noout` on the same files in one run.
struct PageBenchmark {
    let directory: String
    let runs: Int

    func run() {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".html") }.sorted()
        let paths = names.map { directory + "/" + $0 }
        let documents = paths.compactMap { path in
            FileManager.default.contents(atPath: path).map {
                FetchedDocument(source: path, finalURL: path, status: 200, contentType: nil, body: [UInt8]($0))
            }
        }
        let megabytes = Double(documents.reduce(0) { $0 + $1.body.count }) / 1_048_576
        let parser = DocumentParser()
        var fields = 0
        let ours = (0..<runs).map { _ in
            Measure.seconds {
                fields = 0
                for document in documents { fields += (try? parser.parse(document))?.items.first?.fields.count ?? 0 }
            }
        }
        let theirs = (0..<runs).compactMap { _ in Measure.command("/usr/bin/xmllint", ["--html", "--noout", "--nowarning"] + paths) }
        print(String(format: "%d pages (%.1f MiB, %d text fields), %d runs each", documents.count, megabytes, fields, runs))
        Measure.printThroughput(
            megabytes: megabytes, ours: ours, label: "socialscan pages",
            baseline: theirs, baselineLabel: "xmllint --html --noout", baselineName: "xmllint",
            missing: "not run, or it failed (install libxml2-utils)")
    }
}
