import Foundation

/// A canned HTTP response for `LoopbackHTTPServer`, with the faults the fetch tests inject.
public struct Response: Sendable {
    /// How the server misbehaves while answering.
    public enum Fault: Sendable {
        case none
        /// Sends the body `chunk` bytes at a time, waiting `interval` seconds between chunks.
        case drip(chunk: Int, interval: Double)
        /// Announces the whole body, sends `bytes` of it, then resets the connection.
        case resetAfter(bytes: Int)
        /// Sends the body with chunked transfer encoding (no Content-Length).
        case chunked
    }

    public var status: Int
    public var headers: [(String, String)]
    public var body: [UInt8]
    /// Seconds to wait before answering.
    public var delay: Double
    public var fault: Fault
    /// When set, a request whose If-None-Match equals it gets 304 Not Modified.
    public var etag: String?

    public init(
        status: Int = 200, headers: [(String, String)] = [], body: [UInt8], delay: Double = 0,
        fault: Fault = .none, etag: String? = nil
    ) {
        self.status = status
        self.headers = headers
        self.body = body
        self.delay = delay
        self.fault = fault
        self.etag = etag
    }

    public init(
        status: Int = 200, headers: [(String, String)] = [], body: String, delay: Double = 0,
        fault: Fault = .none, etag: String? = nil
    ) {
        self.init(status: status, headers: headers, body: Array(body.utf8), delay: delay, fault: fault, etag: etag)
    }

    /// A 200 answer with a feed content type.
    public static func feed(_ xml: String, delay: Double = 0) -> Response {
        Response(headers: [("Content-Type", "application/rss+xml; charset=utf-8")], body: xml, delay: delay)
    }

    /// A redirect to `location`.
    public static func redirect(to location: String, status: Int = 302) -> Response {
        Response(status: status, headers: [("Location", location)], body: "")
    }

    /// The status line and headers (with Content-Length unless chunked).
    func head(notModified: Bool) -> [UInt8] {
        let code = notModified ? 304 : status
        var head = "HTTP/1.1 \(code) \(Self.reason(code))\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if let etag { head += "ETag: \(etag)\r\n" }
        if case .chunked = fault, !notModified {
            head += "Transfer-Encoding: chunked\r\n"
        } else {
            head += "Content-Length: \(notModified ? 0 : body.count)\r\n"
        }
        return Array((head + "Connection: close\r\n\r\n").utf8)
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 304: "Not Modified"
        case 404: "Not Found"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }
}

/// One request as the server received it.
public struct Request: Sendable {
    public var method: String
    public var path: String
    /// Header names in lower case.
    public var headers: [String: String]
    /// Seconds since the server started, when the request arrived.
    public var time: Double

    init?(head: String, time: Double) {
        let lines = head.split(separator: "\r\n", omittingEmptySubsequences: false)
        let parts = lines.first?.split(separator: " ") ?? []
        guard parts.count >= 2 else { return nil }
        method = String(parts[0])
        path = String(parts[1])
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        self.headers = headers
        self.time = time
    }
}
