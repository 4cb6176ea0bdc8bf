import ArgumentParser
import Foundation
import ScanCore
import ScanDetect

/// `patterns train CATEGORY`: learns a category's model from the labelled evaluation set.
struct PatternsTrainCommand: ParsableCommand, RunnableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a category's model (Patterns/models/CATEGORY.model) from the labelled posts of an evaluation set.",
        discussion: """
            The model learns from the dev split only (test stays for reporting). Posts are positive when \
            labelled with CATEGORY; files that eval.json does not score for CATEGORY are left out. \
            Training is deterministic: the same posts give the same file. Run `socialscan patterns test` \
            and `socialscan eval` after training.
            """)

    @Argument(help: "The category, e.g. defamation.")
    var category: String

    @Option(help: ArgumentHelp("The evaluation set (default Samples/eval).", valueName: "dir"))
    var eval: String?

    @Option(help: "The split to learn from.")
    var split = "dev"

    @Option(help: ArgumentHelp("Where to write the model (default: models/CATEGORY.model in the shipped packs).", valueName: "file"))
    var output: String?

    @Option(help: "How strongly the posts count against the penalty on large weights.")
    var regularisation = ModelTrainer().regularisation

    @Option(help: "The least weight of a word (or word start) that lets the model look at a post.")
    var cueWeight = ModelTrainer().cueWeight

    @Option(help: "The least share of positive posts among the training posts that hold a cue.")
    var cuePrecision = ModelTrainer().cuePrecision

    @Option(help: "How many posts at the base rate a cue's share of positive posts is drawn towards.")
    var cuePrior = ModelTrainer().cuePrior

    @Option(help: "The largest share of the negative posts a cue may be in.")
    var cueNegativeShare = ModelTrainer().cueNegativeShare

    func execute(io: CommandIO) -> Int32 {
        guard let category = Category(rawValue: category) else {
            io.diagnose(.error, "unknown category '\(self.category)' (known: \(Category.allCases.map(\.rawValue).joined(separator: ", ")))")
            return ScanOutcome.usageError.rawValue
        }
        guard split != "test" else {
            io.diagnose(.error, "a model never learns from the test split; it is kept for reporting")
            return ScanOutcome.usageError.rawValue
        }
        let directory = eval ?? EvalSet.defaultDirectory
        let set: EvalSet
        do { set = try EvalSet(directory: directory, split: split) } catch {
            io.diagnose(.error, "\(error)")
            return ScanOutcome.usageError.rawValue
        }
        guard let target = output ?? PatternLocator.shippedDirectory(environment: io.environment).map({ $0 + "/models/\(category.rawValue).model" }) else {
            io.diagnose(.error, "the shipped pattern packs were not found; give --output")
            return ScanOutcome.usageError.rawValue
        }
        let examples = set.examples.filter { set.scores(category.rawValue, in: $0.file) }
            .map { ModelTrainer.Example(text: $0.text, positive: $0.labels.contains(category.rawValue)) }
        guard examples.contains(where: \.positive), examples.contains(where: { !$0.positive }) else {
            io.diagnose(.error, "\(directory)/\(split): needs posts labelled \(category.rawValue) and posts that are not")
            return ScanOutcome.usageError.rawValue
        }
        let trainer = ModelTrainer(regularisation: regularisation, cueWeight: cueWeight, cuePrecision: cuePrecision, cuePrior: cuePrior, cueNegativeShare: cueNegativeShare)
        let (model, report) = trainer.train(examples)
        let header = [
            "The \(category.rawValue) model: logistic regression over words, word pairs and word starts (docs/patterns.md).",
            "Written by `socialscan patterns train \(category.rawValue)` from \(directory)/\(split): \(report.examples) posts, \(report.positives) positive;",
            "\(report.features) features seen in at least \(trainer.minimumCount) posts; \(model.cues.count) cues, in \(String(format: "%.1f", report.cueCoverage * 100))% of the positive posts.",
            "Do not edit by hand: add labelled posts to \(directory)/\(split) and train again.",
            "Options: --regularisation \(LinearModel.number(regularisation)) --cue-weight \(LinearModel.number(cueWeight)) --cue-precision \(LinearModel.number(cuePrecision)) --cue-prior \(LinearModel.number(cuePrior)) --cue-negative-share \(LinearModel.number(cueNegativeShare))",
        ]
        do {
            try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try model.fileText(header: header).write(toFile: target, atomically: true, encoding: .utf8)
        } catch {
            io.diagnose(.error, "\(target): cannot be written (\(error.localizedDescription))")
            return ScanOutcome.usageError.rawValue
        }
        io.stdout.write(String(
            format: "%@: %d posts (%d positive), %d features, %d cues, %d iterations; right on %.1f%% of its own posts; cues in %.1f%% of the positives\n",
            target, report.examples, report.positives, report.features, model.cues.count, report.iterations, report.accuracy * 100, report.cueCoverage * 100))
        return 0
    }
}
