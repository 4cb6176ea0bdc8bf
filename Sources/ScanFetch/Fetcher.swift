import ScanCore

/// Fetches one target at a time: URLs through libcurl (with retries), files from disk. For runs
/// over many targets use `FetchSession`, which fetches concurrently.
public struct Fetcher: Sendable {
    public let settings: FetchSettings
    public let validators: any ValidatorStore

    public init(settings: FetchSettings, validators: any ValidatorStore = InMemoryValidatorStore()) {
        self.settings = settings
        self.validators = validators
    }

    /// Fetches one target; a 304 is reported as `.notModified`. Throws `FetchError` naming it.
    public func fetchReport(_ target: Target) -> FetchReport {
        switch target {
        case .file(let path):
            do {
                let bytes = try FileFetcher(settings: settings).fetch(path: path)
                let document = FetchedDocument(
                    source: path, finalURL: bytes.finalURL, status: bytes.status, contentType: nil, body: bytes.body)
                return FetchReport(target: target, result: .success(.fetched(document)), attempts: 1)
            } catch {
                return FetchReport(target: target, result: .failure(error), attempts: 1)
            }
        case .url(let url):
            var result: FetchReport?
            MultiFetcher(settings: settings, validators: validators) { _, report in result = report }.run([(0, url)])
            return result ?? FetchReport(target: target, result: .failure(.network(url: url, detail: "no result")), attempts: 0)
        }
    }

    /// Fetches one target's document; throws `FetchError` (a 304 here is `http-304`).
    public func fetch(_ target: Target) throws(FetchError) -> FetchedDocument {
        switch fetchReport(target).result {
        case .success(.fetched(let document)): return document
        case .success(.notModified): throw .httpStatus(url: target.name, status: 304)
        case .failure(let error): throw error
        }
    }
}
