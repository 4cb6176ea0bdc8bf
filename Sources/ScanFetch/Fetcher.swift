import ScanCore

/// Fetches any target: URLs through libcurl, files from disk. The one entry point of the stage.
public struct Fetcher: Sendable {
    public let settings: FetchSettings

    public init(settings: FetchSettings) {
        self.settings = settings
    }

    /// Fetches one target; throws `FetchError` naming it.
    public func fetch(_ target: Target) throws(FetchError) -> FetchedDocument {
        let bytes: FetchedDocumentBytes
        switch target {
        case .url(let url): bytes = try CurlFetcher(settings: settings).fetch(url: url)
        case .file(let path): bytes = try FileFetcher(settings: settings).fetch(path: path)
        }
        return FetchedDocument(
            source: target.name, finalURL: bytes.finalURL, status: bytes.status,
            contentType: bytes.contentType, body: bytes.body)
    }
}
