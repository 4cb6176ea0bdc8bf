/// A subcommand that runs against injected streams and returns its exit code.
protocol RunnableCommand {
    func execute(io: CommandIO) -> Int32
}
