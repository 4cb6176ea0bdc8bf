import Foundation

/// Turns command-line arguments into targets, in argument order.
///
/// A directory expands to its feed and page files, recursively, sorted by path so that runs are
/// deterministic (a `.json` file only when it is a JSON Feed). An argument that names nothing becomes a failure in its place, so the report
/// keeps the user's order.
public struct TargetResolver: Sendable {
    /// File name endings a directory walk picks up (feeds and pages).
    public static let documentExtensions: Set<String> = [
        "xml", "rss", "atom", "rdf", "feed", "json", "html", "htm", "xhtml",
    ]

    public init() {}

    /// Resolves each argument; a directory contributes several entries, a bad argument one failure.
    public func resolve(_ arguments: [String]) -> [Result<Target, FetchError>] {
        arguments.flatMap(resolve(_:))
    }

    private func resolve(_ argument: String) -> [Result<Target, FetchError>] {
        let lower = argument.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") {
            return [.success(.url(argument))]
        }
        if argument.contains("://") {
            return [.failure(.unsupportedScheme(url: argument))]
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else {
            return [.failure(.fileNotFound(path: argument))]
        }
        guard isDirectory.boolValue else { return [.success(.file(argument))] }
        let files = documentFiles(under: argument)
        guard !files.isEmpty else { return [.failure(.noDocuments(directory: argument))] }
        return files.map { .success(.file($0)) }
    }

    /// Whether a `.json` file found in a directory is a JSON Feed (it names jsonfeed.org, its
    /// `version`, anywhere: keys may come in any order): other JSON (settings, data) is not a
    /// document to scan. Read in chunks up to the first mention (a feed names it near its start,
    /// so a feed is not read whole twice); files too large to check are kept (the parser then
    /// judges them); a file named on the command line is always read.
    static func isJSONFeed(_ path: String) -> Bool {
        let limit = 64 << 20
        let marker = Data("jsonfeed.org".utf8)
        guard let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size <= limit,
            let handle = FileHandle(forReadingAtPath: path)
        else { return true }
        defer { try? handle.close() }
        // The last bytes of each chunk are kept, so a mention split across two chunks is found.
        var window = Data()
        while let chunk = try? handle.read(upToCount: 64 << 10), !chunk.isEmpty {
            window = window.suffix(marker.count - 1) + chunk
            if window.range(of: marker) != nil { return true }
        }
        return false
    }

    private func documentFiles(under directory: String) -> [String] {
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        guard let walker = FileManager.default.enumerator(atPath: base) else { return [] }
        var paths: [String] = []
        while let relative = walker.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") { continue }
            let ext = (name as NSString).pathExtension.lowercased()
            guard Self.documentExtensions.contains(ext) else { continue }
            let path = base + "/" + relative
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                ext != "json" || Self.isJSONFeed(path) {
                paths.append(path)
            }
        }
        return paths.sorted()
    }
}
