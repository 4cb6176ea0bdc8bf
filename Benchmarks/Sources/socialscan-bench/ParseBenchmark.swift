import Foundation
import ScanCore
import ScanParse

/// Parse stage throughput (parsing plus text extraction, in process) next to `xmllint --noout`
/// on the same file, in the same invocation. Prints medians, the ratio, and peak RSS.
struct ParseBenchmark {
    let file: String
    let runs: Int

    func run() {
        guard let data = FileManager.default.contents(atPath: file) else { BenchMain.fail("cannot read \(file)") }
        let bytes = [UInt8](data)
        let megabytes = Double(bytes.count) / 1_048_576
        let document = FetchedDocument(source: file, finalURL: file, status: 200, contentType: nil, body: bytes)
        let parser = DocumentParser(limits: ParseLimits(maxItems: .max))

        var ours: [Double] = []
        var items = 0
        var fields = 0
        for _ in 0..<runs {
            ours.append(Measure.seconds {
                let parsed = try? parser.parse(document)
                items = parsed?.items.count ?? 0
                fields = parsed?.items.reduce(0) { $0 + $1.fields.count } ?? 0
            })
        }
        let theirs = (0..<runs).compactMap { _ in Measure.command("/usr/bin/xmllint", ["--noout", "--nonet", file]) }

        print(String(format: "file: %@ (%.1f MiB, %d items, %d text fields), %d runs each", file, megabytes, items, fields, runs))
        Measure.printThroughput(
            megabytes: megabytes, ours: ours, label: "socialscan parse+extract",
            baseline: theirs, baselineLabel: "xmllint --noout", baselineName: "xmllint", missing: "not run (install libxml2-utils)")
        print(String(format: "peak RSS of this process: %.0f MiB (includes the %.0f MiB input, read once)", Measure.peakRSSMegabytes(), megabytes))
    }
}
