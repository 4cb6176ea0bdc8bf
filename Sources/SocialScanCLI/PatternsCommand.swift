import ArgumentParser
import ScanCore
import ScanDetect

/// `socialscan patterns list|test|explain`: the rules, and proof that they do what they say.
struct PatternsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "patterns",
        abstract: "List, test and explain the pattern packs' rules.",
        subcommands: [PatternsListCommand.self, PatternsTestCommand.self, PatternsExplainCommand.self, PatternsTrainCommand.self])
}

/// `patterns list`: one line per rule.
struct PatternsListCommand: ParsableCommand, RunnableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Print every loaded rule, one per line.")

    @OptionGroup var patterns: PatternOptions

    func execute(io: CommandIO) -> Int32 {
        guard let rules = patterns.rulesOrReport(io) else { return ScanOutcome.usageError.rawValue }
        for rule in rules {
            io.stdout.write("\(rule.id)\t\(rule.category.rawValue)\tAP 2-27 \(rule.policy)\t\(rule.severity.rawValue)\t\(rule.confidence)\t\(rule.message)\n")
        }
        return 0
    }
}

/// `patterns explain ID`: one rule in full, with its examples.
struct PatternsExplainCommand: ParsableCommand, RunnableCommand {
    static let configuration = CommandConfiguration(commandName: "explain", abstract: "Print one rule with its examples.")

    @Argument(help: "The rule id, e.g. copyright.stock-credit.")
    var id: String

    @OptionGroup var patterns: PatternOptions

    func execute(io: CommandIO) -> Int32 {
        guard let rules = patterns.rulesOrReport(io) else { return ScanOutcome.usageError.rawValue }
        guard let rule = rules.first(where: { $0.id == id }) else {
            io.diagnose(.error, "no rule '\(id)' (see socialscan patterns list)")
            return ScanOutcome.usageError.rawValue
        }
        var lines = [
            "\(rule.id)  (\(rule.origin))", "  \(rule.message)",
            "  category \(rule.category.rawValue), AP 2-27 \(rule.policy), severity \(rule.severity.rawValue), confidence \(rule.confidence)",
        ]
        if !rule.keywords.isEmpty { lines.append("  keywords: " + rule.keywords.joined(separator: " | ")) }
        if let regex = rule.regex { lines.append("  regex: \(regex)") }
        if let trigger = rule.trigger { lines.append("  trigger: \(trigger.rawValue)") }
        for clue in rule.context { lines.append("  context: \(clue.effect.rawValue) \(clue.by) within \(clue.within) words of: " + clue.words.joined(separator: ", ")) }
        if !rule.exclusions.isEmpty { lines.append("  exclude (\(rule.exclusionScope.rawValue)): " + rule.exclusions.joined(separator: ", ")) }
        if let model = rule.model {
            let weights = model.model.weights
            lines.append("  model: \(model.path) (\(model.file)): \(weights.count) features, finding from probability \(model.threshold)")
            lines.append("  cues (\(model.model.cues.count)): " + model.model.cues.prefix(60).joined(separator: " ") + (model.model.cues.count > 60 ? " …" : ""))
            lines.append("  weigh most for: " + weights.filter { $0.weight > 0 }.prefix(20).map(\.feature).joined(separator: " | "))
            lines.append("  weigh most against: " + weights.filter { $0.weight < 0 }.prefix(20).map(\.feature).joined(separator: " | "))
        }
        if !rule.fields.isEmpty { lines.append("  fields: " + rule.fields.map(\.rawValue).joined(separator: ", ") + (rule.wholeField ? " (the whole field is the match)" : "")) }
        lines += rule.examples.match.map { "  match:    \($0)" } + rule.examples.noMatch.map { "  no-match: \($0)" }
        io.stdout.write(lines.joined(separator: "\n") + "\n")
        return 0
    }
}

