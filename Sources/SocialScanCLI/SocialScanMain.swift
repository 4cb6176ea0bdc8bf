import ArgumentParser
import Foundation
import ScanCore
import ScanReport

/// The `socialscan` command line: parses arguments, runs the subcommand, maps outcomes to the
/// documented exit codes (0 clean, 1 findings, 2 usage or configuration, 3 failed targets).
public enum SocialScanMain {
    /// Runs with the process's streams and environment, then exits.
    public static func exit(arguments: [String]) -> Never {
        let io = CommandIO(
            stdout: FileSink.standardOutput(), stderr: FileSink.standardError(),
            environment: ProcessInfo.processInfo.environment, stdoutIsTerminal: isatty(STDOUT_FILENO) == 1,
            stderrIsTerminal: isatty(STDERR_FILENO) == 1)
        let code = run(arguments: arguments, io: io)
        io.stdout.flush()
        io.stderr.flush()
        Foundation.exit(code)
    }

    /// Runs one command line against `io` and returns the exit code.
    public static func run(arguments: [String], io: CommandIO) -> Int32 {
        let command: ParsableCommand
        do {
            command = try RootCommand.parseAsRoot(arguments)
        } catch {
            return reportParseError(error, io: io)
        }
        guard let runnable = command as? RunnableCommand else {
            // The built-in `help` command and a bare `socialscan` answer by throwing a help request.
            var builtIn = command
            do {
                try builtIn.run()
                return ScanOutcome.clean.rawValue
            } catch {
                return reportParseError(error, io: io)
            }
        }
        return runnable.execute(io: io)
    }

    /// Help and version go to stdout with 0; every other parse error is a usage error (2),
    /// where swift-argument-parser alone would exit 64.
    private static func reportParseError(_ error: Error, io: CommandIO) -> Int32 {
        let message = RootCommand.fullMessage(for: error)
        if RootCommand.exitCode(for: error) == .success {
            io.stdout.write(message + "\n")
            return ScanOutcome.clean.rawValue
        }
        io.stderr.write(message + "\n")
        return ScanOutcome.usageError.rawValue
    }
}
