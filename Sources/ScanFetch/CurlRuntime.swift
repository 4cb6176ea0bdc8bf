import CCurl
import Glibc

/// Process-wide libcurl set-up, done once before the first handle is made.
enum CurlRuntime {
    /// Initialises libcurl and ignores SIGPIPE (a peer closing a socket must not kill the run).
    static let ready: Bool = {
        signal(SIGPIPE, SIG_IGN)
        return curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK
    }()
}

/// What libcurl's callbacks learn about one transfer: the body (within the byte limit), the
/// response headers that matter, and why the transfer was stopped, if it was.
final class TransferState {
    let limit: Int
    let allowPrivate: Bool
    var body: [UInt8] = []
    var etag: String?
    var lastModified: String?
    var retryAfter: String?
    /// The decoded body passed the limit (the write callback stopped the transfer).
    var decodedTooLarge = false
    /// The bytes received passed the limit (the progress callback stopped the transfer).
    var receivedTooLarge = false
    /// A connection to a private address was refused.
    var refusedPrivate = false

    init(limit: Int, allowPrivate: Bool) {
        self.limit = limit
        self.allowPrivate = allowPrivate
    }

    /// Appends a body chunk; false (abort) once the limit would be passed.
    func append(_ chunk: UnsafeRawBufferPointer) -> Bool {
        if body.count + chunk.count > limit {
            decodedTooLarge = true
            return false
        }
        body.append(contentsOf: chunk)
        return true
    }

    /// Records one header line; a new status line (after a redirect) forgets earlier headers.
    func header(_ line: String) {
        if line.hasPrefix("HTTP/") {
            (etag, lastModified, retryAfter) = (nil, nil, nil)
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = line[..<colon].lowercased()
        let value = line[line.index(after: colon)...].trimmingCharacters(in: " \t\r\n")
        switch name {
        case "etag": etag = value
        case "last-modified": lastModified = value
        case "retry-after": retryAfter = value
        default: break
        }
    }
}

extension Substring {
    func trimmingCharacters(in set: String) -> String {
        var text = self
        while let first = text.first, set.contains(first) { text.removeFirst() }
        while let last = text.last, set.contains(last) { text.removeLast() }
        return String(text)
    }
}

// libcurl's callbacks. Global functions on purpose: a closure written elsewhere may be inferred
// to a global actor and trap when curl calls it on the fetch thread. Each gets the transfer's
// `TransferState` as its user pointer.

private func state(_ pointer: UnsafeMutableRawPointer?) -> TransferState? {
    pointer.map { Unmanaged<TransferState>.fromOpaque($0).takeUnretainedValue() }
}

func curlWriteBody(
    _ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ userdata: UnsafeMutableRawPointer?
) -> Int {
    guard let data, let transfer = state(userdata) else { return 0 }
    let length = size * count
    return transfer.append(UnsafeRawBufferPointer(start: data, count: length)) ? length : 0
}

func curlHeader(
    _ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ userdata: UnsafeMutableRawPointer?
) -> Int {
    guard let data, let transfer = state(userdata) else { return 0 }
    let length = size * count
    let bytes = UnsafeRawBufferPointer(start: data, count: length)
    transfer.header(String(decoding: bytes, as: UTF8.self))
    return length
}

func curlProgress(
    _ userdata: UnsafeMutableRawPointer?, _ downloadTotal: curl_off_t, _ downloaded: curl_off_t,
    _ uploadTotal: curl_off_t, _ uploaded: curl_off_t
) -> Int32 {
    guard let transfer = state(userdata) else { return 1 }
    if downloaded > curl_off_t(transfer.limit) {
        transfer.receivedTooLarge = true
        return 1
    }
    return 0
}

func curlOpenSocket(
    _ clientp: UnsafeMutableRawPointer?, _ purpose: curlsocktype, _ address: UnsafeMutablePointer<curl_sockaddr>?
) -> curl_socket_t {
    guard let transfer = state(clientp), let address else { return -1 }
    let family = address.pointee.family
    if !transfer.allowPrivate {
        guard let raw = ss_sockaddr_bytes(address) else { return -1 }
        let isPrivate: Bool
        if family == AF_INET {
            isPrivate = PrivateAddress.isPrivate(ipv4: (4..<8).map { raw[$0] })
        } else if family == AF_INET6 {
            isPrivate = PrivateAddress.isPrivate(ipv6: (8..<24).map { raw[$0] })
        } else {
            isPrivate = true
        }
        if isPrivate {
            transfer.refusedPrivate = true
            return -1
        }
    }
    return socket(family, address.pointee.socktype, address.pointee.protocol)
}
