import ArgumentParser

/// The targets of `scan` and `items`: http(s) URLs, files or directories, in order.
struct TargetArguments: ParsableArguments {
    @Argument(help: ArgumentHelp("http(s) URLs, files or directories.", valueName: "target"))
    var targets: [String]

    func validate() throws {
        if targets.isEmpty { throw ValidationError("Give at least one target: a URL, a file or a directory.") }
    }
}