/// `patterns test [DIR]`: every example of every rule, against its rule alone.
struct PatternsTestCommand: ParsableCommand, RunnableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run every rule's match and no-match examples; exit 1 if any fails.",
        discussion: "With DIR, only the packs in DIR are tested; without, the shipped packs and any --patterns.")

    @Argument(help: ArgumentHelp("A directory of packs to test.", valueName: "dir"))
    var directory: String?

    @OptionGroup var patterns: PatternOptions

    func execute(io: CommandIO) -> Int32 {
        let loaded: [Rule]?
        if let directory {
            do { loaded = try PackLoader().load(directories: [directory]) } catch {
                io.diagnose(.error, error.description)
                loaded = nil
            }
        } else {
            loaded = patterns.rulesOrReport(io)
        }
        guard let rules = loaded else { return ScanOutcome.usageError.rawValue }
        var passed = 0
        var failed = 0
        for rule in rules {
            for failure in ExampleRunner.failures(of: rule) {
                failed += 1
                io.stdout.write("FAIL \(rule.id) (\(rule.origin)): \(failure)\n")
            }
            passed += rule.examples.match.count + rule.examples.noMatch.count
        }
        if directory == nil {
            do {
                if let names = try patterns.loadNameData(environment: io.environment) {
                    for failure in ExampleRunner.failures(of: names) {
                        failed += 1
                        io.stdout.write("FAIL student-name (names/student-names.yml): \(failure)\n")
                    }
                    passed += names.context.matchExamples.count + names.context.noMatchExamples.count
                }
            } catch {
                io.diagnose(.error, error.description)
                return ScanOutcome.usageError.rawValue
            }
        }
        passed -= failed
        io.stdout.write("patterns: \(rules.count) rules, \(passed) passed, \(failed) failed\n")
        return failed == 0 ? 0 : 1
    }
}

/// Runs a rule's own examples against the rule alone.
enum ExampleRunner {
    /// One line per failing example: which one, and what happened.
    static func failures(of rule: Rule) -> [String] {
        guard let detector = try? PatternDetector(rules: [rule]) else { return ["the rule does not compile"] }
        var failures: [String] = []
        let origin = rule.fields.first ?? .text
        for text in rule.examples.match {
            let found = detector.findings(in: item(text, origin), source: "example").filter { $0.rule == rule.id }
            if found.isEmpty { failures.append("match example did not match: \"\(text)\"") }
        }
        for text in rule.examples.noMatch {
            let found = detector.findings(in: item(text, origin), source: "example")
            if !found.isEmpty {
                failures.append("no-match example matched \(found.map { "\"\($0.match.text)\"" }.joined(separator: ", ")): \"\(text)\"")
            }
        }
        return failures
    }

    /// The failing examples of `student-names.yml` (run without a roster: the context detector).
    static func failures(of names: NameData) -> [String] {
        let detector = StudentNameDetector(roster: nil, staff: nil, data: names, key: nil, today: "2026-01-01")
        func found(_ example: NameContext.Example) -> [Finding] {
            detector.findings(in: item(example.text, FieldOrigin(rawValue: example.field) ?? .content), source: "example")
                .filter { $0.confidence >= 0.5 }
        }
        var failures: [String] = []
        for example in names.context.matchExamples where found(example).isEmpty {
            failures.append("line \(example.line ?? 0): match example did not match: \"\(example.text)\"")
        }
        for example in names.context.noMatchExamples {
            let matched = found(example)
            if !matched.isEmpty {
                failures.append("line \(example.line ?? 0): no-match example matched \(matched.map { "\"\($0.match.text)\"" }.joined(separator: ", ")): \"\(example.text)\"")
            }
        }
        return failures
    }

    /// An example as an item: its text in the first field the rule applies to (else `text`).
    private static func item(_ text: String, _ origin: FieldOrigin) -> Item {
        Item(id: "example", fields: [TextField(origin: origin, text: text)])
    }
}
