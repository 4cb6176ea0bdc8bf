import Foundation
import ScanCore
@testable import ScanDetect
import ScanTestSupport
import Testing

/// Model rules: the features, the model file, training, where a model looks in a field, and
/// that the shipped models are what training writes from the dev split.
@Suite("Model rules")
struct ModelRuleTests {
    /// The features' two spellings agree: the keys the scorer computes from hashes are the keys
    /// of the names training writes, in the same order, on texts of every kind.
    @Test func featureKeysMatchFeatureNames() {
        for var text in Self.randomTexts(seed: 17, count: 500) {
            let words = text.withUTF8 { ModelText(utf8: $0) }
            let hashed = text.withUTF8 { ModelText(utf8: $0, keepingText: false) }
            for start in [0, min(1, words.words.count)] {
                let range = start..<words.words.count
                let expected = ModelFeatures.names(of: words, in: range).map(ModelFeatures.key(of:))
                var keys: [UInt64] = []
                let total = ModelFeatures.keys(of: hashed, in: range) { keys.append($0) }
                #expect(keys == expected, "\(text)")
                #expect(total == expected.count)
            }
        }
    }

    /// The scorer (a known word's weight and its starts' at once) gives what the feature names
    /// and their weights give, for a model that knows some words, starts, pairs and stem pairs,
    /// some of them written twice (their weights add up), on ranges anywhere in the text.
    @Test func scoresMatchTheFeatureNames() {
        var texts = Self.randomTexts(seed: 29, count: 300)
        var random = SplitMix64(seed: 31)
        var weights: [(String, Double)] = []
        for index in texts.indices {
            let words = texts[index].withUTF8 { ModelText(utf8: $0) }
            for name in ModelFeatures.names(of: words, in: 0..<words.words.count) where random.next() % 3 == 0 {
                weights.append((name, Double(Int(random.next() % 2001) - 1000) / 250))
            }
        }
        let model = LinearModel(bias: -0.75, weights: weights, cues: ["x"])
        let byName = Dictionary(weights.map { ($0.0, Float($0.1)) }, uniquingKeysWith: +)
        for index in texts.indices {
            let words = texts[index].withUTF8 { ModelText(utf8: $0) }
            let hashed = texts[index].withUTF8 { ModelText(utf8: $0, keepingText: false) }
            let count = words.words.count
            for range in [0..<count, min(2, count)..<count, 0..<max(0, count - 3), min(1, count)..<max(min(1, count), count - 1)] {
                let names = ModelFeatures.names(of: words, in: range)
                let sum = names.reduce(0.0) { $0 + Double(byName[$1] ?? 0) }
                let expected = names.isEmpty ? -0.75 : -0.75 + sum / Double(names.count).squareRoot()
                #expect(abs(model.logit(of: hashed, in: range) - expected) < 1e-4, "\(texts[index]) \(range)")
            }
        }
    }

    /// Every stored key is found with its weight (weights of one key add up), among many keys.
    @Test func featureTableKeepsEveryKey() {
        var random = SplitMix64(seed: 43)
        let entries = (0..<100_000).map { index in (random.next(), Float(index % 97) - 48) }
        let table = FeatureTable(entries + entries.prefix(10))
        for (index, entry) in entries.enumerated() {
            #expect(table.find(entry.0) == entry.1 * (index < 10 ? 2 : 1))
        }
    }

    /// In text without word edges (CJK punctuation around the cue), the model still reads the
    /// reach around its cue, not the cue's first letter.
    @Test func readsAroundACueWithoutWordEdges() throws {
        let model = LinearModel(bias: -3, weights: [("skimming", 8), ("stole", 8)], cues: ["skimming", "stole"])
        let rule = Rule(
            id: "local.model", category: .defamation, policy: "2.2", severity: .medium, confidence: 0.55, message: "A model.",
            model: RuleModel(path: "m.model", file: "m.model", threshold: 0.6, model: model))
        let detector = try PatternDetector(rules: [rule])
        let text = String(repeating: "「", count: 60) + "skimming" + String(repeating: "」「", count: 10) + "stole" + String(repeating: "」", count: 200)
        let found = detector.findings(in: Item(id: "c", fields: [TextField(origin: .content, text: text)]), source: "t")
        #expect(found.contains { $0.match.text.contains("skimming") && $0.match.text.contains("stole") })
    }

