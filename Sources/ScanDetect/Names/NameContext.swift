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
        if let student = try top.mapping("student-context", what: "'student-context'") {
            try student.allowOnly(["within", "words"])
            studentWithin = Int(try student.number("within", in: 1...50) ?? 10)
            studentWords = PhraseSet(try student.strings("words"))
        }
        if let introducing = try top.mapping("student-introducers", what: "'student-introducers'") {
            try introducing.allowOnly(["within", "words"])
            introducersWithin = Int(try introducing.number("within", in: 1...10) ?? 3)
            introducers = PhraseSet(try introducing.strings("words"))
        }
        if let adult = try top.mapping("adult-context", what: "'adult-context'") {
            try adult.allowOnly(["within", "words"])
            adultWithin = Int(try adult.number("within", in: 1...100) ?? 20)
            adultWords = PhraseSet(try adult.strings("words"))
        }
        if let other = try top.mapping("not-student", what: "'not-student'") {
            try other.allowOnly(["within", "words"])
            notStudentWithin = Int(try other.number("within", in: 1...10) ?? 3)
            notStudentWords = PhraseSet(try other.strings("words"))
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
