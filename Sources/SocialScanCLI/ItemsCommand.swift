import ArgumentParser
import ScanCore
import ScanFetch
import ScanParse
import ScanReport

/// `socialscan items TARGET...`: print the parsed items as JSON Lines, to see what detectors see.
struct ItemsCommand: ParsableCommand, RunnableCommand {
    static let configuration = CommandConfiguration(
        commandName: "items",
        abstract: "Print the items parsed from feeds as JSON Lines (schema socialscan/item@1).",
        discussion: "Same targets and exit codes as scan, without detection: 0 when every target was read, 3 when one was not.")

    @OptionGroup var arguments: TargetArguments

    @OptionGroup var input: InputOptions
    @OptionGroup var diagnostics: DiagnosticsOptions


    func execute(io base: CommandIO) -> Int32 {
        let io = diagnostics.configure(base)
        let pipeline = DocumentPipeline(
            fetcher: Fetcher(settings: input.fetchSettings), parser: DocumentParser(limits: input.parseLimits), io: io)
        let counts = pipeline.run(arguments: arguments.targets, problem: { _ in }) { _, document in
            for item in document.items {
                io.stdout.write(ItemRecord.json(item, in: document).serialized() + "\n")
            }
            io.stdout.flush()
        }
        io.progress?.clear()
        return ScanOutcome.of(failedTargets: counts.failed, findingsAtOrAboveThreshold: 0).rawValue
    }
}
