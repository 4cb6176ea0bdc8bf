/// The raw bytes of one target, as the fetch stage received them.
public struct FetchedDocument: Sendable {
    /// The target as the user named it (URL, or file path).
    public var source: String
    /// The URL after redirects (for files, the path).
    public var finalURL: String
    /// The HTTP status (200 for files).
    public var status: Int
    /// The Content-Type header, when there was one.
    public var contentType: String?
    public var body: [UInt8]

    public init(source: String, finalURL: String, status: Int, contentType: String?, body: [UInt8]) {
        self.source = source
        self.finalURL = finalURL
        self.status = status
        self.contentType = contentType
        self.body = body
    }
}
