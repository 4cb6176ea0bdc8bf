import Foundation

/// The run's start time for reports. `SOCIALSCAN_NOW` fixes it (RFC 3339), so that reports are
/// byte-stable in golden-file tests.
enum RunClock {
    static func now(_ environment: [String: String]) -> String {
        if let fixed = environment["SOCIALSCAN_NOW"], !fixed.isEmpty { return fixed }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }
}
