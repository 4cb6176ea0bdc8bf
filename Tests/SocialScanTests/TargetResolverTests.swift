import Foundation
@testable import ScanFetch
import Testing

@Suite("Target resolution")
struct TargetResolverTests {
    /// A `.json` file in a directory is a JSON Feed when it names jsonfeed.org anywhere, also
    /// far from its start and across the boundary of the chunks it is read in; other JSON is not.
    /// (The mention starts 23 bytes after the padding: at 65,531 it straddles the first chunk's end.)
    @Test(arguments: [(0, true), (100_000, true), (65_536 - 28, true), (65_536 - 23, true), (-1, false)])
    func jsonFeedsAreFoundWhereverTheyNameTheirVersion(padding: Int, isFeed: Bool) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("socialscan-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let prefix = #"{"items": [], "note": ""#
        let filler = String(repeating: "x", count: max(0, padding - prefix.utf8.count))
        let tail = isFeed ? #"", "version": "https://jsonfeed.org/version/1.1"}"# : #"", "name": "settings"}"#
        try Data((prefix + filler + tail).utf8).write(to: URL(fileURLWithPath: path))
        #expect(TargetResolver.isJSONFeed(path) == isFeed)
    }
}
