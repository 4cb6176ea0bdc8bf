import ScanCore

/// The JSON form of a problem, schema `socialscan/problem@1` (`docs/findings.md`): a target that
/// could not be fetched or parsed, or a warning such as a document recovered from broken markup.
public enum ProblemRecord {
    public static let schema = "socialscan/problem@1"

    public static func json(_ problem: Problem) -> JSONValue {
        .object([
            ("schema", .string(schema)),
            ("level", .string(problem.isWarning ? "warning" : "error")),
            ("stage", .string(problem.stage.rawValue)),
            ("target", .string(problem.target)),
            ("reason", .string(problem.reason)),
            ("message", .string(problem.message)),
        ])
    }
}
