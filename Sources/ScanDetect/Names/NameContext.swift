import Foundation
import Yams

/// The words around a name that make it a student's or someone else's, read from
/// `Patterns/names/student-names.yml`, with that file's examples.
public struct NameContext: Sendable {
    /// One example of the file: a text, and the field it sits in.
    public struct Example: Sendable {
        public var text: String
        public var field: String
        public var line: Int?
    }

    var studentWords = PhraseSet()
    var studentWithin = 10
    var introducers = PhraseSet()
    var introducersWithin = 3
    var notStudentWords = PhraseSet()
    var notStudentWithin = 3
    var notASurname = WordSet()
    var notAlone = WordSet()
    var notAfter = WordSet()
    var surnameParticles = WordSet()
    var studentVerbs = WordSet()
    var adultWords = PhraseSet()
    var adultWithin = 20
    /// Famous names, by the key of all their words, and the words they contain.
    var famous = WordSet()
    var famousWords = WordSet()
    public var matchExamples: [Example] = []
    public var noMatchExamples: [Example] = []

    public init() {}

    /// Reads the file; every error names file, line and column.
    public init(file: String) throws(PatternError) {
        guard let data = FileManager.default.contents(atPath: file), let yaml = String(data: data, encoding: .utf8) else {
            throw PatternError(file: file, problem: "cannot be read as UTF-8 text")
        }
        let root: Node
        do {
            guard let composed = try Yams.compose(yaml: yaml) else { throw PatternError(file: file, problem: "is empty") }
            root = composed
        } catch let error as PatternError {
            throw error
        } catch {
            throw PatternError(file: file, problem: "is not valid YAML: \(error)")
        }
        let top = try YAMLMapping(root, file: file, what: "the student-name context")
        try top.allowOnly(["student-context", "student-introducers", "not-student", "not-a-surname", "not-alone", "not-after", "surname-particles", "student-verbs", "adult-context", "famous", "examples"])
        if let window = try Self.window(top, "student-context", within: 1...50) {
            (studentWithin, studentWords) = (window.within ?? 10, window.words)
        }
        if let window = try Self.window(top, "student-introducers", within: 1...10) {
            (introducersWithin, introducers) = (window.within ?? 3, window.words)
        }
        if let window = try Self.window(top, "adult-context", within: 1...100) {
            (adultWithin, adultWords) = (window.within ?? 20, window.words)
        }
        if let window = try Self.window(top, "not-student", within: 1...10) {
            (notStudentWithin, notStudentWords) = (window.within ?? 3, window.words)
        }
        notASurname = WordSet(try top.strings("not-a-surname").map(NameForms.folded))
        notAlone = WordSet(try top.strings("not-alone").map(NameForms.folded))
        studentVerbs = WordSet(try top.strings("student-verbs").map(NameForms.folded))
        surnameParticles = WordSet(try top.strings("surname-particles").map(NameForms.folded))
        notAfter = WordSet(try top.strings("not-after").map(NameForms.folded))
        let famousNames = try top.strings("famous")
        famous = WordSet(famousNames.map(NameForms.folded))
        famousWords = WordSet(famousNames.flatMap(NameTokenizer.words))
        if let examples = try top.mapping("examples", what: "'examples'") {
            try examples.allowOnly(["match", "no-match"])
            matchExamples = try Self.examples(examples.sequence("match"), file: file)
            noMatchExamples = try Self.examples(examples.sequence("no-match"), file: file)
        }
    }

    /// A `within` + `words` section (a context window), if the file has it.
    private static func window(
        _ top: YAMLMapping, _ key: String, within range: ClosedRange<Double>
    ) throws(PatternError) -> (within: Int?, words: PhraseSet)? {
        guard let section = try top.mapping(key, what: "'\(key)'") else { return nil }
        try section.allowOnly(["within", "words"])
        return (try section.number("within", in: range).map { Int($0) }, PhraseSet(try section.strings("words")))
    }

    private static func examples(_ nodes: [Node], file: String) throws(PatternError) -> [Example] {
        var result: [Example] = []
        for node in nodes {
            let example = try YAMLMapping(node, file: file, what: "an example")
            try example.allowOnly(["text", "field"])
            result.append(Example(
                text: try example.requiredString("text"), field: try example.string("field") ?? "content", line: example.line))
        }
        return result
    }
}
