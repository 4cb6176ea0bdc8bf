import Foundation

/// Reads local files, with the same limits as fetched bodies.
public struct FileFetcher: Sendable {
    public let settings: FetchSettings

    public init(settings: FetchSettings) {
        self.settings = settings
    }

    /// Reads `path` whole. Throws `FetchError` (`not-found`, `unreadable`, `too-large`).
    public func fetch(path: String) throws(FetchError) -> FetchedDocumentBytes {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            if FileManager.default.fileExists(atPath: path) {
                throw .fileUnreadable(path: path, errno: EACCES)
            }
            throw .fileNotFound(path: path)
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: settings.maxBodyBytes + 1) ?? Data()
        } catch {
            throw .fileUnreadable(path: path, errno: EIO)
        }
        if data.count > settings.maxBodyBytes {
            throw .tooLarge(url: path, limit: settings.maxBodyBytes)
        }
        return FetchedDocumentBytes(finalURL: path, status: 200, contentType: nil, body: [UInt8](data))
    }
}

/// The part of a fetched document a fetcher produces; the `Fetcher` adds the target's name.
public struct FetchedDocumentBytes: Sendable {
    public var finalURL: String
    public var status: Int
    public var contentType: String?
    public var body: [UInt8]
}
