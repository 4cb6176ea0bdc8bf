/// One thing to scan, as resolved from a command-line argument.
public enum Target: Sendable, Hashable {
    /// An http(s) URL, fetched with libcurl.
    case url(String)
    /// A local file, read from disk.
    case file(String)

    /// The name reports use for this target (the URL, or the path).
    public var name: String {
        switch self {
        case .url(let url): url
        case .file(let path): path
        }
    }
}
