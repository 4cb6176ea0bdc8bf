import Foundation

/// Runs Debian's Python 3 (where the set-up installs `python3-jsonschema`) on a script, with
/// `input` on stdin. Test tooling only; the product never runs Python.
func runPython(_ script: String, arguments: [String] = [], input: String) throws -> (code: Int32, output: String) {
    let process = Process()
    let debian = "/usr/bin/python3"
    process.executableURL = URL(fileURLWithPath: FileManager.default.isExecutableFile(atPath: debian) ? debian : "/usr/bin/env")
    process.arguments = (process.executableURL?.path == debian ? [] : ["python3"]) + ["-c", script] + arguments
    let stdin = Pipe()
    let stdout = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stdout
    try process.run()
    stdin.fileHandleForWriting.write(Data(input.utf8))
    try stdin.fileHandleForWriting.close()
    let output = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, output)
}
