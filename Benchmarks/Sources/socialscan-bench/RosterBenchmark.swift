import Foundation
import ScanCore
import ScanDetect
import ScanTestSupport

/// Student-name matching cost on the detect corpus: the pattern rules alone, then with the
/// student-name detector (context only), then with a generated roster of `size` students
/// (keyed hashes, as `roster import` makes them), timed in the same invocation.
struct RosterBenchmark {
    let file: String
    let patterns: String
    let size: Int
    let runs: Int

    func run() {
        guard let rules = try? PackLoader().load(directories: [patterns]), let patternDetector = try? PatternDetector(rules: rules),
            let names = try? NameData(directory: patterns + "/names"),
            let key = try? RosterKey(bytes: Array("benchmark roster key, not a secret".utf8), origin: "bench")
        else { BenchMain.fail("cannot load the pattern packs and names data in \(patterns)") }
        guard let fields = DetectBenchmark.lines(file) else { BenchMain.fail("cannot read \(file)") }
        let megabytes = Double(fields.reduce(0) { $0 + $1.utf8.count + 1 }) / 1_048_576
        let roster = HashedRoster(roster: Self.roster(size: size), key: key, nicknames: names.nicknames)
        let contextOnly = StudentNameDetector(roster: nil, staff: nil, data: names, key: key, today: "2026-01-01")
        let withRoster = StudentNameDetector(roster: roster, staff: nil, data: names, key: key, today: "2026-01-01")
        let configurations: [(String, [any Detector])] = [
            ("patterns only", [patternDetector]),
            ("+ student names, no roster", [patternDetector, contextOnly]),
            ("+ student names, \(size) roster", [patternDetector, withRoster]),
        ]
        var medians: [Double] = []
        print(String(format: "file: %@ (%.1f MiB, %d fields), roster of %d students, %d runs each", file, megabytes, fields.count, size, runs))
        for (label, detectors) in configurations {
            var times: [Double] = []
            var findings = 0
            for _ in 0..<runs {
                findings = 0
                times.append(Measure.seconds {
                    for (index, text) in fields.enumerated() {
                        let item = Item(id: String(index), fields: [TextField(origin: .text, text: text)])
                        for detector in detectors { findings += detector.findings(in: item, source: "bench").count }
                    }
                })
            }
            let median = Measure.median(times)
            medians.append(median)
            print(label.padding(toLength: 34, withPad: " ", startingAt: 0)
                + String(format: "median %.3f s  %7.1f MB/s  (%d findings)", median, megabytes / median, findings))
        }
        print(String(format: "student names add %+.1f%% (context only) and %+.1f%% (with the roster) to the patterns' time; the roster itself %+.1f%%",
                     (medians[1] / medians[0] - 1) * 100, (medians[2] / medians[0] - 1) * 100, (medians[2] / medians[1] - 1) * 100))
    }

    /// A fictional roster: first names from the shipped list, invented surnames, and the
    /// corpus's own names among them (so that the corpus has roster hits).
    static func roster(size: Int) -> Roster {
        var random = SplitMix64(seed: 7)
        let firstNames = ["Maya", "Liam", "Chloé", "Noah", "Zoé", "Arjun", "Élodie", "Mateo", "Nora", "Owen", "Priya", "Tariq", "Léa", "Ethan"]
        let syllables = ["ka", "ur", "lin", "do", "vic", "ber", "gan", "son", "ter", "mel", "ro", "chuk", "ski", "ford", "ley", "ard", "on", "ette"]
        var students = [
            ("Maya", "Okafor"), ("Liam", "Tremblay"), ("Chloé", "Gagnon"), ("Noah", "Kaur"),
        ].map { Roster.Student(firstName: $0.0, lastName: $0.1, consent: .none) }
        while students.count < size {
            let first = firstNames[Int(random.next() % UInt64(firstNames.count))]
            var last = ""
            for _ in 0..<(2 + Int(random.next() % 2)) { last += syllables[Int(random.next() % UInt64(syllables.count))] }
            students.append(Roster.Student(firstName: first, lastName: last.prefix(1).uppercased() + last.dropFirst(), consent: random.next() % 2 == 0 ? .given : .none))
        }
        return Roster(students: students)
    }
}
