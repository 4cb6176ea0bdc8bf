import CCurl

/// Fetches one http(s) URL with libcurl, following the project's limits.
///
/// Only http and https are allowed, for the first request and for every redirect. TLS is always
/// verified. Each call uses its own easy handle, so a `CurlFetcher` may be used from any thread.
public struct CurlFetcher: Sendable {
    public let settings: FetchSettings

    public init(settings: FetchSettings) {
        self.settings = settings
    }

    /// Fetches `url`. A non-2xx status is a failure (`http-404`); throws `FetchError`.
    public func fetch(url: String) throws(FetchError) -> FetchedDocumentBytes {
        guard CurlRuntime.ready, let handle = CurlEasyHandle() else {
            throw .network(url: url, detail: "libcurl could not be initialised")
        }
        let buffer = ResponseBuffer(limit: settings.maxBodyBytes)
        handle.configure(url: url, settings: settings, buffer: buffer)
        let code = handle.perform()
        if code != CURLE_OK {
            throw failure(for: code, url: url, handle: handle, buffer: buffer)
        }
        let status = handle.responseCode()
        guard (200..<300).contains(status) else { throw .httpStatus(url: url, status: status) }
        return FetchedDocumentBytes(
            finalURL: handle.effectiveURL() ?? url, status: status, contentType: handle.contentType(),
            body: buffer.bytes)
    }

    private func failure(
        for code: CURLcode, url: String, handle: CurlEasyHandle, buffer: ResponseBuffer
    ) -> FetchError {
        let detail = handle.errorDetail(code)
        switch code {
        case CURLE_WRITE_ERROR where buffer.exceededLimit, CURLE_FILESIZE_EXCEEDED:
            return .tooLarge(url: url, limit: settings.maxBodyBytes)
        case CURLE_OPERATION_TIMEDOUT:
            return .timeout(url: url)
        case CURLE_TOO_MANY_REDIRECTS:
            return .tooManyRedirects(url: url)
        case CURLE_UNSUPPORTED_PROTOCOL:
            return .redirectRefused(url: url)
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CONNECT_ERROR, CURLE_SSL_CERTPROBLEM,
            CURLE_SSL_CACERT_BADFILE:
            return .tls(url: url, detail: detail)
        default:
            return .network(url: url, detail: detail)
        }
    }
}
