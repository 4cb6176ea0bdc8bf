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
    @OptionGroup var patterns: PatternOptions

    func execute(io: CommandIO) -> Int32 {
        do {
            guard let rosterKey = try key.load(environment: io.environment) else {
                io.diagnose(.error, "no roster key: set \(RosterKey.environmentVariable) or give --key-file (make one with `socialscan roster keygen`)")
                return ScanOutcome.usageError.rawValue
            }
            let roster = try csv.reader.students(path: file)
            // The nickname table comes from the same packs as scan's; without it nicknames would
            // silently not match, so its absence is an error.
            guard let names = try patterns.loadNameData(environment: io.environment) else {
                io.diagnose(.error, "the student-name data (Patterns/names/) was not found; set SOCIALSCAN_PATTERNS")
                return ScanOutcome.usageError.rawValue
            }
            let hashed = HashedRoster(roster: roster, key: rosterKey, nicknames: names.nicknames)
            guard SecretFile.write(try RosterFile.encode(hashed), to: out, replacing: true) else {
                io.diagnose(.error, "\(out): cannot be written")
                return ScanOutcome.usageError.rawValue
            }
            let consented = roster.students.filter { $0.consent == .given }.count
            let dated = roster.students.filter { if case .until = $0.consent { true } else { false } }.count
            io.stderr.write("socialscan: imported \(roster.students.count) students (media consent: \(consented) yes, \(dated) until a date) into \(out)\n")
            return 0
        } catch {
            io.diagnose(.error, "\(error)")
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
        guard SecretFile.write(Array((RosterKey.generateHex() + "\n").utf8), to: out, replacing: false) else {
            let exists = FileManager.default.fileExists(atPath: out)
            io.diagnose(.error, exists
                ? "\(out): already exists; a key is never overwritten (a new key needs a new roster import)"
                : "\(out): cannot be written")
            return ScanOutcome.usageError.rawValue
        }
        return 0
    }
}

/// Writes files only their owner can ever read: created with mode 0600 by `open(O_EXCL)`, so
/// no other account sees them even for a moment. With `replacing`, a temporary file is renamed
/// into place (atomic); without, an existing file is never touched.
enum SecretFile {
    static func write(_ bytes: [UInt8], to path: String, replacing: Bool) -> Bool {
        let target = replacing ? path + ".tmp-\(getpid())" : path
        let descriptor = open(target, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return false }
        let written = bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let count = Foundation.write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                guard count > 0 else { return false }
                offset += count
            }
            return true
        }
        let closed = close(descriptor) == 0
        guard written, closed, !replacing || rename(target, path) == 0 else {
            unlink(target)
            return false
        }
        return true
    }
}
