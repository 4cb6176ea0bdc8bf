/// Why one target could not be fetched. `reason` is the stable kebab-case name reports use.
public enum FetchError: Error, Sendable, Equatable {
    case fileNotFound(path: String)
    case fileUnreadable(path: String, errno: Int32)
    case noDocuments(directory: String)
    case unsupportedScheme(url: String)
    case httpStatus(url: String, status: Int)
    case timeout(url: String)
    case tooLarge(url: String, limit: Int)
    case tooManyRedirects(url: String)
    case redirectRefused(url: String)
    case privateAddress(url: String)
    case dns(url: String)
    case connectFailed(url: String)
    case reset(url: String)
    case tls(url: String, detail: String)
    case network(url: String, detail: String)

    /// The stable reason name (`http-404`, `timeout`, `too-large`, ...).
    public var reason: String {
        switch self {
        case .fileNotFound: "not-found"
        case .fileUnreadable: "unreadable"
        case .noDocuments: "no-documents"
        case .unsupportedScheme: "unsupported-scheme"
        case .httpStatus(_, let status): "http-\(status)"
        case .timeout: "timeout"
        case .tooLarge: "too-large"
        case .tooManyRedirects: "too-many-redirects"
        case .redirectRefused: "redirect-refused"
        case .privateAddress: "private-address"
        case .dns: "dns"
        case .connectFailed: "connect-failed"
        case .reset: "connection-reset"
        case .tls: "tls"
        case .network: "network"
        }
    }

    /// The target (path or URL) the error is about.
    public var target: String {
        switch self {
        case .fileNotFound(let name), .fileUnreadable(let name, _), .noDocuments(let name),
            .unsupportedScheme(let name), .httpStatus(let name, _), .timeout(let name),
            .tooLarge(let name, _), .tooManyRedirects(let name), .redirectRefused(let name),
            .privateAddress(let name), .dns(let name), .connectFailed(let name), .reset(let name),
            .tls(let name, _), .network(let name, _):
            name
        }
    }

    /// One line for a person, naming the target.
    public var message: String {
        switch self {
        case .fileNotFound(let path): "\(path): no such file or directory"
        case .fileUnreadable(let path, let code): "\(path): cannot be read (errno \(code))"
        case .noDocuments(let directory): "\(directory): no feed or page files in this directory"
        case .unsupportedScheme(let url): "\(url): only http and https URLs can be fetched"
        case .httpStatus(let url, let status): "\(url): the server answered HTTP \(status)"
        case .timeout(let url): "\(url): timed out"
        case .tooLarge(let url, let limit): "\(url): the body is larger than \(limit) bytes"
        case .tooManyRedirects(let url): "\(url): too many redirects"
        case .redirectRefused(let url): "\(url): redirected to a scheme other than http or https"
        case .privateAddress(let url): "\(url): resolves to a loopback or private address (allow with --allow-private)"
        case .dns(let url): "\(url): the host name could not be resolved"
        case .connectFailed(let url): "\(url): could not connect"
        case .reset(let url): "\(url): the connection was closed before the body was complete"
        case .tls(let url, let detail): "\(url): TLS failed: \(detail)"
        case .network(let url, let detail): "\(url): \(detail)"
        }
    }

    /// Whether trying again later may succeed (connection errors, timeouts, 5xx and 429).
    public var isRetryable: Bool {
        switch self {
        case .timeout, .dns, .connectFailed, .reset, .network: true
        case .httpStatus(_, let status): status == 429 || (500...599).contains(status)
        default: false
        }
    }
}
