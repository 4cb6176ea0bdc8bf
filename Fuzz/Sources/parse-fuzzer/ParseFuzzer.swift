import ScanCore
import ScanDetect
import ScanParse

/// The rules, loaded once: every input is parsed and then scanned, so both stages are fuzzed.
private let detector: PatternDetector? = {
    let patterns = PatternLocator.shippedDirectory() ?? "Patterns"
    return (try? PackLoader().load(directories: [patterns])).flatMap { try? PatternDetector(rules: $0) }
}()

/// libFuzzer's entry point: any bytes as a fetched document; a crash, hang or leak is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func parseFuzzerTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let document = FetchedDocument(source: "fuzz", finalURL: "https://fuzz.example/feed", status: 200, contentType: nil, body: bytes)
    guard let parsed = try? DocumentParser().parse(document) else { return 0 }
    for item in parsed.items {
        _ = detector?.findings(in: item, source: "fuzz")
    }
    return 0
}
