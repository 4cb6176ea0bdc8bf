import Foundation
import ArgumentParser
import ScanFetch
import ScanParse

/// Flags that bound what is fetched and parsed, shared by `scan` and `items`.
struct InputOptions: ParsableArguments {
    @Flag(help: "Allow URLs that resolve to loopback or private-network addresses.")
    var allowPrivate = false

    @Option(help: ArgumentHelp(
        "Largest body accepted, counted as received and after decompression (KB, MB; 1MB = 1024 KB). Larger ones fail with too-large and are not parsed.",
        valueName: "size"))
    var maxBody = "20MB"

    @Option(help: ArgumentHelp("Most items read from one document; the rest are counted in a warning.", valueName: "n"))
    var maxItems = 10_000

    @Option(help: ArgumentHelp("Transfers in flight at once.", valueName: "n"))
    var concurrency = 8

    @Option(help: ArgumentHelp("Transfers in flight to one host at once.", valueName: "n"))
    var perHost = 2

    @Option(help: ArgumentHelp("Seconds allowed to connect.", valueName: "seconds"))
    var connectTimeout = 10.0

    @Option(help: ArgumentHelp("Seconds allowed for one attempt (transfers slower than 1 KB/s for 15 s are also cut).", valueName: "seconds"))
    var timeout = 30.0

    @Option(help: ArgumentHelp("Retries for connection errors, timeouts, 5xx and 429 (back-off with jitter, Retry-After up to 60 s).", valueName: "n"))
    var retries = 3

    @Option(help: ArgumentHelp("Seconds allowed for one target, retries included.", valueName: "seconds"))
    var deadline = 120.0

    @Option(help: ArgumentHelp("An extra CA bundle (PEM) to trust besides the system's; TLS is always verified.", valueName: "file"))
    var caFile: String?

    @Option(help: ArgumentHelp("Contact URL sent in the User-Agent, so site owners can reach the operator.", valueName: "url"))
    var contact = "https://socialscan.example/about"

    func validate() throws {
        guard Self.bytes(maxBody) != nil else {
            throw ValidationError("--max-body takes a size such as 500KB or 20MB, not '\(maxBody)'.")
        }
        guard maxItems > 0 else { throw ValidationError("--max-items must be at least 1.") }
        guard concurrency > 0, perHost > 0 else { throw ValidationError("--concurrency and --per-host must be at least 1.") }
        guard retries >= 0, timeout > 0, connectTimeout > 0, deadline > 0 else {
            throw ValidationError("--retries must be 0 or more; --timeout, --connect-timeout and --deadline above 0.")
        }
    }

    var fetchSettings: FetchSettings {
        var settings = FetchSettings()
        settings.allowPrivate = allowPrivate
        settings.maxBodyBytes = Self.bytes(maxBody) ?? settings.maxBodyBytes
        settings.concurrency = concurrency
        settings.perHost = perHost
        settings.connectTimeout = connectTimeout
        settings.timeout = timeout
        settings.retries = retries
        settings.deadline = deadline
        settings.caFile = caFile
        settings.userAgent = FetchSettings.userAgent(contact: contact)
        return settings
    }

    var parseLimits: ParseLimits { ParseLimits(maxItems: maxItems) }

    /// Bytes for `512`, `500KB`, `20MB` or `1GB` (binary multiples), or nil.
    static func bytes(_ text: String) -> Int? {
        let upper = text.uppercased().trimmingCharacters(in: .whitespaces)
        let units: [(String, Int)] = [("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10), ("B", 1)]
        for (suffix, multiple) in units where upper.hasSuffix(suffix) {
            guard let number = Int(upper.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)), number > 0 else { return nil }
            return number.multipliedReportingOverflow(by: multiple).overflow ? nil : number * multiple
        }
        return Int(upper).flatMap { $0 > 0 ? $0 : nil }
    }
}
