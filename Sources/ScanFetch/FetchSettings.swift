/// How the fetch stage behaves. Filled from command-line flags now, from the division config
/// later (with the same names).
public struct FetchSettings: Sendable {
    /// Transfers in flight at once (`--concurrency`).
    public var concurrency: Int = 8
    /// Transfers in flight to one host at once (`--per-host`).
    public var perHost: Int = 2
    /// Seconds allowed to open a connection (`--connect-timeout`).
    public var connectTimeout: Double = 10
    /// Seconds allowed for one attempt (`--timeout`).
    public var timeout: Double = 30
    /// A transfer slower than `lowSpeedLimit` bytes/s for `lowSpeedTime` seconds is aborted.
    public var lowSpeedLimit: Int = 1024
    public var lowSpeedTime: Int = 15
    /// The most body bytes accepted, counted both as received and after decompression
    /// (`--max-body`); a larger body is a `too-large` failure and is not parsed.
    public var maxBodyBytes: Int = 20 * 1024 * 1024
    /// The most redirects followed.
    public var maxRedirects: Int = 5
    /// Retries after the first attempt, for connection errors, timeouts, 5xx and 429 (`--retries`).
    public var retries: Int = 3
    /// First back-off delay in seconds; doubled on each retry, with jitter.
    public var retryBaseDelay: Double = 1
    /// The longest `Retry-After` honoured, in seconds.
    public var maxRetryAfter: Double = 60
    /// Seconds allowed for one target, retries included (`--deadline`).
    public var deadline: Double = 120
    /// Allow loopback and private-network addresses (`--allow-private`).
    public var allowPrivate: Bool = false
    /// An extra CA bundle (PEM) to trust besides the system's (`--ca-file`).
    public var caFile: String?
    /// The User-Agent header: names the scanner and where to learn about it.
    public var userAgent: String = FetchSettings.userAgent(contact: "https://socialscan.example/about")

    public init() {}

    /// `SocialScan/VERSION (+CONTACT)`.
    public static func userAgent(contact: String) -> String {
        "SocialScan/0.1 (+\(contact))"
    }
}
