import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A small HTTP/1.1 server on a loopback address with real sockets, for tests and benchmarks of
/// the fetch stage.
///
/// Each route answers with canned `Response`s (a list is served in order, the last one
/// repeating), including injected faults; every request is logged so tests can assert on what
/// the client sent. Connections are closed after one response. Not a general server: it exists
/// so that libcurl is exercised over a real socket, never against a mock.
public final class LoopbackHTTPServer: @unchecked Sendable {
    /// The port the server listens on (chosen by the kernel).
    public let port: Int
    private let listener: Int32
    private let lock = NSLock()
    /// The address it listens on (`127.0.0.1` unless another loopback address was asked for).
    public let host: String
    private var routes: [String: [Response]]
    private var served: [String: Int] = [:]
    private var inFlight = 0
    private var mostInFlight = 0
    private var requestLog: [Request] = []
    private let started = Date()
    private var stopped = false
    private let acceptThread: Thread

    /// Starts listening on `host` (a 127.x.y.z address); `routes` maps a path (`/feed.xml`) to its response.
    public init(host: String = "127.0.0.1", routes: [String: Response] = [:]) throws {
        let socket = try Self.listeningSocket(host: host)
        listener = socket.descriptor
        port = socket.port
        self.host = host
        self.routes = routes.mapValues { [$0] }
        let box = WeakServer()
        acceptThread = Thread { box.server?.acceptLoop() }
        box.server = self
        acceptThread.start()
    }

    deinit {
        stop()
    }

    /// `http://127.0.0.1:PORT` + `path`.
    public func url(_ path: String) -> String {
        "http://\(host):\(port)\(path)"
    }

    /// Sets or replaces the response for `path`.
    public func route(_ path: String, _ response: Response) {
        route(path, [response])
    }

    /// Serves `responses` in order for successive requests to `path`; the last one repeats.
    public func route(_ path: String, _ responses: [Response]) {
        lock.withLock {
            routes[path] = responses
            served[path] = 0
        }
    }

    /// The requests received so far, in order of arrival.
    public var requests: [Request] {
        lock.withLock { requestLog }
    }

    /// The most requests this server was holding at the same time: from reading a request until
    /// it starts sending the response (so a client that has read a whole response and opens the
    /// next connection is never counted twice, however slowly this thread winds down).
    public var maxConcurrentRequests: Int {
        lock.withLock { mostInFlight }
    }

    /// Stops accepting connections.
    public func stop() {
        let first = lock.withLock { () -> Bool in
            defer { stopped = true }
            return !stopped
        }
        if first {
            shutdown(listener, Int32(SHUT_RDWR))
            close(listener)
        }
    }

    private func acceptLoop() {
        while true {
            let connection = accept(listener, nil, nil)
            if connection < 0 {
                if lock.withLock({ stopped }) { return }
                continue
            }
            Thread { [self] in self.serve(connection) }.start()
        }
    }

    private func serve(_ connection: Int32) {
        defer { close(connection) }
        guard let request = Self.readRequest(connection, time: Date().timeIntervalSince(started)) else { return }
        let response = lock.withLock { () -> Response in
            requestLog.append(request)
            inFlight += 1
            mostInFlight = max(mostInFlight, inFlight)
            guard let list = routes[request.path], !list.isEmpty else { return Response(status: 404, body: "not found") }
            let index = served[request.path, default: 0]
            served[request.path] = index + 1
            return list[min(index, list.count - 1)]
        }
        if response.delay > 0 { Thread.sleep(forTimeInterval: response.delay) }
        lock.withLock { inFlight -= 1 }
        let notModified = response.etag != nil && request.headers["if-none-match"] == response.etag
        guard Self.send(response.head(notModified: notModified), to: connection), !notModified else { return }
        ResponseWriter(connection: connection, response: response).writeBody()
    }

    private static func readRequest(_ connection: Int32, time: Double) -> Request? {
        var data: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        let terminator: [UInt8] = [13, 10, 13, 10]
        while data.count < 65_536 {
            let count = chunk.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            if count <= 0 { return nil }
            data += chunk[0..<count]
            // A TLS ClientHello (record type 0x16) to this plain-HTTP server: answer in plain text
            // at once, as a misconfigured server would, so the client fails its handshake quickly.
            if data.first == 0x16 {
                send(Array("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n".utf8), to: connection)
                return nil
            }
            if data.count >= 4, (0...(data.count - 4)).contains(where: { Array(data[$0..<$0 + 4]) == terminator }) {
                break
            }
        }
        return Request(head: String(decoding: data, as: UTF8.self), time: time)
    }

    /// Sends all of `bytes`; false when the peer went away.
    @discardableResult
    static func send(_ bytes: some Collection<UInt8>, to connection: Int32) -> Bool {
        let array = Array(bytes)
        var offset = 0
        while offset < array.count {
            let sent = array[offset...].withUnsafeBytes { Glibc.send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent <= 0 { return false }
            offset += sent
        }
        return true
    }

    private static func listeningSocket(host: String) throws -> (descriptor: Int32, port: Int) {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw ServerError.socket(errno) }
        var reuse: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr(host)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        guard bound == 0, listen(descriptor, 128) == 0 else {
            close(descriptor)
            throw ServerError.socket(errno)
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        return (descriptor, Int(UInt16(bigEndian: address.sin_port)))
    }

    /// Why the server could not start.
    public enum ServerError: Error {
        case socket(Int32)
    }
}

/// Lets the accept thread reach the server without keeping it alive.
private final class WeakServer: @unchecked Sendable {
    weak var server: LoopbackHTTPServer?
}
