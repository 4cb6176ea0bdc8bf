import Foundation
import ScanFetch
import Testing

/// Every file in `Samples/feeds/` parses with `items`, exit 0, and yields the number of items
/// its row in `Samples/feeds/expected/items.tsv` says.
@Suite("Sample feeds")
struct SampleFeedTests {
    static let manifest: [(file: String, items: Int)] = {
        guard let text = try? String(contentsOfFile: Repo.path("Samples/feeds/expected/items.tsv"), encoding: .utf8) else {
            return []
        }
        return text.split(separator: "\n").dropFirst().compactMap { line in
            let columns = line.split(separator: "\t")
            guard columns.count == 2, let count = Int(columns[1]) else { return nil }
            return (String(columns[0]), count)
        }
    }()

    @Test func directoriesYieldFeedsAndPagesButNotOtherJSON() {
        let files = TargetResolver().resolve([Repo.path("Samples")]).compactMap { try? $0.get().name }
        #expect(files.contains { $0.hasSuffix("jsonfeed-11-robotics.json") })
        #expect(!files.contains { $0.hasSuffix("eval.json") })
        #expect(files.count > 20)
    }

    @Test func manifestListsEverySample() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Repo.path("Samples/feeds"))
            .filter { !$0.hasPrefix(".") && $0 != "expected" && $0 != "README.md" }
        #expect(Set(files) == Set(Self.manifest.map(\.file)))
    }

    @Test(arguments: manifest.map(\.file))
    func itemsCommandReadsTheExpectedItems(file: String) throws {
        let expected = try #require(Self.manifest.first { $0.file == file }?.items)
        let result = runCLI(["items", Repo.path("Samples/feeds/" + file)])
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stdoutLines.count == expected)
        for line in result.stdoutLines {
            let record = try jsonObject(line)
            #expect(record["schema"] as? String == "socialscan/item@1")
            let fields = try #require(record["fields"] as? [[String: Any]])
            #expect(!fields.isEmpty, "an item with no text in \(file)")
        }
    }
}
