import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Writes a response body with its fault: all at once, dripped, cut by a reset, or chunked.
struct ResponseWriter {
    let connection: Int32
    let response: Response

    func writeBody() {
        let body = response.body
        switch response.fault {
        case .none:
            LoopbackHTTPServer.send(body, to: connection)
        case .drip(let chunk, let interval):
            var offset = 0
            while offset < body.count {
                let end = min(body.count, offset + max(1, chunk))
                guard LoopbackHTTPServer.send(body[offset..<end], to: connection) else { return }
                offset = end
                Thread.sleep(forTimeInterval: interval)
            }
        case .resetAfter(let bytes):
            LoopbackHTTPServer.send(body.prefix(bytes), to: connection)
            // SO_LINGER with a zero timeout makes close() send a reset instead of a clean end.
            var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
            setsockopt(connection, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
        case .chunked:
            var offset = 0
            while offset < body.count {
                let end = min(body.count, offset + 16_384)
                let size = Array(String(end - offset, radix: 16).utf8) + [13, 10]
                guard LoopbackHTTPServer.send(size + body[offset..<end] + [13, 10], to: connection) else { return }
                offset = end
            }
            LoopbackHTTPServer.send(Array("0\r\n\r\n".utf8), to: connection)
        }
    }
}
