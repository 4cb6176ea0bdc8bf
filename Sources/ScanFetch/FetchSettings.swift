/// How the fetch stage behaves. Filled from command-line flags now, from the division config later.
public struct FetchSettings: Sendable {
    /// Seconds allowed to open a connection.
    public var connectTimeout: Double = 10
    /// Seconds allowed for one whole transfer.
    public var timeout: Double = 30
    /// The most body bytes accepted (after decompression); a larger body is a `too-large` failure.
    public var maxBodyBytes: Int = 20 * 1024 * 1024
    /// The most redirects followed.
    public var maxRedirects: Int = 5
    /// Allow loopback and private-network addresses (for tests and intranets).
    public var allowPrivate: Bool = false
    /// An extra CA bundle (PEM) to trust.
    public var caFile: String?
    /// The User-Agent header: names the scanner and where to learn about it.
    public var userAgent: String = "SocialScan/0.1 (+https://socialscan.example/about)"

    public init() {}
}
