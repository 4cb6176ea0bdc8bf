/// A pattern pack that cannot be used. Always names the file, and the line and column when the
/// problem is at one place. Any such error stops the run before scanning (exit 2).
public struct PatternError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var problem: String

    public init(file: String, line: Int? = nil, column: Int? = nil, problem: String) {
        self.file = file
        self.line = line
        self.column = column
        self.problem = problem
    }

    /// `Patterns/copyright.yml:12:5: problem`.
    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        return "\(place): \(problem)"
    }
}
