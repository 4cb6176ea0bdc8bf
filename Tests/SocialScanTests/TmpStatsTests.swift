@testable import ScanDetect
import Testing
import Foundation
struct TmpStats {
    @Test func hitCounts() throws {
        let rules = try PackLoader().load(directories: ["Patterns"])
        var lits: [[UInt8]] = []; var owner: [String] = []; var names: [String] = []
        for r in rules { for k in r.keywords { let f = TextFolding.fold(k); if !f.isEmpty { lits.append(f); owner.append(r.id + (r.regex != nil ? " (regex)" : "")); names.append(k) } } }
        var triggers = Set<BuiltInTrigger>(); for r in rules { if let t = r.trigger { triggers.insert(t) } }
        let engine = MatchEngine(literals: lits, triggers: triggers)
        let data = try String(contentsOfFile: ".build/bench/corpus-100mb.txt", encoding: .utf8)
        var counts: [String: Int] = [:]; var total = 0; var fields = 0
        for line in data.split(separator: "\n").prefix(6000) {
            fields += 1
            for hit in engine.scan(String(line)) {
                total += 1
                switch hit.kind { case .literal(let i): counts[owner[i] + " :: " + names[i], default: 0] += 1
                case .trigger(let t): counts["trigger " + t.rawValue, default: 0] += 1 }
            }
        }
        print("HITS total", total, "fields", fields)
        for (k, v) in counts.sorted(by: { $0.value > $1.value }).prefix(25) { print("HITS", v, k) }
    }
}
