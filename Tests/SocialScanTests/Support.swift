import Foundation
import ScanCore
import ScanParse
import ScanReport
import SocialScanCLI

/// Paths inside the checkout, found from this file's location.
enum Repo {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static func path(_ relative: String) -> String { root + "/" + relative }
}

/// The outcome of one in-process `socialscan` run.
struct CLIResult {
    var code: Int32
    var stdout: String
    var stderr: String

    var stdoutLines: [String] { stdout.split(separator: "\n").map(String.init) }
}

/// Runs the command line in-process with captured streams (the same code path as the binary).
func runCLI(_ arguments: [String], environment: [String: String] = [:]) -> CLIResult {
    let out = BufferSink()
    let err = BufferSink()
    let io = CommandIO(stdout: out, stderr: err, environment: environment)
    let code = SocialScanMain.run(arguments: arguments, io: io)
    return CLIResult(code: code, stdout: out.text, stderr: err.text)
}

/// Parses `text` as a document fetched from `url`.
func parseDocument(_ text: String, url: String = "feed.xml", contentType: String? = nil) throws -> ParsedDocument {
    try parseDocument(bytes: Array(text.utf8), url: url, contentType: contentType)
}

func parseDocument(bytes: [UInt8], url: String = "feed.xml", contentType: String? = nil) throws -> ParsedDocument {
    let fetched = FetchedDocument(source: url, finalURL: url, status: 200, contentType: contentType, body: bytes)
    return try DocumentParser().parse(fetched)
}

/// A JSON Lines line as a dictionary.
func jsonObject(_ line: String) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
    guard let dictionary = object as? [String: Any] else { throw JSONShapeError.notAnObject(line) }
    return dictionary
}

enum JSONShapeError: Error {
    case notAnObject(String)
}

/// Writes `text` to a new file in a fresh temporary directory and returns the file's path.
func temporaryFile(named name: String, contents: String) throws -> String {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("socialscan-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let path = directory.appendingPathComponent(name).path
    try contents.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}
