import ArgumentParser
import Foundation
import ScanCore
import ScanDetect

/// `socialscan eval [DIR]`: precision and recall per category on a labelled evaluation set,
/// counted per (item, category) at the confidence threshold.
struct EvalCommand: ParsableCommand, RunnableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Print precision and recall per category on a labelled set (default Samples/eval, split test).",
        discussion: "DIR holds eval.json ({\"own_holders\": [...]}) and dev/ and test/ folders of JSON Lines: {id, lang, field, text, labels, hard, note}.")

    @Argument(help: ArgumentHelp("The evaluation set.", valueName: "dir"))
    var directory: String?

    @Option(help: "Which split to score: test (to report) or dev (to tune).")
    var split = "test"

    @Flag(help: "List every misclassified item.")
    var showErrors = false

    @OptionGroup var patterns: PatternOptions
    @OptionGroup var detection: DetectionOptions

    func execute(io: CommandIO) -> Int32 {
        let root = directory ?? EvalSet.defaultDirectory
        let set: EvalSet
        do { set = try EvalSet(directory: root, split: split) } catch {
            io.diagnose(.error, "\(error)")
            return ScanOutcome.usageError.rawValue
        }
        guard let rules = patterns.rulesOrReport(io),
            let detector = try? PatternDetector(rules: rules, ownHolders: set.ownHolders + detection.ownHolders)
        else { return ScanOutcome.usageError.rawValue }
        var score = EvalScore()
        for example in set.examples {
            let item = Item(id: example.id, fields: [TextField(origin: FieldOrigin(rawValue: example.field) ?? .text, text: example.text)])
            let predicted = Set(detector.findings(in: item, source: "eval").filter { $0.confidence >= detection.threshold }.map(\.category.rawValue))
            score.add(example, predicted: predicted)
        }
        io.stdout.write(score.table(split: split, threshold: detection.threshold))
        if showErrors { io.stdout.write(score.errors.joined(separator: "\n") + (score.errors.isEmpty ? "" : "\n")) }
        return 0
    }
}

/// A labelled evaluation set on disk.
struct EvalSet {
    struct Example: Decodable {
        var id: String
        var lang: String?
        var field: String
        var text: String
        var labels: [String]
        var hard: Bool?
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// `Samples/eval` in the working directory, else in the source tree.
    static var defaultDirectory: String {
        FileManager.default.fileExists(atPath: "Samples/eval") ? "Samples/eval"
            : (PatternLocator.sourceTreeRoot as NSString).appendingPathComponent("Samples/eval")
    }

    var ownHolders: [String] = []
    var examples: [Example] = []

    init(directory: String, split: String) throws {
        if let data = FileManager.default.contents(atPath: directory + "/eval.json"),
            let config = try? JSONSerialization.jsonObject(with: data) as? [String: Any] {
            ownHolders = config["own_holders"] as? [String] ?? []
        }
        let folder = directory + "/" + split
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            throw Failure(description: "\(folder): no such evaluation split")
        }
        for file in files.filter({ $0.hasSuffix(".jsonl") }).sorted() {
            let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
            for (number, line) in text.split(separator: "\n").enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
                do {
                    examples.append(try JSONDecoder().decode(Example.self, from: Data(line.utf8)))
                } catch {
                    throw Failure(description: "\(folder)/\(file):\(number + 1): not an evaluation item")
                }
            }
        }
    }
}

/// Per-category counts of one evaluation run.
struct EvalScore {
    private var counts: [String: (tp: Int, fp: Int, fn: Int, positives: Int)] = [:]
    private var items = 0
    private(set) var errors: [String] = []

    mutating func add(_ example: EvalSet.Example, predicted: Set<String>) {
        items += 1
        let labels = Set(example.labels)
        for category in labels.union(predicted).union(Category.allCases.map(\.rawValue)) {
            var entry = counts[category] ?? (0, 0, 0, 0)
            let labelled = labels.contains(category)
            let found = predicted.contains(category)
            if labelled { entry.positives += 1 }
            if labelled && found { entry.tp += 1 }
            if !labelled && found { entry.fp += 1; errors.append("false positive \(category): \(example.id): \(example.text)") }
            if labelled && !found { entry.fn += 1; errors.append("missed \(category): \(example.id): \(example.text)") }
            counts[category] = entry
        }
    }

    func table(split: String, threshold: Double) -> String {
        var lines = ["split \(split), \(items) items, min-confidence \(threshold)", "category      positives   TP   FP   FN  precision  recall"]
        for category in Category.allCases.map(\.rawValue) {
            guard let entry = counts[category], entry.positives + entry.fp > 0 else { continue }
            let precision = entry.tp + entry.fp == 0 ? 1 : Double(entry.tp) / Double(entry.tp + entry.fp)
            let recall = entry.positives == 0 ? 1 : Double(entry.tp) / Double(entry.positives)
            lines.append(category.padding(toLength: 13, withPad: " ", startingAt: 0)
                + String(format: " %9d %4d %4d %4d  %9.3f  %6.3f", entry.positives, entry.tp, entry.fp, entry.fn, precision, recall))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
