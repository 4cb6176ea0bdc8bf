import Foundation

/// A canned HTTP response for `LoopbackHTTPServer`.
public struct Response: Sendable {
    public var status: Int
    public var headers: [(String, String)]
    public var body: [UInt8]
    /// Seconds to wait before answering.
    public var delay: Double

    public init(status: Int = 200, headers: [(String, String)] = [], body: [UInt8], delay: Double = 0) {
        self.status = status
        self.headers = headers
        self.body = body
        self.delay = delay
    }

    public init(status: Int = 200, headers: [(String, String)] = [], body: String, delay: Double = 0) {
        self.init(status: status, headers: headers, body: Array(body.utf8), delay: delay)
    }

    /// A 200 answer with a feed content type.
    public static func feed(_ xml: String) -> Response {
        Response(headers: [("Content-Type", "application/rss+xml; charset=utf-8")], body: xml)
    }

    /// A redirect to `location`.
    public static func redirect(to location: String, status: Int = 302) -> Response {
        Response(status: status, headers: [("Location", location)], body: "")
    }

    /// The bytes on the wire: status line, headers (with Content-Length), blank line, body.
    func serialized() -> [UInt8] {
        var head = "HTTP/1.1 \(status) \(Self.reason(status))\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        return Array(head.utf8) + body
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 304: "Not Modified"
        case 404: "Not Found"
        case 500: "Internal Server Error"
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

    init?(head: String) {
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
    }
}
