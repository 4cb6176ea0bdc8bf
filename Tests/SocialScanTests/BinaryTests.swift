import Foundation
import Testing

/// The built `socialscan` executable, run as a process: proves the binary's own wiring
/// (stream set-up, exit codes) that in-process tests cannot see.
@Suite("socialscan binary")
struct BinaryTests {
    static var binary: String {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = testBinary.deletingLastPathComponent()
        while directory.path != "/", !FileManager.default.fileExists(atPath: directory.appendingPathComponent("socialscan").path) {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent("socialscan").path
    }

    @Test func checkReadsADraftFromStandardInput() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = ["check", "--format", "jsonl", "-"]
        var environment = ProcessInfo.processInfo.environment
        environment["SOCIALSCAN_PATTERNS"] = Repo.path("Patterns")
        process.environment = environment
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data("Congratulations, grads! Photo: Prairie Sky Photography".utf8))
        try input.fileHandleForWriting.close()
        let stdout = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(stdout.contains("\"rule\":\"copyright.photo-credit\""))
        #expect(stdout.contains("\"url\":\"stdin\""))
    }

    @Test func binaryScansSamplesAndExitsThreeOnAMissingTarget() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = ["scan", "--format", "jsonl", "/nonexistent.rss", Repo.path("Samples/feeds")]
        var environment = ProcessInfo.processInfo.environment
        environment["SOCIALSCAN_PATTERNS"] = Repo.path("Patterns")
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 3)
        #expect(stderr.split(separator: "\n").filter { $0.contains("error:") }.count == 1)
        #expect(stderr.contains("/nonexistent.rss"))
        #expect(stdout.split(separator: "\n").count >= 2)
    }
}
