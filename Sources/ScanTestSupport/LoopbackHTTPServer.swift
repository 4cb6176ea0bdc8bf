import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A small HTTP/1.1 server on 127.0.0.1 with real sockets, for tests of the fetch stage.
///
/// Each route answers with a canned `Response`; every request is logged so tests can assert on
/// what the client sent. Connections are closed after one response. Not a general server: it
/// exists so that libcurl is exercised over a real socket, never against a mock.
public final class LoopbackHTTPServer: @unchecked Sendable {
    /// The port the server listens on (chosen by the kernel).
    public let port: Int
    private let listener: Int32
    private let lock = NSLock()
    private var routes: [String: Response]
    private var requestLog: [Request] = []
    private var stopped = false
    private let acceptThread: Thread

    /// Starts listening; `routes` maps a path (`/feed.xml`) to its response.
    public init(routes: [String: Response] = [:]) throws {
        let socket = try Self.listeningSocket()
        listener = socket.descriptor
        port = socket.port
        self.routes = routes
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
        "http://127.0.0.1:\(port)\(path)"
    }

    /// Sets or replaces the response for `path`.
    public func route(_ path: String, _ response: Response) {
        lock.withLock { routes[path] = response }
    }

    /// The requests received so far, in order of arrival.
    public var requests: [Request] {
        lock.withLock { requestLog }
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
        guard let request = Self.readRequest(connection) else { return }
        let response = lock.withLock { () -> Response in
            requestLog.append(request)
            return routes[request.path] ?? Response(status: 404, body: "not found")
        }
        if response.delay > 0 { Thread.sleep(forTimeInterval: response.delay) }
        Self.send(response.serialized(), to: connection)
    }

    private static func readRequest(_ connection: Int32) -> Request? {
        var data: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        let terminator: [UInt8] = [13, 10, 13, 10]
        while data.count < 65_536 {
            let count = chunk.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            if count <= 0 { return nil }
            data += chunk[0..<count]
            if data.count >= 4, (0...(data.count - 4)).contains(where: { Array(data[$0..<$0 + 4]) == terminator }) {
                break
            }
        }
        return Request(head: String(decoding: data, as: UTF8.self))
    }

    private static func send(_ bytes: [UInt8], to connection: Int32) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent <= 0 { return }
            offset += sent
        }
    }

    private static func listeningSocket() throws -> (descriptor: Int32, port: Int) {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw ServerError.socket(errno) }
        var reuse: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
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
