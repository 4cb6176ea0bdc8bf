import ArgumentParser
import Foundation
import ScanDetect

/// Flags that give the student-name detector its roster, staff list and key.
struct RosterOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The student roster: a file made by `roster import`, or the CSV itself (needs the roster key).",
        valueName: "file"))
    var roster: String?

    @Option(help: ArgumentHelp(
        "A staff CSV (first_name,last_name,role,school): staff names are not student findings.", valueName: "file"))
    var staff: String?

    @Flag(help: "With --roster: report only students on the roster, not names found by student context (faster).")
    var rosterOnly = false

    @OptionGroup var key: RosterKeyOptions

    @OptionGroup var csv: RosterCSVOptions

    /// The key, roster and staff list, or nil for each that was not given.
    func load(names: NameData?, environment: [String: String]) throws(RosterError) -> (roster: HashedRoster?, staff: HashedRoster?, key: RosterKey?) {
        if rosterOnly && roster == nil {
            throw RosterError(source: "--roster-only", problem: "needs --roster")
        }
        if names == nil && (roster != nil || staff != nil) {
            throw RosterError(source: roster != nil ? "--roster" : "--staff", problem: "the student-name data (Patterns/names/) was not found")
        }
        let rosterKey = try key.load(environment: environment)
        var hashed: HashedRoster?
        if let roster {
            guard let data = FileManager.default.contents(atPath: roster) else {
                throw RosterError(source: roster, problem: "cannot be read")
            }
            guard let rosterKey else {
                throw RosterError(
                    source: roster,
                    problem: "a roster needs its key: set \(RosterKey.environmentVariable) or give --key-file (see `socialscan roster --help`)")
            }
            if RosterFile.isRosterFile(data) {
                hashed = try RosterFile.decode(data, path: roster, key: rosterKey)
            } else {
                let students = try csv.reader.students(path: roster)
                hashed = HashedRoster(roster: students, key: rosterKey, nicknames: names?.nicknames ?? NicknameTable())
            }
        }
        var staffList: HashedRoster?
        if let staff {
            let people = try csv.reader.staff(path: staff)
            // Staff hashes never leave memory: without a roster key, a one-run key will do.
            let staffKey: RosterKey
            if let rosterKey { staffKey = rosterKey } else {
                staffKey = try RosterKey(bytes: Array(RosterKey.generateHex().utf8), origin: "a one-run key")
            }
            staffList = HashedRoster(roster: people, key: staffKey, nicknames: names?.nicknames ?? NicknameTable())
        }
        return (hashed, staffList, rosterKey)
    }
}

/// Where the roster key comes from.
struct RosterKeyOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "A file holding the roster key (else $SOCIALSCAN_ROSTER_KEY). Keep it readable by the scanning account only.",
        valueName: "path"))
    var keyFile: String?

    /// The key from `--key-file`, else from the environment; nil when neither is set.
    func load(environment: [String: String]) throws(RosterError) -> RosterKey? {
        try RosterKey.load(keyFile: keyFile, environment: environment)
    }
}

/// How a roster or staff CSV is read.
struct RosterCSVOptions: ParsableArguments {
    @Option(name: .customLong("column"), help: ArgumentHelp(
        "Map a column to another export's header (repeatable), e.g. --column first_name=\"Legal First Name\".",
        valueName: "name=header"))
    var columns: [String] = []

    @Option(help: ArgumentHelp("The CSV's encoding: utf-8 (default), utf-16, windows-1252 or iso-8859-1.", valueName: "encoding"))
    var encoding: String?

    var reader: RosterReader {
        get throws(RosterError) {
            RosterReader(columns: try RosterReader.columnMappings(columns), encoding: encoding)
        }
    }
}
