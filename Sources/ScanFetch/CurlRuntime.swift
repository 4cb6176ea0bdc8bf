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

/// Receives body bytes from libcurl, enforcing the byte limit on what actually arrives
/// (`CURLOPT_MAXFILESIZE` only checks Content-Length; chunked and decoded bodies slip past it).
final class ResponseBuffer {
    let limit: Int
    var bytes: [UInt8] = []
    var exceededLimit = false

    init(limit: Int) {
        self.limit = limit
    }

    /// Appends a chunk; returns false (abort the transfer) once the limit would be passed.
    func append(_ chunk: UnsafeRawBufferPointer) -> Bool {
        if bytes.count + chunk.count > limit {
            exceededLimit = true
            return false
        }
        bytes.append(contentsOf: chunk)
        return true
    }
}

/// libcurl's write callback: a global function, because a closure captured from elsewhere may be
/// inferred to a global actor and crash when curl calls it on another thread.
func curlWriteBody(
    _ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ userdata: UnsafeMutableRawPointer?
) -> Int {
    guard let data, let userdata else { return 0 }
    let buffer = Unmanaged<ResponseBuffer>.fromOpaque(userdata).takeUnretainedValue()
    let length = size * count
    return buffer.append(UnsafeRawBufferPointer(start: data, count: length)) ? length : 0
}
