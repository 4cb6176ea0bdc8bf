import CCurl

/// Owns one libcurl easy handle for one attempt, with the C memory it points at (error buffer,
/// request headers, the retained `TransferState`). Not thread-safe: the fetch thread owns it.
final class CurlEasyHandle {
    let handle: UnsafeMutableRawPointer
    let state: TransferState
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private let retained: Unmanaged<TransferState>
    private var requestHeaders: UnsafeMutablePointer<curl_slist>?

    /// A handle for `url`, configured from `settings`; `timeout` is this attempt's budget.
    init?(url: String, settings: FetchSettings, timeout: Double, validators: Validators?) {
        guard CurlRuntime.ready, let handle = curl_easy_init() else { return nil }
        self.handle = handle
        state = TransferState(limit: settings.maxBodyBytes, allowPrivate: settings.allowPrivate)
        retained = Unmanaged.passRetained(state)
        // libcurl keeps this address until the handle is cleaned up: it must not move.
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        configure(url: url, settings: settings, timeout: timeout)
        setValidators(validators)
    }

    deinit {
        curl_easy_cleanup(handle)
        curl_slist_free_all(requestHeaders)
        retained.release()
        errorBuffer.deallocate()
    }

    private func configure(url: String, settings: FetchSettings, timeout: Double) {
        let user = retained.toOpaque()
        _ = ss_easy_setopt_string(handle, CURLOPT_URL, url)
        _ = ss_easy_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https")
        _ = ss_easy_setopt_string(handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        _ = ss_easy_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 1)
        _ = ss_easy_setopt_long(handle, CURLOPT_MAXREDIRS, settings.maxRedirects)
        _ = ss_easy_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        _ = ss_easy_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, max(1, Int(settings.connectTimeout * 1000)))
        _ = ss_easy_setopt_long(handle, CURLOPT_TIMEOUT_MS, max(1, Int(timeout * 1000)))
        _ = ss_easy_setopt_long(handle, CURLOPT_LOW_SPEED_LIMIT, settings.lowSpeedLimit)
        _ = ss_easy_setopt_long(handle, CURLOPT_LOW_SPEED_TIME, settings.lowSpeedTime)
        _ = ss_easy_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 1)
        _ = ss_easy_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 2)
        if let caFile = settings.caFile {
            // CAINFO replaces the default bundle; the system directory keeps the usual roots.
            _ = ss_easy_setopt_string(handle, CURLOPT_CAINFO, caFile)
            _ = ss_easy_setopt_string(handle, CURLOPT_CAPATH, "/etc/ssl/certs")
        }
        _ = ss_easy_setopt_off(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(settings.maxBodyBytes))
        _ = ss_easy_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, "")
        _ = ss_easy_setopt_string(handle, CURLOPT_USERAGENT, settings.userAgent)
        _ = ss_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer)
        _ = ss_easy_setopt_data_cb(handle, CURLOPT_WRITEFUNCTION, curlWriteBody)
        _ = ss_easy_setopt_pointer(handle, CURLOPT_WRITEDATA, user)
        _ = ss_easy_setopt_data_cb(handle, CURLOPT_HEADERFUNCTION, curlHeader)
        _ = ss_easy_setopt_pointer(handle, CURLOPT_HEADERDATA, user)
        _ = ss_easy_setopt_long(handle, CURLOPT_NOPROGRESS, 0)
        _ = ss_easy_setopt_xferinfo_cb(handle, curlProgress)
        _ = ss_easy_setopt_pointer(handle, CURLOPT_XFERINFODATA, user)
        _ = ss_easy_setopt_opensocket_cb(handle, curlOpenSocket)
        _ = ss_easy_setopt_pointer(handle, CURLOPT_OPENSOCKETDATA, user)
    }

    private func setValidators(_ validators: Validators?) {
        guard let validators else { return }
        if let etag = validators.etag { requestHeaders = curl_slist_append(requestHeaders, "If-None-Match: \(etag)") }
        if let date = validators.lastModified {
            requestHeaders = curl_slist_append(requestHeaders, "If-Modified-Since: \(date)")
        }
        if let requestHeaders { _ = ss_easy_setopt_slist(handle, CURLOPT_HTTPHEADER, requestHeaders) }
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
