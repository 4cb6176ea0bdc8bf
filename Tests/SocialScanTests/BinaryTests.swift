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

    /// Runs the binary with the shipped packs, `input` on stdin; returns status, stdout, stderr.
    static func run(_ arguments: [String], input: String = "") throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["SOCIALSCAN_PATTERNS"] = Repo.path("Patterns")
        process.environment = environment
        let (stdin, stdout, stderr) = (Pipe(), Pipe(), Pipe())
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let out = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let err = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, out, err)
    }

    @Test func checkReadsADraftFromStandardInput() throws {
        let result = try Self.run(["check", "--format", "jsonl", "-"], input: "Congratulations, grads! Photo: Prairie Sky Photography")
        #expect(result.status == 1)
        #expect(result.stdout.contains("\"rule\":\"copyright.photo-credit\""))
        #expect(result.stdout.contains("\"url\":\"stdin\""))
    }

    @Test func binaryScansSamplesAndExitsThreeOnAMissingTarget() throws {
        let result = try Self.run(["scan", "--format", "jsonl", "/nonexistent.rss", Repo.path("Samples/feeds")])
        #expect(result.status == 3)
        #expect(result.stderr.split(separator: "\n").filter { $0.contains("error:") }.count == 1)
        #expect(result.stderr.contains("/nonexistent.rss"))
        #expect(result.stdout.split(separator: "\n").count >= 2)
    }
}
