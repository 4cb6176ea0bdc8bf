import Foundation
import ScanCore
import ScanDetect

/// Detect stage throughput: all shipped rules, one thread, over a text corpus (one field per
/// line), next to `rg -c -i -F -f <all literal keywords>` on the same file in the same run.
struct DetectBenchmark {
    /// The file's lines, read one at a time (no whole-file copy).
    static func lines(_ path: String) -> [String]? {
        guard let stream = fopen(path, "rb") else { return nil }
        defer { fclose(stream) }
        var lines: [String] = []
        var buffer: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(buffer) }
        while true {
            let length = getline(&buffer, &capacity, stream)
            guard length > 0, let buffer else { break }
            let bytes = UnsafeRawBufferPointer(start: buffer, count: buffer[length - 1] == 10 ? length - 1 : length)
            lines.append(String(decoding: bytes, as: UTF8.self))
        }
        return lines
    }

    let file: String
    let patterns: String
    let runs: Int

    /// The packs in `patterns`, and a detector with all their rules and one without the model rules.
    static func detectors(_ patterns: String) -> (rules: [Rule], all: PatternDetector, keywordsOnly: PatternDetector) {
        guard let rules = try? PackLoader().load(directories: [patterns]), let all = try? PatternDetector(rules: rules),
            let keywordsOnly = try? PatternDetector(rules: rules.filter { $0.model == nil })
        else { BenchMain.fail("cannot load the pattern packs in \(patterns)") }
        return (rules, all, keywordsOnly)
    }

    func run() {
        let (rules, detector, keywordsOnly) = Self.detectors(patterns)
        // The corpus is read once into one String per line (the form the parse stage hands on), so
        // that only detection is timed and the input is held once.
        guard let fields = Self.lines(file) else { BenchMain.fail("cannot read \(file)") }
        let megabytes = Double(fields.reduce(0) { $0 + $1.utf8.count + 1 }) / 1_048_576
        let (ours, findings) = Self.time(detector, on: fields, runs: runs)
        let keywords = FileManager.default.temporaryDirectory.appendingPathComponent("socialscan-bench-keywords.txt").path
        let literals = Set(rules.flatMap(\.keywords) + ["©", "@"]).sorted()
        FileManager.default.createFile(atPath: keywords, contents: Data(literals.joined(separator: "\n").utf8))
        let theirs = (0..<runs).compactMap { _ in Measure.command("/usr/bin/rg", ["-c", "-i", "-F", "-f", keywords, file]) }
        // `-c` counts matching lines: ripgrep stops reading a line at its first match. Finding
        // every match, as the detector must, is `--count-matches`: the like-for-like baseline.
        let every = (0..<runs).compactMap { _ in Measure.command("/usr/bin/rg", ["--count-matches", "-i", "-F", "-f", keywords, file]) }
        let models = rules.filter { $0.model != nil }.count
        print(String(format: "file: %@ (%.1f MiB, %d fields), %d rules (%d of them models), %d literals, %d runs each", file, megabytes, fields.count, rules.count, models, literals.count, runs))
        func report(_ times: [Double], _ label: String, _ found: Int) {
            Measure.printThroughput(
                megabytes: megabytes, ours: times, label: label, suffix: "  (\(found) findings)",
                baseline: theirs, baselineLabel: "rg -c -i -F -f", baselineName: "rg -c", missing: "not run (install ripgrep)")
            Measure.printBaseline(
                megabytes: megabytes, ours: times, baseline: every, label: "rg --count-matches -i -F -f", name: "rg --count-matches",
                missing: "not run (install ripgrep)")
        }
        report(ours, "socialscan detect", findings)
        if models > 0 {
            // The model rules read the sentences around their cues; the keyword rules alone are
            // the engine ripgrep is compared with.
            let (alone, found) = Self.time(keywordsOnly, on: fields, runs: runs)
            report(alone, "  without the model rules", found)
            // The corpus's filler words are no cues, so above the models only gate. Here every
            // line holds cues, so they read all of it: their cost where every field holds a cue.
            guard let everywhere = try? PatternDetector(rules: Self.readingEveryLine(rules)) else {
                BenchMain.fail("cannot build the detector with widened cues")
            }
            let (reading, readFound) = Self.time(everywhere, on: fields, runs: runs)
            print(String(
                format: "  models reading every line   median %.3f s  %7.1f MB/s  (%d findings; cues added: %@; the models add %.0f%%)",
                Measure.median(reading), megabytes / Measure.median(reading), readFound,
                Self.everyLineCues.joined(separator: ", "), (Measure.median(reading) / Measure.median(alone) - 1) * 100))
        }
        print(String(format: "peak RSS of this process: %.0f MiB (includes the %.0f MiB corpus)", Measure.peakRSSMegabytes(), megabytes))
    }

    /// Words in every line of the generated corpus (`TextCorpus`), in both languages.
    static let everyLineCues = ["the", "our", "les", "de", "la"]

    /// `rules` with `everyLineCues` added to each model's cues.
    static func readingEveryLine(_ rules: [Rule]) -> [Rule] {
        rules.map { rule in
            guard let model = rule.model?.model else { return rule }
            var widened = rule
            widened.model?.model = LinearModel(bias: model.bias, weights: model.weights, cues: model.cues + everyLineCues)
            return widened
        }
    }

    /// The median-ready run times of `detector` over `fields`, and its findings.
    static func time(_ detector: PatternDetector, on fields: [String], runs: Int) -> ([Double], Int) {
        var findings = 0
        var times: [Double] = []
        for _ in 0..<runs {
            findings = 0
            times.append(Measure.seconds {
                for (index, text) in fields.enumerated() {
                    let item = Item(id: String(index), fields: [TextField(origin: .text, text: text)])
                    findings += detector.findings(in: item, source: "bench").count
                }
            })
        }
        return (times, findings)
    }
}
