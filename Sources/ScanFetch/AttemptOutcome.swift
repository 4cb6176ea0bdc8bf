import CCurl
import Foundation
import ScanCore

/// What one finished attempt means: a final status, or an error that may be retried.
enum AttemptOutcome {
    case done(FetchReport.Status)
    case failed(FetchError, retryAfter: Double?)

    /// Interprets a finished transfer of `target`.
    static func of(
        code: CURLcode, handle: CurlEasyHandle, target: String, settings: FetchSettings, sentValidators: Bool
    ) -> AttemptOutcome {
        let state = handle.state
        if code != CURLE_OK { return .failed(error(for: code, handle: handle, url: target, limit: settings.maxBodyBytes), retryAfter: nil) }
        let status = handle.responseCode()
        if status == 304 && sentValidators { return .done(.notModified) }
        guard (200..<300).contains(status) else {
            return .failed(.httpStatus(url: target, status: status), retryAfter: state.retryAfter.flatMap(retryAfterSeconds))
        }
        let document = FetchedDocument(
            source: target, finalURL: handle.effectiveURL() ?? target, status: status,
            contentType: handle.contentType(), body: state.body)
        return .done(.fetched(document))
    }

    private static func error(for code: CURLcode, handle: CurlEasyHandle, url: String, limit: Int) -> FetchError {
        let state = handle.state
        if state.refusedPrivate { return .privateAddress(url: url) }
        if state.decodedTooLarge || state.receivedTooLarge { return .tooLarge(url: url, limit: limit) }
        switch code {
        case CURLE_FILESIZE_EXCEEDED: return .tooLarge(url: url, limit: limit)
        case CURLE_OPERATION_TIMEDOUT: return .timeout(url: url)
        case CURLE_TOO_MANY_REDIRECTS: return .tooManyRedirects(url: url)
        case CURLE_UNSUPPORTED_PROTOCOL: return .redirectRefused(url: url)
        case CURLE_COULDNT_RESOLVE_HOST: return .dns(url: url)
        case CURLE_COULDNT_CONNECT: return .connectFailed(url: url)
        case CURLE_RECV_ERROR, CURLE_PARTIAL_FILE, CURLE_GOT_NOTHING, CURLE_SEND_ERROR: return .reset(url: url)
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CONNECT_ERROR, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CACERT_BADFILE:
            return .tls(url: url, detail: handle.errorDetail(code))
        default: return .network(url: url, detail: handle.errorDetail(code))
        }
    }

    /// Seconds to wait for a `Retry-After` value: a number of seconds or an HTTP date.
    static func retryAfterSeconds(_ value: String) -> Double? {
        if let seconds = Double(value.trimmingCharacters(in: .whitespaces)), seconds >= 0 { return seconds }
        let when = curl_getdate(value, nil)
        guard when > 0 else { return nil }
        return max(0, Double(when) - Date().timeIntervalSince1970)
    }
}

/// When to try again: exponential back-off with jitter, honouring `Retry-After` up to a cap,
/// never past the target's deadline.
struct RetryPolicy {
    let settings: FetchSettings

    /// The delay before attempt number `attempts + 1`, or nil when no retry should be made.
    func delay(after error: FetchError, attempts: Int, retryAfter: Double?, remaining: Double) -> Double? {
        guard error.isRetryable, attempts <= settings.retries else { return nil }
        let backoff = settings.retryBaseDelay * pow(2, Double(attempts - 1)) * Double.random(in: 0.5...1.5)
        let delay = retryAfter.map { min($0, settings.maxRetryAfter) } ?? backoff
        return delay < remaining ? delay : nil
    }
}
