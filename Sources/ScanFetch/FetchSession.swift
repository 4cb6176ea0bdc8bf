import Foundation

/// Fetches a run's URLs concurrently in the background while the caller consumes the results
/// in argument order: `report(at:)` blocks only until that one target is final, so parsing and
/// detection of early targets overlap the fetching of later ones.
public final class FetchSession: @unchecked Sendable {
    private let settings: FetchSettings
    private let validators: any ValidatorStore
    private let condition = NSCondition()
    private var reports: [Int: FetchReport] = [:]

    public init(settings: FetchSettings, validators: any ValidatorStore = InMemoryValidatorStore()) {
        self.settings = settings
        self.validators = validators
    }

    /// Starts fetching `urls` (each with the caller's index for it) on a thread of its own.
    public func start(_ urls: [(index: Int, url: String)]) {
        guard !urls.isEmpty else { return }
        let (settings, validators) = (self.settings, self.validators)
        let thread = Thread { [self] in
            MultiFetcher(settings: settings, validators: validators) { index, report in
                self.condition.withLock {
                    self.reports[index] = report
                    self.condition.broadcast()
                }
            }.run(urls)
        }
        thread.name = "socialscan-fetch"
        thread.start()
    }

    /// The report for the URL started with `index`, waiting for it if needed.
    public func report(at index: Int) -> FetchReport {
        condition.withLock {
            while true {
                if let report = reports.removeValue(forKey: index) { return report }
                condition.wait()
            }
        }
    }
}
