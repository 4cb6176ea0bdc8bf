import CCurl
import Foundation

/// Fetches many URLs concurrently on libcurl's multi interface, driven from one thread of its
/// own (never Swift's cooperative pool). Respects the total and per-host concurrency, retries
/// with back-off, and delivers each target's report as soon as it is final.
final class MultiFetcher {
    private struct Pending {
        let index: Int
        let url: String
        var attempts: Int
        var notBefore: Double
        let deadline: Double
    }

    private final class Active {
        let pending: Pending
        let handle: CurlEasyHandle
        let sentValidators: Bool

        init(pending: Pending, handle: CurlEasyHandle, sentValidators: Bool) {
            self.pending = pending
            self.handle = handle
            self.sentValidators = sentValidators
        }
    }

    private let settings: FetchSettings
    private let validators: any ValidatorStore
    private let deliver: (Int, FetchReport) -> Void
    private var pending: [Pending] = []
    private var active: [UnsafeMutableRawPointer: Active] = [:]
    private var perHost: [String: Int] = [:]

    /// `deliver` is called on the fetch thread with the target's index and its final report.
    init(settings: FetchSettings, validators: any ValidatorStore, deliver: @escaping (Int, FetchReport) -> Void) {
        self.settings = settings
        self.validators = validators
        self.deliver = deliver
    }

    /// Fetches every (index, url) and returns when all are delivered. Blocks the calling thread.
    func run(_ urls: [(index: Int, url: String)]) {
        let now = Self.now()
        pending = urls.map { Pending(index: $0.index, url: $0.url, attempts: 0, notBefore: now, deadline: now + settings.deadline) }
        guard CurlRuntime.ready, let multi = curl_multi_init() else {
            pending.forEach { finish($0, .failure(.network(url: $0.url, detail: "libcurl could not be initialised"))) }
            return
        }
        defer { curl_multi_cleanup(multi) }
        _ = ss_multi_setopt_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, settings.perHost)
        while !pending.isEmpty || !active.isEmpty {
            startReady(multi)
            var running: Int32 = 0
            _ = curl_multi_perform(multi, &running)
            // A finished transfer frees a slot: start the next one before waiting.
            if collectFinished(multi) > 0 { continue }
            _ = curl_multi_poll(multi, nil, 0, Int32(pollMilliseconds()), nil)
        }
    }

    private func startReady(_ multi: UnsafeMutableRawPointer) {
        let now = Self.now()
        var index = 0
        while index < pending.count && active.count < settings.concurrency {
            let candidate = pending[index]
            let host = Self.host(of: candidate.url)
            guard candidate.notBefore <= now, perHost[host, default: 0] < settings.perHost else {
                index += 1
                continue
            }
            pending.remove(at: index)
            start(candidate, host: host, multi: multi, now: now)
        }
    }

    private func start(_ item: Pending, host: String, multi: UnsafeMutableRawPointer, now: Double) {
        let remaining = item.deadline - now
        let stored = validators.validators(for: item.url)
        guard remaining > 0,
            let handle = CurlEasyHandle(url: item.url, settings: settings, timeout: min(settings.timeout, remaining), validators: stored)
        else {
            finish(item, .failure(remaining > 0 ? .network(url: item.url, detail: "could not start a transfer") : .timeout(url: item.url)))
            return
        }
        var started = item
        started.attempts += 1
        active[handle.handle] = Active(pending: started, handle: handle, sentValidators: !(stored?.isEmpty ?? true))
        perHost[host, default: 0] += 1
        _ = curl_multi_add_handle(multi, handle.handle)
    }

    /// Settles every finished transfer; returns how many there were.
    @discardableResult
    private func collectFinished(_ multi: UnsafeMutableRawPointer) -> Int {
        var finished = 0
        var left: Int32 = 0
        while let message = ss_multi_info_read(multi, &left) {
            guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle,
                let transfer = active.removeValue(forKey: easy)
            else { continue }
            let code = ss_msg_result(message)
            _ = curl_multi_remove_handle(multi, easy)
            perHost[Self.host(of: transfer.pending.url), default: 1] -= 1
            settle(transfer, code: code)
            finished += 1
        }
        return finished
    }

    private func settle(_ transfer: Active, code: CURLcode) {
        let item = transfer.pending
        let outcome = AttemptOutcome.of(
            code: code, handle: transfer.handle, target: item.url, settings: settings, sentValidators: transfer.sentValidators)
        switch outcome {
        case .done(let status):
            if case .fetched = status {
                let fresh = Validators(etag: transfer.handle.state.etag, lastModified: transfer.handle.state.lastModified)
                if !fresh.isEmpty { validators.store(fresh, for: item.url) }
            }
            finish(item, .success(status), bodyBytes: transfer.handle.state.body.count)
        case .failed(let error, let retryAfter):
            let now = Self.now()
            if let delay = RetryPolicy(settings: settings).delay(
                after: error, attempts: item.attempts, retryAfter: retryAfter, remaining: item.deadline - now) {
                var retry = item
                retry.notBefore = now + delay
                pending.append(retry)
            } else {
                finish(item, .failure(error), bodyBytes: transfer.handle.state.body.count)
            }
        }
    }

    private func finish(_ item: Pending, _ result: Result<FetchReport.Status, FetchError>, bodyBytes: Int = 0) {
        deliver(item.index, FetchReport(target: .url(item.url), result: result, attempts: max(1, item.attempts), bodyBytes: bodyBytes))
    }

    /// How long to wait for socket activity: until the next retry is due, at most 100 ms.
    /// Targets that are due but wait for a free slot are woken by the transfer that frees it.
    private func pollMilliseconds() -> Int {
        let now = Self.now()
        let nextRetry = pending.map(\.notBefore).filter { $0 > now }.min().map { $0 - now } ?? 0.1
        return max(1, min(100, Int(nextRetry * 1000)))
    }

    /// `host[:port]` of an http(s) URL, for the per-host limit.
    static func host(of url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let rest = url[schemeEnd.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return String(authority.split(separator: "@").last ?? authority).lowercased()
    }

    private static func now() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1e9
    }
}
