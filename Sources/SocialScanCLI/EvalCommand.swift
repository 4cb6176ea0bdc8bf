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
        discussion: """
            DIR holds eval.json and dev/ and test/ folders of JSON Lines: {id, lang, field, text, labels, hard, \
            note, published}. eval.json names own_holders, the roster, staff list and roster key file \
            (paths relative to DIR), categories_by_file (a category scored only in the files listed) and \
            files_scored_for (a file labelled for the categories listed only).
            """)

    @Argument(help: ArgumentHelp("The evaluation set.", valueName: "dir"))
    var directory: String?

    @Option(help: "Which split to score: test (to report) or dev (to tune).")
    var split = "test"

    @Flag(help: "List every misclassified item.")
    var showErrors = false

    @Flag(help: "Score student names without the roster and staff list (the context detector alone).")
    var noRoster = false

    @OptionGroup var patterns: PatternOptions
    @OptionGroup var detection: DetectionOptions

    func execute(io: CommandIO) -> Int32 {
        let root = directory ?? EvalSet.defaultDirectory
        let set: EvalSet
        do { set = try EvalSet(directory: root, split: split) } catch {
            io.diagnose(.error, "\(error)")
            return ScanOutcome.usageError.rawValue
        }
        guard let rules = patterns.rulesOrReport(io) else { return ScanOutcome.usageError.rawValue }
        var detectors: [any Detector] = []
        do {
            let names = try patterns.loadNameData(environment: io.environment)
            detectors.append(try PatternDetector(rules: rules, ownHolders: set.ownHolders + detection.ownHolders, names: names))
            if let names { detectors.append(try set.studentNameDetector(names: names, withRoster: !noRoster)) }
        } catch {
            io.diagnose(.error, "\(error)")
            return ScanOutcome.usageError.rawValue
        }
        let detector = DetectorChain(detectors)
        var score = EvalScore()
        for example in set.examples {
            let published = example.published.map { ItemDate(rfc3339: $0 + "T12:00:00Z", raw: $0) }
            let item = Item(
                id: example.id, published: published,
                fields: [TextField(origin: FieldOrigin(rawValue: example.field) ?? .text, text: example.text)])
            let predicted = Set(detector.findings(in: item, source: "eval").filter { $0.confidence >= detection.threshold }.map(\.category.rawValue))
            score.add(example, predicted: predicted.filter { set.scores($0, in: example.file) })
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
        var published: String?
        /// The file the example came from (not in the JSON).
        var file = ""

        enum CodingKeys: String, CodingKey {
            case id, lang, field, text, labels, hard, published
        }
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
    var directory = ""
    var config: [String: Any] = [:]
    /// Categories scored only in some files (file names).
    var categoriesByFile: [String: [String]] = [:]
    /// Files labelled for some categories only: the others are not scored on them.
    var filesScoredFor: [String: [String]] = [:]

    init(directory: String, split: String) throws {
        self.directory = directory
        if let data = FileManager.default.contents(atPath: directory + "/eval.json"),
            let config = try? JSONSerialization.jsonObject(with: data) as? [String: Any] {
            self.config = config
            ownHolders = config["own_holders"] as? [String] ?? []
            categoriesByFile = config["categories_by_file"] as? [String: [String]] ?? [:]
            filesScoredFor = config["files_scored_for"] as? [String: [String]] ?? [:]
        }
        let folder = directory + "/" + split
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            throw Failure(description: "\(folder): no such evaluation split")
        }
        for file in files.filter({ $0.hasSuffix(".jsonl") }).sorted() {
            let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
            for (number, line) in text.split(separator: "\n").enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
                do {
                    var example = try JSONDecoder().decode(Example.self, from: Data(line.utf8))
                    example.file = file
                    examples.append(example)
                } catch {
                    throw Failure(description: "\(folder)/\(file):\(number + 1): not an evaluation item")
                }
            }
        }
    }
}

extension EvalSet {
    /// Whether `category` is scored on examples from `file`.
    func scores(_ category: String, in file: String) -> Bool {
        (categoriesByFile[category].map { $0.contains(file) } ?? true) && (filesScoredFor[file].map { $0.contains(category) } ?? true)
    }

    /// The student-name detector with the set's roster, staff list and key (or none of them).
    func studentNameDetector(names: NameData, withRoster: Bool) throws -> StudentNameDetector {
        func path(_ key: String) -> String? { (config[key] as? String).map { directory + "/" + $0 } }
        guard withRoster, let rosterPath = path("roster"), let keyPath = path("roster_key_file") else {
            return StudentNameDetector(roster: nil, staff: nil, data: names, key: nil, today: "2026-01-01")
        }
        guard let key = try RosterKey.load(keyFile: keyPath, environment: [:]) else { throw Failure(description: "\(keyPath): no key") }
        let roster = HashedRoster(roster: try RosterReader().students(path: rosterPath), key: key, nicknames: names.nicknames)
        let staff = try path("staff").map { HashedRoster(roster: try RosterReader().staff(path: $0), key: key, nicknames: names.nicknames) }
        return StudentNameDetector(roster: roster, staff: staff, data: names, key: key, today: "2026-01-01")
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
