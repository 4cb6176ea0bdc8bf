import Yams

/// Typed reads from one YAML mapping, every error naming file, line and column.
struct YAMLMapping {
    let node: Node
    let file: String

    init(_ node: Node, file: String, what: String) throws(PatternError) {
        guard node.mapping != nil else { throw Self.error(at: node, file: file, "\(what) must be a mapping") }
        self.node = node
        self.file = file
    }

    /// Rejects keys outside `known`, so that a typo is an error rather than a silent no-op.
    func allowOnly(_ known: [String]) throws(PatternError) {
        for (key, _) in node.mapping ?? Node.Mapping([]) {
            let name = key.string ?? ""
            if !known.contains(name) {
                throw Self.error(at: key, file: file, "unknown key '\(name)' (known: \(known.joined(separator: ", ")))")
            }
        }
    }

    func string(_ key: String) throws(PatternError) -> String? {
        guard let value = node[key] else { return nil }
        guard let scalar = value.scalar else { throw Self.error(at: value, file: file, "'\(key)' must be text") }
        return scalar.string
    }

    func requiredString(_ key: String) throws(PatternError) -> String {
        guard let text = try string(key), !text.isEmpty else {
            throw Self.error(at: node, file: file, "missing '\(key)'")
        }
        return text
    }

    func strings(_ key: String) throws(PatternError) -> [String] {
        guard let value = node[key] else { return [] }
        if let scalar = value.scalar { return [scalar.string] }
        guard let sequence = value.sequence else {
            throw Self.error(at: value, file: file, "'\(key)' must be a list of texts")
        }
        var result: [String] = []
        for element in sequence {
            guard let scalar = element.scalar else {
                throw Self.error(at: element, file: file, "each entry of '\(key)' must be text")
            }
            result.append(scalar.string)
        }
        return result
    }

    func number(_ key: String, in range: ClosedRange<Double>) throws(PatternError) -> Double? {
        guard let value = node[key] else { return nil }
        guard let text = value.scalar?.string, let number = Double(text), range.contains(number) else {
            throw Self.error(at: value, file: file, "'\(key)' must be a number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    func bool(_ key: String) throws(PatternError) -> Bool? {
        guard let value = node[key] else { return nil }
        switch value.scalar?.string.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default: throw Self.error(at: value, file: file, "'\(key)' must be true or false")
        }
    }

    func mapping(_ key: String, what: String) throws(PatternError) -> YAMLMapping? {
        guard let value = node[key] else { return nil }
        return try YAMLMapping(value, file: file, what: what)
    }

    func sequence(_ key: String) throws(PatternError) -> [Node] {
        guard let value = node[key] else { return [] }
        guard let sequence = value.sequence else { throw Self.error(at: value, file: file, "'\(key)' must be a list") }
        return Array(sequence)
    }

    var line: Int? { node.mark?.line }

    func error(_ problem: String) -> PatternError {
        Self.error(at: node, file: file, problem)
    }

    static func error(at node: Node, file: String, _ problem: String) -> PatternError {
        PatternError(file: file, line: node.mark?.line, column: node.mark?.column, problem: problem)
    }
}
