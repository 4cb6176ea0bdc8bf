import ArgumentParser
import Foundation
import ScanCore
import ScanDetect

/// `socialscan roster import|keygen`: the privacy officer's side of student-name matching.
struct RosterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster",
        abstract: "Import a student roster into a file of keyed hashes (no plaintext names), or make a key.",
        discussion: """
            The roster key comes from $SOCIALSCAN_ROSTER_KEY or --key-file; `roster import`, `scan` \
            and `check` read it the same way. The imported file holds no names, only keyed hashes of \
            each student's name forms, with grade, school and media consent.
            """,
        subcommands: [RosterImportCommand.self, RosterKeygenCommand.self])
}

/// `roster import FILE.csv --out ROSTER`: all rows or none.
struct RosterImportCommand: ParsableCommand, RunnableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Hash a roster CSV (first_name, last_name; optional student_id, preferred_name, grade, school, media_consent).",
        discussion: "media_consent is yes, no, empty (no) or a date YYYY-MM-DD (valid until). A bad row stops the import, naming its line; nothing is written.")

    @Argument(help: ArgumentHelp("The roster CSV, with a header row.", valueName: "file.csv"))
    var file: String

    @Option(help: ArgumentHelp("Where to write the roster file (created with mode 0600).", valueName: "path"))
    var out: String

    @OptionGroup var key: RosterKeyOptions
    @OptionGroup var csv: RosterCSVOptions

    func execute(io: CommandIO) -> Int32 {
        do {
            guard let rosterKey = try key.load(environment: io.environment) else {
                io.diagnose(.error, "no roster key: set \(RosterKey.environmentVariable) or give --key-file (make one with `socialscan roster keygen`)")
                return ScanOutcome.usageError.rawValue
            }
            let roster = try csv.reader.students(path: file)
            let names = NameData.shippedDirectory(environment: io.environment).flatMap { try? NameData(directory: $0) }
            let hashed = HashedRoster(roster: roster, key: rosterKey, nicknames: names?.nicknames ?? NicknameTable())
            guard SecretFile.write(RosterFile.encode(hashed), to: out) else {
                io.diagnose(.error, "\(out): cannot be written")
                return ScanOutcome.usageError.rawValue
            }
            let consented = roster.students.filter { $0.consent == .given }.count
            let dated = roster.students.filter { if case .until = $0.consent { true } else { false } }.count
            io.stderr.write("socialscan: imported \(roster.students.count) students (media consent: \(consented) yes, \(dated) until a date) into \(out)\n")
            return 0
        } catch {
            io.diagnose(.error, error.description)
            return ScanOutcome.usageError.rawValue
        }
    }
}

/// `roster keygen --out PATH`: a fresh random key.
struct RosterKeygenCommand: ParsableCommand, RunnableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen", abstract: "Write a new random roster key (64 hex digits) to a file with mode 0600.")

    @Option(help: ArgumentHelp("The key file to create; an existing file is never overwritten.", valueName: "path"))
    var out: String

    func execute(io: CommandIO) -> Int32 {
        guard !FileManager.default.fileExists(atPath: out) else {
            io.diagnose(.error, "\(out): already exists; a key is never overwritten (a new key needs a new roster import)")
            return ScanOutcome.usageError.rawValue
        }
        guard SecretFile.write(Array((RosterKey.generateHex() + "\n").utf8), to: out) else {
            io.diagnose(.error, "\(out): cannot be written")
            return ScanOutcome.usageError.rawValue
        }
        return 0
    }
}

/// Writes files only their owner can read, atomically (a temporary file renamed into place).
enum SecretFile {
    static func write(_ bytes: [UInt8], to path: String) -> Bool {
        let temporary = path + ".tmp-\(getpid())"
        guard FileManager.default.createFile(
            atPath: temporary, contents: Data(bytes), attributes: [.posixPermissions: 0o600])
        else { return false }
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }
}
