import ScanCore
import ScanDetect
import ScanParse

/// The detectors, built once: every input is parsed and scanned, and its bytes are also scanned
/// as plain text, so the parse stage, the pattern engine and the name tokenizer (unsafe pointers,
/// word-at-a-time loads) are all fuzzed.
private let detectors: [any Detector] = {
    let patterns = PatternLocator.shippedDirectory() ?? "Patterns"
    let names = try? NameData(directory: patterns + "/names")
    var detectors: [any Detector] = []
    if let rules = try? PackLoader().load(directories: [patterns]), let detector = try? PatternDetector(rules: rules, names: names) {
        detectors.append(detector)
    }
    guard let names, let key = try? RosterKey(bytes: Array("fuzzing key, not a secret".utf8), origin: "fuzz") else { return detectors }
    let rosterPath = PatternLocator.sourceTreeRoot + "/Samples/roster/students.csv"
    let roster = (try? RosterReader().students(path: rosterPath)).map { HashedRoster(roster: $0, key: key, nicknames: names.nicknames) }
    detectors.append(StudentNameDetector(roster: roster, staff: nil, data: names, key: key, today: "2026-01-01"))
    detectors.append(StudentNameDetector(roster: roster, staff: nil, data: names, key: key, today: "2026-01-01", findUnlisted: false))
    if let roster, let numbers = RosterNumberDetector(roster: roster) { detectors.append(numbers) }
    return detectors
}()

/// libFuzzer's entry point: any bytes as a fetched document and as text; a crash, hang or leak is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func parseFuzzerTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let text = Item(id: "text", fields: [TextField(origin: .imageAlt, text: String(decoding: bytes, as: UTF8.self))])
    for detector in detectors { _ = detector.findings(in: text, source: "fuzz") }
    let document = FetchedDocument(source: "fuzz", finalURL: "https://fuzz.example/feed", status: 200, contentType: nil, body: bytes)
    guard let parsed = try? DocumentParser().parse(document) else { return 0 }
    for item in parsed.items {
        for detector in detectors { _ = detector.findings(in: item, source: "fuzz") }
    }
    return 0
}
