import ScanCore
import ScanFetch
import ScanParse

/// Fetches and parses every target in argument order, handing each parsed document on and
/// reporting each failure (and each warning) as a `Problem`. Shared by `scan` and `items`.
struct DocumentPipeline {
    let fetcher: Fetcher
    let parser: DocumentParser
    let io: CommandIO

    /// Calls `document` for each target that parsed and `problem` for each failure or warning
    /// (also written to stderr). Returns how many targets were read and how many failed.
    func run(
        arguments: [String], problem: (Problem) -> Void, document: (Target, ParsedDocument) -> Void
    ) -> (scanned: Int, failed: Int) {
        var scanned = 0
        var failed = 0
        for resolved in TargetResolver().resolve(arguments) {
            let outcome: Result<(Target, ParsedDocument), Problem>
            switch resolved {
            case .failure(let error):
                outcome = .failure(Problem(stage: .fetch, target: error.target, reason: error.reason, message: error.message))
            case .success(let target):
                outcome = load(target).map { (target, $0) }
            }
            switch outcome {
            case .failure(let failure):
                failed += 1
                io.diagnose("error", "\(failure.message) [\(failure.reason)]")
                problem(failure)
            case .success(let (target, parsed)):
                scanned += 1
                warnings(for: parsed, target: target).forEach { warning in
                    io.diagnose("warning", warning.message)
                    problem(warning)
                }
                document(target, parsed)
            }
        }
        return (scanned, failed)
    }

    /// Fetches and parses one target; a failure of either stage becomes a `Problem`.
    private func load(_ target: Target) -> Result<ParsedDocument, Problem> {
        let fetched: FetchedDocument
        do {
            fetched = try fetcher.fetch(target)
        } catch {
            return .failure(Problem(stage: .fetch, target: target.name, reason: error.reason, message: error.message))
        }
        do {
            return .success(try parser.parse(fetched))
        } catch {
            return .failure(Problem(stage: .parse, target: target.name, reason: error.reason, message: error.message))
        }
    }

    private func warnings(for document: ParsedDocument, target: Target) -> [Problem] {
        var warnings: [Problem] = []
        if document.illFormed {
            warnings.append(Problem(
                stage: .parse, target: target.name, reason: "ill-formed",
                message: "\(target.name): the markup is broken; what could be recovered was scanned", isWarning: true))
        }
        if document.skippedItems > 0 {
            warnings.append(Problem(
                stage: .parse, target: target.name, reason: "too-many-items",
                message: "\(target.name): \(document.skippedItems) items beyond --max-items were not read", isWarning: true))
        }
        return warnings
    }
}
