import ArgumentParser
import Foundation
import ScanDetect

/// Flags that choose which pattern packs are loaded.
struct PatternOptions: ParsableArguments {
    @Option(name: .customLong("patterns"), help: ArgumentHelp(
        "A directory of extra pattern packs (repeatable); its rules override shipped rules with the same id.",
        valueName: "dir"))
    var directories: [String] = []

    @Flag(help: "Do not load the shipped pattern packs.")
    var noDefaultPatterns = false

    /// The shipped packs (unless turned off), then each `--patterns` directory in order.
    func loadRules(environment: [String: String]) throws(PatternError) -> [Rule] {
        var all: [String] = []
        if !noDefaultPatterns {
            guard let shipped = PatternLocator.shippedDirectory(environment: environment) else {
                throw PatternError(file: "Patterns", problem: "the shipped pattern packs were not found; set SOCIALSCAN_PATTERNS")
            }
            all.append(shipped)
        }
        return try PackLoader().load(directories: all + directories)
    }

    /// The student-name data: the shipped `names/` folder (unless turned off), or the last
    /// `--patterns` directory that has one; nil when there is none.
    func loadNameData(environment: [String: String]) throws(PatternError) -> NameData? {
        var directory = noDefaultPatterns ? nil : NameData.shippedDirectory(environment: environment)
        for extra in directories where FileManager.default.fileExists(atPath: extra + "/names/student-names.yml") {
            directory = extra + "/names"
        }
        return try directory.map { (path: String) throws(PatternError) -> NameData in try NameData(directory: path) }
    }

    /// The rules, or nil after reporting why they could not be loaded.
    func rulesOrReport(_ io: CommandIO) -> [Rule]? {
        do {
            return try loadRules(environment: io.environment)
        } catch {
            io.diagnose(.error, error.description)
            return nil
        }
    }
}
