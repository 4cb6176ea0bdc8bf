import ScanCore

/// How one target's fetch ended: fetched, not modified since the last fetch, or failed.
public struct FetchReport: Sendable {
    public enum Status: Sendable {
        case fetched(FetchedDocument)
        /// The server answered 304 to our validators: nothing to parse.
        case notModified
    }

    public var target: Target
    public var result: Result<Status, FetchError>
    /// Attempts made (1 when the first one settled it).
    public var attempts: Int
    /// Body bytes the last attempt kept (decoded): never more than `--max-body`, also when a
    /// too-large body was cut off.
    public var bodyBytes: Int

    public init(target: Target, result: Result<Status, FetchError>, attempts: Int, bodyBytes: Int = 0) {
        self.target = target
        self.result = result
        self.attempts = attempts
        self.bodyBytes = bodyBytes
    }
}
