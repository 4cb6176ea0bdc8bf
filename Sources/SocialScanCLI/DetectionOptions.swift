import ArgumentParser
import ScanCore
import ScanDetect

/// Flags that shape detection: the confidence threshold and the division's own names.
struct DetectionOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Hide findings below this confidence (0 to 1).", valueName: "confidence"))
    var minConfidence = 0.5

    @Flag(help: "Show every finding, whatever its confidence.")
    var all = false

    @Option(name: .customLong("own-holder"), help: ArgumentHelp(
        "The division's own name as a copyright holder (repeatable): its own notices are not findings.",
        valueName: "name"))
    var ownHolders: [String] = []

    func validate() throws {
        guard (0...1).contains(minConfidence) else { throw ValidationError("--min-confidence takes a number from 0 to 1.") }
    }

    /// The confidence below which findings are hidden.
    var threshold: Double { all ? 0 : minConfidence }

    /// The detectors of a run: the loaded rules, and student names when the names data is there.
    func detectors(rules: [Rule], names: NameData?, roster: RosterOptions, io: CommandIO) throws -> [any Detector] {
        let patterns = try PatternDetector(rules: rules, ownHolders: ownHolders, names: names)
        // `load` refuses a roster or staff list when the names data is missing.
        let (hashed, staff, key) = try roster.load(names: names, environment: io.environment)
        guard let names else { return [patterns] }
        let today = String(RunClock.now(io.environment).prefix(10))
        let students = StudentNameDetector(
            roster: hashed, staff: staff, data: names, key: key, today: today, findUnlisted: !roster.rosterOnly)
        let numbers = hashed.flatMap(RosterNumberDetector.init(roster:))
        return [DetectorChain([patterns, students] + [numbers].compactMap { $0 })]
    }
}
