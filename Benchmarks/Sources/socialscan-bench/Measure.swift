import Foundation

/// Wall-clock timing and memory figures for benchmarks.
enum Measure {
    /// Seconds taken by `body`.
    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    /// This process's peak resident set size, in MiB.
    static func peakRSSMegabytes() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    /// Seconds for one run of an external command (its output discarded); nil when it fails.
    static func command(_ path: String, _ arguments: [String]) -> Double? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        var status: Int32 = -1
        let elapsed = seconds {
            guard (try? process.run()) != nil else { return }
            process.waitUntilExit()
            status = process.terminationStatus
        }
        return status == 0 ? elapsed : nil
    }

    /// Prints our median throughput on `megabytes`, the baseline's on the same bytes (measured in
    /// the same run; empty when it could not run) and the ratio of the two.
    static func printThroughput(
        megabytes: Double, ours: [Double], label: String, suffix: String = "",
        baseline: [Double], baselineLabel: String, baselineName: String, missing: String
    ) {
        print(pad(label) + String(format: "median %.3f s  %7.1f MB/s", median(ours), megabytes / median(ours)) + suffix)
        printBaseline(megabytes: megabytes, ours: ours, baseline: baseline, label: baselineLabel, name: baselineName, missing: missing)
    }

    /// Prints a baseline's median throughput on the same bytes and our ratio to it.
    static func printBaseline(megabytes: Double, ours: [Double], baseline: [Double], label: String, name: String, missing: String) {
        guard !baseline.isEmpty else {
            print(pad(label) + missing)
            return
        }
        let theirRate = megabytes / median(baseline)
        print(pad(label) + String(format: "median %.3f s  %7.1f MB/s", median(baseline), theirRate))
        print(String(format: "ratio (socialscan / %@ throughput): %.2f", name, megabytes / median(ours) / theirRate))
    }

    private static func pad(_ text: String) -> String {
        text.padding(toLength: 30, withPad: " ", startingAt: 0)
    }
}