    /// Texts of words of every kind: accents, ligatures, digits, long words (read eight bytes at
    /// a time) and words with an accent after their first eight bytes, emoji, CJK, punctuation.
    private static func randomTexts(seed: UInt64, count: Int) -> [String] {
        let pieces = ["Mme", "Lévesque", "a", "volé", "l'argent", "de", "la", "caisse", "!", "STOLE", "œuvre", "naïve",
                      "3e", "2024", "skimming", "cash-box", "…", "é", "Ça", "x", "supercalifragilistic", "\n", "«", "»",
                      "ÉLÈVE", "dont", "t'es", "😀", "日本", "___", "o'neil", "straße",
                      "absences", "Accountability", "abcdefghijklmnop", "R2D2x", "Entraînement", "harcèlement", "2024-2025"]
        var random = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            let words = Int(random.next() % 30)
            return (0..<words).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }
                .joined(separator: random.next() % 3 == 0 ? "" : " ")
        }
    }

    @Test func sourceRangesCountTheOffset() {
        var text = "pocketed it"
        let words = text.withUTF8 { ModelText(utf8: $0, offset: 7) }
        #expect(words.words.map(\.source) == [7..<15, 16..<18])
    }

    /// A field made of cues (1 MB, 60,000 cues, no sentence end) is read in bounded parts; a
    /// quadratic step (each window checked against every finding so far) would not finish.
    @Test(.timeLimit(.minutes(1))) func aFieldOfCuesIsReadInParts() throws {
        let model = LinearModel(bias: -1, weights: [("pocketed", 20)], cues: ["pocketed"])
        let rule = Rule(
            id: "local.model", category: .defamation, policy: "2.2", severity: .medium, confidence: 0.55, message: "A model.",
            model: RuleModel(path: "m.model", file: "m.model", threshold: 0.5, model: model))
        let detector = try PatternDetector(rules: [rule])
        // Numbered, so that no two windows read alike (a finding is reported once per text).
        let text = (0..<60_000).map { "pocketed n\($0)" }.joined(separator: " ")
        let found = detector.findings(in: Item(id: "h", fields: [TextField(origin: .content, text: text)]), source: "t")
        // Parts of at most 4 KB, each in chunks of at most 80 words: every match is short.
        #expect(found.count >= text.utf8.count / ModelWindows.stretchBytes)
        #expect(found.allSatisfy { $0.match.text.split(separator: " ").count <= ModelWindows.chunkWords })
    }

    @Test func wordsAreFoldedRunsOfLettersAndDigits() {
        var text = "L'Élève a VOLÉ 20 $. Encore!\nŒuvre"
        let words = text.withUTF8 { ModelText(utf8: $0) }
        #expect(words.words.indices.map(words.word) == ["l", "eleve", "a", "vole", "20", "encore", "oeuvre"])
        #expect(words.words.map(\.endsSentence) == [false, false, false, false, true, true, false])
        // Source ranges are UTF-8 positions of the original text.
        let utf8 = Array(text.utf8)
        #expect(String(decoding: utf8[words.words[1].source], as: UTF8.self) == "Élève")
    }

    @Test func modelFileRoundTrips() throws {
        let model = LinearModel(bias: -1.5, weights: [("stole", 2.25), ("the show", -1.125), ("skimm*", 0.5), ("~stole money", 0.25)], cues: ["stole", "skimming"])
        let text = model.fileText(header: ["a test"])
        let read = try LinearModel(file: try temporaryFile(named: "x.model", contents: text))
        #expect(read == model)
        #expect(read.weights.map(\.feature) == ["stole", "the show", "skimm*", "~stole money"])
        #expect(read.cues == ["skimming", "stole"])
        // Windows line ends read the same.
        let crlf = try LinearModel(file: try temporaryFile(named: "y.model", contents: text.replacingOccurrences(of: "\n", with: "\r\n")))
        #expect(crlf == model)
    }

    @Test(arguments: [
        ("format\tsocialscan/linear-model@1\nbias\tx\n", 2, "bias is not a number"),
        ("format\tsocialscan/linear-model@9\n", 1, "unknown model format"),
        ("format\tsocialscan/linear-model@1\nbias\t0\ncue\tstole\nweight\t1\n", 4, "expected 'format'"),
        ("format\tsocialscan/linear-model@1\nbias\t0\ncue\tstole\nweight\tnan\tstole\n", 4, "weight is not a number"),
        ("format\tsocialscan/linear-model@1\nbias\t0\ncue\tStole\n", 3, "a cue is one folded word"),
        ("format\tsocialscan/linear-model@1\nbias\t0\nbias\t1\n", 3, "a second bias line"),
        ("format\tsocialscan/linear-model@1\nbias\t0\ncue\tstole\nweight\t1\tstole  money\n", 4, "is not a feature"),
    ])
    func badModelFilesNameTheLine(text: String, line: Int, fragment: String) throws {
        let path = try temporaryFile(named: "bad.model", contents: text)
        do {
            _ = try LinearModel(file: path)
            Issue.record("expected an error")
        } catch {
            #expect(error.file == path)
            #expect(error.line == line)
            #expect(error.description.contains(fragment), "\(error)")
        }
    }

    @Test func aModelRuleNamesItsModelFileWhenItCannotBeRead() throws {
        let pack = """
            rules:
              - id: local.model
                category: defamation
                policy: "2.2"
                severity: medium
                message: A model.
                model: models/missing.model
                examples:
                  match: ["x"]
            """
        let path = try temporaryFile(named: "pack.yml", contents: pack)
        do {
            _ = try PackLoader().load(directories: [path.directory])
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 7, "\(error)")
            #expect(error.description.contains("models/missing.model: the model file cannot be read"), "\(error)")
        }
        let withKeywords = pack.replacingOccurrences(of: "model: models/missing.model", with: "model: m.model\n    keywords: [x]")
        let other = try temporaryFile(named: "pack.yml", contents: withKeywords)
        let model = LinearModel(bias: 0, weights: [("x", 1)], cues: ["x"])
        try model.fileText(header: []).write(toFile: other.directory + "/m.model", atomically: true, encoding: .utf8)
        #expect(throws: PatternError.self) { try PackLoader().load(directories: [other.directory]) }
    }

    /// A small training set a model can learn: it must put "pocketed" and "stole" on the right
    /// side and choose them as cues, and give the same file twice.
    @Test func trainingLearnsAndIsDeterministic() {
        let positives = ["The driver pocketed the trip money.", "Mr. Lee stole from the canteen.", "She stole the raffle cash.",
                         "The treasurer pocketed the donations.", "He pocketed the gate money again.", "The coach stole our fundraiser money."]
        let negatives = ["The goalie stole the show.", "Trip money is due Friday.", "Thank you to our treasurer.",
                         "The canteen opens at noon.", "Raffle tickets are on sale.", "Our coach thanks every donor.",
                         "Gate opens at six.", "Fundraiser results are in."]
        let examples = positives.map { ModelTrainer.Example(text: $0, positive: true) } + negatives.map { ModelTrainer.Example(text: $0, positive: false) }
        let trainer = ModelTrainer(regularisation: 30, minimumCount: 2, cueWeight: 0.3, cuePrecision: 0.5, cuePrior: 0)
        let (model, report) = trainer.train(examples)
        #expect(report.positives == 6)
        #expect(model.cues.contains("pocketed"), "\(model.cues)")
        #expect(model.cues.allSatisfy { LinearModel.isFeatureWord($0) })
        func probability(_ text: String) -> Double {
            var copy = text
            let words = copy.withUTF8 { ModelText(utf8: $0) }
            return model.probability(of: words, in: 0..<words.words.count)
        }
        #expect(probability("The secretary pocketed the money.") > 0.5)
        #expect(probability("Tickets are on sale at the gate.") < 0.5)
        #expect(trainer.train(examples).model.fileText(header: []) == model.fileText(header: []))
    }

    /// A name is never a cue, accented or not; a lower-case word with an accent can be one.
    @Test func namesAreNotCues() {
        let positives = ["Hier, Émile a volé la caisse.", "Encore Émile qui a volé les billets.", "Le concierge a volé la caisse.",
                         "On dit qu'Émile a volé encore.", "élève volé encore", "Un élève a volé la caisse."]
        let negatives = ["La caisse ouvre à midi.", "Les billets sont en vente.", "Bravo, Émile joue du piano.", "Le concierge est là.",
                         "La vente de billets commence.", "Un élève joue du piano."]
        let examples = positives.map { ModelTrainer.Example(text: $0, positive: true) } + negatives.map { ModelTrainer.Example(text: $0, positive: false) }
        let (model, _) = ModelTrainer(cuePrecision: 0.5, cuePrior: 0).train(examples)
        #expect(model.cues.contains("vole"), "\(model.cues)")
        #expect(!model.cues.contains("emile"), "\(model.cues)")
        #expect(ModelTrainer.startsCapitalised("a Émile", at: 2))
        #expect(!ModelTrainer.startsCapitalised("a émile", at: 2))
    }

    /// In a long field the model reads the sentences around its cues: a finding covers the
    /// sentence, not the article; without a cue it reads nothing.
    @Test func longFieldsAreReadAroundCues() throws {
        let model = LinearModel(bias: -1, weights: [("pocketed", 20), ("money", 1)], cues: ["pocketed"])
        let rule = Rule(
            id: "local.model", category: .defamation, policy: "2.2", severity: .medium, confidence: 0.55, message: "A model.",
            model: RuleModel(path: "m.model", file: "m.model", threshold: 0.5, model: model))
        let detector = try PatternDetector(rules: [rule])
        let filler = String(repeating: "The spring concert is on Thursday at seven in the gym. ", count: 20)
        let text = filler + "Everyone knows the caretaker pocketed the money. " + filler
        let findings = detector.findings(in: Item(id: "a", fields: [TextField(origin: .content, text: text)]), source: "t")
        #expect(findings.map(\.match.text) == ["Everyone knows the caretaker pocketed the money"])
        #expect(findings.first?.message.contains("\"pocketed\"") == true)
        let quiet = detector.findings(in: Item(id: "b", fields: [TextField(origin: .content, text: filler + "money " + filler)]), source: "t")
        #expect(quiet.isEmpty)
        // A short field is read whole.
        let short = detector.findings(in: Item(id: "c", fields: [TextField(origin: .title, text: "He pocketed it. Again.")]), source: "t")
        #expect(short.map(\.match.text) == ["He pocketed it. Again"])
        // ... also when it has more than a chunk's words.
        let many = String(repeating: "a ", count: 100) + "pocketed"
        #expect(detector.findings(in: Item(id: "d", fields: [TextField(origin: .content, text: many)]), source: "t").count == 1)
        // Where the reach ends inside a sentence, the window ends at a word edge, also amid
        // accented words; with no sentence end at all, the window is the cue's neighbourhood.
        let accented = String(repeating: "éèàçœ ", count: 60)
        let run = accented + "pocketed" + " " + accented
        let cut = detector.findings(in: Item(id: "e", fields: [TextField(origin: .content, text: run)]), source: "t")
        #expect(cut.count == 1)
        if let span = cut.first?.match.text {
            #expect(span.hasPrefix("éèàçœ") && span.hasSuffix("œ") && span.contains("pocketed"), "\(span)")
            #expect(span.unicodeScalars.count < run.unicodeScalars.count / 2)
        }
    }

    /// A model finding is not added where a keyword rule of the category already reports.
    @Test func keywordFindingsComeFirst() throws {
        let rules = try PackLoader().load(directories: [Repo.path("Patterns")]).filter { $0.category == .defamation }
        let detector = try PatternDetector(rules: rules)
        let findings = detector.findings(in: Item(id: "a", fields: [TextField(origin: .content, text: "The bus driver stole the field-trip money, everyone knows it.")]), source: "t")
        #expect(findings.map(\.rule) == ["defamation.accusation"])
        // ... where the model alone would have reported.
        let model = try PatternDetector(rules: rules.filter { $0.model != nil })
        #expect(model.findings(in: Item(id: "a", fields: [TextField(origin: .content, text: "The bus driver stole the field-trip money, everyone knows it.")]), source: "t").map(\.rule) == ["defamation.model"])
    }

    /// The shipped models are exactly what `patterns train` writes from `Samples/eval/dev`:
    /// labelled posts added there without training again fail here.
    @Test(arguments: ["confidential", "defamation"])
    func shippedModelsAreTrainedFromTheDevSplit(category: String) throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("socialscan-model-\(UUID().uuidString).model").path
        let shipped = try String(contentsOfFile: Repo.path("Patterns/models/\(category).model"), encoding: .utf8)
        // The options the shipped file was trained with are in its header.
        let options = shipped.split(separator: "\n").first { $0.hasPrefix("# Options: ") }.map { $0.dropFirst("# Options: ".count).split(separator: " ").map(String.init) } ?? []
        let result = runCLI(["patterns", "train", category, "--eval", Repo.path("Samples/eval"), "--output", output] + options)
        #expect(result.code == 0, "\(result.stderr)")
        let trained = try String(contentsOfFile: output, encoding: .utf8)
        func body(_ text: String) -> [Substring] { text.split(separator: "\n").filter { !$0.hasPrefix("#") } }
        #expect(body(trained) == body(shipped), "Patterns/models/\(category).model is out of date: run `socialscan patterns train \(category)`")
    }
}
