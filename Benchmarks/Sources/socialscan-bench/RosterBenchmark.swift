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
        // The same roster without the corpus's own names: its first names still occur every 50
        // words (so the prefilter and window checks run), but no student of it is named.
        let unnamed = HashedRoster(roster: Self.roster(size: size, withCorpusNames: false), key: key, nicknames: names.nicknames)
        let contextOnly = StudentNameDetector(roster: nil, staff: nil, data: names, key: key, today: "2026-01-01")
        let withRoster = StudentNameDetector(roster: roster, staff: nil, data: names, key: key, today: "2026-01-01")
        let rosterOnly = StudentNameDetector(roster: unnamed, staff: nil, data: names, key: key, today: "2026-01-01", findUnlisted: false)
        let rosterOnlyNamed = StudentNameDetector(roster: roster, staff: nil, data: names, key: key, today: "2026-01-01", findUnlisted: false)
        let configurations: [(String, [any Detector])] = [
            ("patterns only", [patternDetector]),
            ("+ --roster-only, no student named", [patternDetector, rosterOnly]),
            ("+ --roster-only, students named", [patternDetector, rosterOnlyNamed]),
            ("--roster-only alone, no student named", [rosterOnly]),
            ("+ student names, no roster", [patternDetector, contextOnly]),
            ("+ student names, \(size) roster", [patternDetector, withRoster]),
        ]
        var medians: [Double] = []
        print(String(format: "file: %@ (%.1f MiB, %d fields), roster of %d students, %d runs each", file, megabytes, fields.count, size, runs))
        for (number, (label, detectors)) in configurations.enumerated() {
            // SOCIALSCAN_BENCH_ONLY=N times configuration N alone (for profiling).
            if let only = ProcessInfo.processInfo.environment["SOCIALSCAN_BENCH_ONLY"].flatMap(Int.init), only != number {
                medians.append(1)
                continue
            }
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
            print(label.padding(toLength: 38, withPad: " ", startingAt: 0)
                + String(format: "median %.3f s  %7.1f MB/s  (%d findings)", median, megabytes / median, findings))
        }
        let added = { (index: Int) in (medians[index] / medians[0] - 1) * 100 }
        print(String(format: "matching the roster alone adds %+.1f%% to the patterns' time (%+.1f%% when its students are named every 50 words);",
                     added(1), added(2)))
        print(String(format: "the name detector adds %+.1f%% (context only) and %+.1f%% (with the roster, of which the roster %+.1f%%)",
                     added(4), added(5), (medians[5] / medians[4] - 1) * 100))
    }

    /// A fictional roster: first names from the shipped list, invented surnames, and the
    /// corpus's own names among them (so that the corpus has roster hits).
    static func roster(size: Int, withCorpusNames: Bool = true) -> Roster {
        var random = SplitMix64(seed: 7)
        let firstNames = ["Maya", "Liam", "Chloé", "Noah", "Zoé", "Arjun", "Élodie", "Mateo", "Nora", "Owen", "Priya", "Tariq", "Léa", "Ethan"]
        let syllables = ["ka", "ur", "lin", "do", "vic", "ber", "gan", "son", "ter", "mel", "ro", "chuk", "ski", "ford", "ley", "ard", "on", "ette"]
        var students = [
            ("Maya", "Okafor"), ("Liam", "Tremblay"), ("Chloé", "Gagnon"), ("Noah", "Kaur"),
        ].map { Roster.Student(firstName: $0.0, lastName: $0.1, consent: .none) }.filter { _ in withCorpusNames }
        while students.count < size {
            let first = firstNames[Int(random.next() % UInt64(firstNames.count))]
            var last = ""
            for _ in 0..<(2 + Int(random.next() % 2)) { last += syllables[Int(random.next() % UInt64(syllables.count))] }
            students.append(Roster.Student(firstName: first, lastName: last.prefix(1).uppercased() + last.dropFirst(), consent: random.next() % 2 == 0 ? .given : .none))
        }
        return Roster(students: students)
    }
}
