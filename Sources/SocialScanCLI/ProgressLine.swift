import Foundation
import ScanReport

/// A one-line progress display on a terminal's stderr: sources fetched and failed, posts parsed,
/// findings. Drawn only for runs longer than a second, at most ten times a second, and erased at
/// the end, so a short run or a pipe sees nothing.
final class ProgressLine {
    private let sink: any TextSink
    private let started = Date()
    private var lastDraw = Date.distantPast
    private var visible = false
    private var scanned = 0
    private var failed = 0
    private var items = 0
    private var findings = 0

    init(sink: any TextSink) {
        self.sink = sink
    }

    func update(scanned: Int? = nil, failed: Int? = nil, items: Int? = nil, findings: Int? = nil) {
        self.scanned = scanned ?? self.scanned
        self.failed = failed ?? self.failed
        self.items = items ?? self.items
        self.findings = findings ?? self.findings
        let now = Date()
        guard now.timeIntervalSince(started) > 1, now.timeIntervalSince(lastDraw) > 0.1 else { return }
        lastDraw = now
        visible = true
        sink.write("\r\u{1B}[2Ksocialscan: \(self.scanned) sources read, \(self.failed) failed, \(self.items) posts, \(self.findings) findings")
        sink.flush()
    }

    /// Erases the line (before a diagnostic, and at the end).
    func clear() {
        guard visible else { return }
        visible = false
        sink.write("\r\u{1B}[2K")
        sink.flush()
    }
}
