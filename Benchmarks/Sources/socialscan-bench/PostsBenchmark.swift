import Foundation
import ScanCore
import ScanDetect

/// Detect stage throughput on posts as people write them: the texts of a labelled evaluation
/// split (JSON Lines, one post per line, their `text`), repeated to `megabytes`, with and without
/// the model rules. The generated corpus is a few dozen school words, none of them a cue of the
/// shipped models; these posts show what the models cost on real wording.
struct PostsBenchmark {
    let directory: String
    let patterns: String
    let megabytes: Int
    let runs: Int

    func run() {
        let (_, detector, keywordsOnly) = DetectBenchmark.detectors(patterns)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { BenchMain.fail("cannot read \(directory)") }
        var posts: [String] = []
        for name in names.sorted() where name.hasSuffix(".jsonl") {
            guard let lines = DetectBenchmark.lines(directory + "/" + name) else { continue }
            for line in lines {
                if let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], let text = object["text"] as? String {
                    posts.append(text)
                }
            }
        }
        guard !posts.isEmpty else { BenchMain.fail("\(directory): no posts") }
        let distinct = posts.count
        let postBytes = posts.reduce(0) { $0 + $1.utf8.count + 1 }
        var fields: [String] = []
        var bytes = 0
        while bytes < megabytes * 1_048_576 {
            fields += posts
            bytes += postBytes
        }
        let size = Double(bytes) / 1_048_576
        let (all, findings) = DetectBenchmark.time(detector, on: fields, runs: runs)
        let (alone, found) = DetectBenchmark.time(keywordsOnly, on: fields, runs: runs)
        print(String(format: "posts: %d from %@, repeated to %.1f MiB (%d fields), %d runs each", distinct, directory, size, fields.count, runs))
        print(String(format: "all rules                     median %.3f s  %7.1f MB/s  (%d findings)", Measure.median(all), size / Measure.median(all), findings))
        print(String(format: "without the model rules       median %.3f s  %7.1f MB/s  (%d findings)", Measure.median(alone), size / Measure.median(alone), found))
        print(String(format: "the model rules add %.0f%%", (Measure.median(all) / Measure.median(alone) - 1) * 100))
    }
}
