/// Something a stage could not do for one target. The run goes on; the report says what happened.
public struct Problem: Sendable, Hashable, Error {
    /// The stage that met the problem.
    public enum Stage: String, Sendable, Codable {
        case fetch, parse, detect
    }

    public var stage: Stage
    /// The target (URL or path) the problem is about.
    public var target: String
    /// A stable kebab-case reason (`not-found`, `http-404`, `not-a-feed`, `ill-formed`, ...).
    public var reason: String
    /// One line for a person.
    public var message: String
    /// True when the target's results are still complete enough to use (a recovered document).
    public var isWarning: Bool

    public init(stage: Stage, target: String, reason: String, message: String, isWarning: Bool = false) {
        self.stage = stage
        self.target = target
        self.reason = reason
        self.message = message
        self.isWarning = isWarning
    }
}
