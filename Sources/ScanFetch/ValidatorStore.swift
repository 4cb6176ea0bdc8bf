import Foundation

/// HTTP validators of a previous fetch, for conditional GET.
public struct Validators: Sendable, Equatable {
    public var etag: String?
    public var lastModified: String?

    public init(etag: String? = nil, lastModified: String? = nil) {
        self.etag = etag
        self.lastModified = lastModified
    }

    var isEmpty: Bool { etag == nil && lastModified == nil }
}

/// Where validators are kept between fetches: in memory now, in the nightly state database
/// later. Called from the fetch thread.
public protocol ValidatorStore: Sendable {
    func validators(for url: String) -> Validators?
    func store(_ validators: Validators, for url: String)
}

/// Validators kept for the life of the process.
public final class InMemoryValidatorStore: ValidatorStore, @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: Validators] = [:]

    public init() {}

    public func validators(for url: String) -> Validators? {
        lock.withLock { entries[url] }
    }

    public func store(_ validators: Validators, for url: String) {
        lock.withLock { entries[url] = validators }
    }
}
