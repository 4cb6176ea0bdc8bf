import ScanCore
import ScanFetch
import ScanParse

/// Fetches and parses every target in argument order, handing each parsed document on and
/// reporting each failure (and each warning) as a `Problem`. Shared by `scan` and `items`.
///
/// URLs are fetched concurrently in the background (`FetchSession`) while earlier targets are
/// parsed and reported, so output streams early and stays in argument order.
struct DocumentPipeline {
    let fetcher: Fetcher
    let parser: DocumentParser
    let io: CommandIO

    /// Calls `document` for each target that parsed and `problem` for each failure or warning
    /// (also written to stderr). Returns how many targets were read and how many failed.
    func run(
        arguments: [String], problem: (Problem) -> Void, document: (Target, ParsedDocument) -> Void
    ) -> (scanned: Int, failed: Int) {
        let resolved = TargetResolver().resolve(arguments)
        let session = FetchSession(settings: fetcher.settings, validators: fetcher.validators)
        session.start(resolved.enumerated().compactMap { index, entry in
            guard case .success(.url(let url)) = entry else { return nil }
            return (index, url)
        })
        var scanned = 0
        var failed = 0
        for (index, entry) in resolved.enumerated() {
            defer { io.progress?.update(scanned: scanned, failed: failed) }
            switch load(entry, index: index, session: session) {
            case .failure(let failure):
                failed += 1
                io.diagnose(.error, "\(failure.message) [\(failure.reason)]")
                problem(failure)
            case .success(nil):
                scanned += 1
            case .success(let (target, parsed)?):
                scanned += 1
                warnings(for: parsed, target: target).forEach { warning in
                    io.diagnose(.warning, warning.message)
                    problem(warning)
                }
                document(target, parsed)
            }
        }
        return (scanned, failed)
    }

    /// Fetches (or takes from the session) and parses one target; nil when it was not modified.
    private func load(
        _ entry: Result<Target, FetchError>, index: Int, session: FetchSession
    ) -> Result<(Target, ParsedDocument)?, Problem> {
        let report: FetchReport
        switch entry {
        case .failure(let error):
            return .failure(Problem(stage: .fetch, target: error.target, reason: error.reason, message: error.message))
        case .success(.url):
            report = session.report(at: index)
        case .success(let target):
            report = fetcher.fetchReport(target)
        }
        switch report.result {
        case .failure(let error):
            let tries = report.attempts > 1 ? " after \(report.attempts) attempts" : ""
            return .failure(Problem(stage: .fetch, target: report.target.name, reason: error.reason, message: error.message + tries))
        case .success(.notModified):
            io.diagnose(.info, "\(report.target.name): not modified since the last fetch")
            return .success(nil)
        case .success(.fetched(let fetched)):
            io.diagnose(.debug, "\(report.target.name): \(fetched.body.count) bytes in \(report.attempts) attempt(s)")
            do {
                return .success((report.target, try parser.parse(fetched)))
            } catch {
                return .failure(Problem(stage: .parse, target: report.target.name, reason: error.reason, message: error.message))
            }
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
