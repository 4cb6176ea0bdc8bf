import Foundation
import ScanCore
import Yams

/// One pattern pack file: its rules, and the ids of rules from other packs it turns off.
public struct Pack: Sendable {
    public var file: String
    public var rules: [Rule]
    public var disabled: [String]
}

/// Reads one pack file with Yams' node API, so that every error has a line and column.
struct PackReader {
    static let packKeys = ["pack", "description", "rules", "disable"]
    static let ruleKeys = [
        "id", "category", "policy", "severity", "confidence", "message", "languages", "keywords",
        "regex", "trigger", "context", "exclude", "exclude-scope", "fields", "whole-field", "case-sensitive", "model", "threshold", "examples",
    ]
    static let contextKeys = ["words", "within", "effect", "by", "note"]

    let file: String

    func read(_ yaml: String) throws(PatternError) -> Pack {
        let root: Node
        do {
            guard let composed = try Yams.compose(yaml: yaml) else {
                throw PatternError(file: file, problem: "the pack is empty")
            }
            root = composed
        } catch let error as PatternError {
            throw error
        } catch let error as YamlError {
            throw Self.patternError(from: error, file: file)
        } catch {
            throw PatternError(file: file, problem: "\(error)")
        }
        let pack = try YAMLMapping(root, file: file, what: "a pack")
        try pack.allowOnly(Self.packKeys)
        var rules: [Rule] = []
        for node in try pack.sequence("rules") {
            rules.append(try rule(from: YAMLMapping(node, file: file, what: "a rule")))
        }
        return Pack(file: file, rules: rules, disabled: try pack.strings("disable"))
    }

    private func rule(from map: YAMLMapping) throws(PatternError) -> Rule {
        try map.allowOnly(Self.ruleKeys)
        let id = try map.requiredString("id")
        guard id.range(of: #"^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)+$"#, options: .regularExpression) != nil else {
            throw map.error("rule id '\(id)' must be kebab-case words joined by dots (copyright.stock-credit)")
        }
        let categoryName = try map.requiredString("category")
        guard let category = Category(rawValue: categoryName) else {
            throw map.error("rule \(id): unknown category '\(categoryName)' (known: \(Category.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let severityName = try map.requiredString("severity")
        guard let severity = Severity(rawValue: severityName) else {
            throw map.error("rule \(id): unknown severity '\(severityName)' (known: info, low, medium, high)")
        }
        let keywords = try map.strings("keywords")
        let regex = try map.string("regex")
        var fields: [FieldOrigin] = []
        for name in try map.strings("fields") {
            guard let origin = FieldOrigin(rawValue: name) else {
                throw map.error("rule \(id): unknown field '\(name)' (known: \(FieldOrigin.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            fields.append(origin)
        }
        let wholeField = try map.bool("whole-field") ?? false
        if wholeField && fields.isEmpty { throw map.error("rule \(id): 'whole-field' needs 'fields'") }
        let model = try ruleModel(map, id: id)
        if model != nil, let key = ["keywords", "regex", "whole-field", "trigger", "context", "exclude", "exclude-scope", "case-sensitive"].first(where: { map.node[$0] != nil }) {
            throw map.error("rule \(id): a 'model' rule takes its cues and context from the model; '\(key)' does not apply to it")
        }
        if keywords.isEmpty && regex == nil && !wholeField && model == nil {
            throw map.error("rule \(id): needs 'keywords', 'regex', 'whole-field' or 'model'")
        }
        var trigger: BuiltInTrigger?
        if let name = try map.string("trigger") {
            guard let builtIn = BuiltInTrigger(rawValue: name) else {
                throw map.error("rule \(id): unknown trigger '\(name)' (known: \(BuiltInTrigger.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            trigger = builtIn
        }
        if regex != nil && keywords.isEmpty && trigger == nil {
            throw map.error("rule \(id): a regex rule must say what triggers it: 'keywords', or 'trigger' (\(BuiltInTrigger.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let examples = try map.mapping("examples", what: "examples")
        try examples?.allowOnly(["match", "no-match"])
        let rule = Rule(
            id: id, category: category, policy: try map.requiredString("policy"), severity: severity,
            confidence: try map.number("confidence", in: 0...1) ?? 0.8,
            message: try map.requiredString("message"), languages: try map.strings("languages"),
            keywords: keywords, regex: regex, trigger: trigger, context: try context(map, id: id),
            exclusions: try map.strings("exclude"), exclusionScope: try exclusionScope(map, id: id),
            fields: fields, wholeField: wholeField, caseSensitive: try map.bool("case-sensitive") ?? false, model: model,
            examples: RuleExamples(match: try examples?.strings("match") ?? [], noMatch: try examples?.strings("no-match") ?? []),
            origin: "\(file):\(map.line ?? 0)")
        if rule.examples.match.isEmpty {
            throw map.error("rule \(id): needs at least one 'examples: match:' text")
        }
        do {
            _ = try CompiledRule(rule)
        } catch {
            throw YAMLMapping.error(at: map.node["regex"] ?? map.node, file: file, error.problem)
        }
        return rule
    }

    /// `model:` (a file relative to the pack's directory) and `threshold:` (default 0.5).
    private func ruleModel(_ map: YAMLMapping, id: String) throws(PatternError) -> RuleModel? {
        let threshold = try map.number("threshold", in: 0...1)
        guard let path = try map.string("model") else {
            if threshold != nil { throw map.error("rule \(id): 'threshold' needs 'model'") }
            return nil
        }
        let directory = (file as NSString).deletingLastPathComponent
        let location = path.hasPrefix("/") ? path : (directory.isEmpty ? path : directory + "/" + path)
        do {
            return RuleModel(path: path, file: location, threshold: threshold ?? 0.5, model: try LinearModel(file: location))
        } catch {
            throw YAMLMapping.error(at: map.node["model"] ?? map.node, file: file, "rule \(id): \(error.description)")
        }
    }

    private func exclusionScope(_ map: YAMLMapping, id: String) throws(PatternError) -> ExclusionScope {
        guard let name = try map.string("exclude-scope") else { return .near }
        guard let scope = ExclusionScope(rawValue: name) else {
            throw map.error("rule \(id): exclude-scope must be match or near, not '\(name)'")
        }
        return scope
    }

    private func context(_ map: YAMLMapping, id: String) throws(PatternError) -> [ContextClue] {
        var clues: [ContextClue] = []
        for node in try map.sequence("context") {
            let clue = try YAMLMapping(node, file: file, what: "a context entry")
            try clue.allowOnly(Self.contextKeys)
            let effectName = try clue.requiredString("effect")
            guard let effect = ContextClue.Effect(rawValue: effectName) else {
                throw clue.error("rule \(id): context effect must be raise, lower, require or forbid, not '\(effectName)'")
            }
            let words = try clue.strings("words")
            if words.isEmpty { throw clue.error("rule \(id): a context entry needs 'words'") }
            clues.append(ContextClue(
                words: words, within: Int(try clue.number("within", in: 1...50) ?? 6), effect: effect,
                by: try clue.number("by", in: 0...1) ?? 0.2, note: try clue.string("note")))
        }
        return clues
    }

    private static func patternError(from error: YamlError, file: String) -> PatternError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return PatternError(file: file, line: mark.line, column: mark.column, problem: problem)
        default:
            return PatternError(file: file, problem: "\(error)")
        }
    }
}
