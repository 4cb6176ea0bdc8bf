import Foundation
import ArgumentParser
import ScanFetch
import ScanParse

/// Flags that bound what is fetched and parsed, shared by `scan` and `items`.
struct InputOptions: ParsableArguments {
    @Flag(help: "Allow URLs that resolve to loopback or private-network addresses.")
    var allowPrivate = false

    @Option(help: ArgumentHelp(
        "Largest document accepted, after decompression (KB, MB; 1MB = 1024 KB). Larger ones fail with too-large.",
        valueName: "size"))
    var maxBody = "20MB"

    @Option(help: ArgumentHelp("Most items read from one document; the rest are counted in a warning.", valueName: "n"))
    var maxItems = 10_000

    func validate() throws {
        guard Self.bytes(maxBody) != nil else {
            throw ValidationError("--max-body takes a size such as 500KB or 20MB, not '\(maxBody)'.")
        }
        guard maxItems > 0 else { throw ValidationError("--max-items must be at least 1.") }
    }

    var fetchSettings: FetchSettings {
        var settings = FetchSettings()
        settings.allowPrivate = allowPrivate
        settings.maxBodyBytes = Self.bytes(maxBody) ?? settings.maxBodyBytes
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
