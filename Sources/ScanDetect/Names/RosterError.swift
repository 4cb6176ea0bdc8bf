/// Why a roster, staff list or roster key could not be used; names the file (and line).
/// Always a configuration error (exit 2): nothing is scanned with a half-read roster.
public struct RosterError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The file (with `:line` when it is about one row), or the environment variable.
    public var source: String
    public var problem: String

    public init(source: String, line: Int? = nil, problem: String) {
        self.source = line.map { "\(source):\($0)" } ?? source
        self.problem = problem
    }

    public var description: String { "\(source): \(problem)" }
}
