import CCurl

/// Owns one libcurl easy handle and the C memory it points at. Not thread-safe: use it on the
/// thread that made it.
final class CurlEasyHandle {
    private let handle: UnsafeMutableRawPointer
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private var retainedBuffer: Unmanaged<ResponseBuffer>?

    init?() {
        guard let handle = curl_easy_init() else { return nil }
        self.handle = handle
        // libcurl keeps this address until the handle is cleaned up: it must not move.
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
    }

    deinit {
        curl_easy_cleanup(handle)
        retainedBuffer?.release()
        errorBuffer.deallocate()
    }

    /// Sets every option of one transfer; `buffer` receives the body and is kept alive meanwhile.
    func configure(url: String, settings: FetchSettings, buffer: ResponseBuffer) {
        retainedBuffer?.release()
        let retained = Unmanaged.passRetained(buffer)
        retainedBuffer = retained
        _ = ss_easy_setopt_string(handle, CURLOPT_URL, url)
        _ = ss_easy_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https")
        _ = ss_easy_setopt_string(handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        _ = ss_easy_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 1)
        _ = ss_easy_setopt_long(handle, CURLOPT_MAXREDIRS, settings.maxRedirects)
        _ = ss_easy_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        _ = ss_easy_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Int(settings.connectTimeout * 1000))
        _ = ss_easy_setopt_long(handle, CURLOPT_TIMEOUT_MS, Int(settings.timeout * 1000))
        _ = ss_easy_setopt_long(handle, CURLOPT_LOW_SPEED_LIMIT, 1024)
        _ = ss_easy_setopt_long(handle, CURLOPT_LOW_SPEED_TIME, 15)
        _ = ss_easy_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 1)
        _ = ss_easy_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 2)
        _ = ss_easy_setopt_off(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(settings.maxBodyBytes))
        _ = ss_easy_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, "")
        _ = ss_easy_setopt_string(handle, CURLOPT_USERAGENT, settings.userAgent)
        if let caFile = settings.caFile {
            _ = ss_easy_setopt_string(handle, CURLOPT_CAINFO, caFile)
        }
        _ = ss_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer)
        _ = ss_easy_setopt_data_cb(handle, CURLOPT_WRITEFUNCTION, curlWriteBody)
        _ = ss_easy_setopt_pointer(handle, CURLOPT_WRITEDATA, retained.toOpaque())
    }

    /// Runs the transfer to completion on the calling thread.
    func perform() -> CURLcode {
        curl_easy_perform(handle)
    }

    func responseCode() -> Int {
        var code = 0
        _ = ss_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &code)
        return code
    }

    func effectiveURL() -> String? {
        stringInfo(CURLINFO_EFFECTIVE_URL)
    }

    func contentType() -> String? {
        stringInfo(CURLINFO_CONTENT_TYPE)
    }

    /// libcurl's own message for the last failure, or its generic text for `code`.
    func errorDetail(_ code: CURLcode) -> String {
        let detail = String(cString: errorBuffer)
        return detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
    }

    private func stringInfo(_ info: CURLINFO) -> String? {
        var pointer: UnsafeMutablePointer<CChar>?
        guard ss_easy_getinfo_string(handle, info, &pointer) == CURLE_OK, let pointer else { return nil }
        return String(cString: pointer)
    }
}
