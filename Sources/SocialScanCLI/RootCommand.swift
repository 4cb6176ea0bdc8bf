import ArgumentParser

/// `socialscan`: the root command; its subcommands do the work.
struct RootCommand: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "socialscan",
        abstract: "Flags posts on a school division's official accounts that may break AP 2-27 Social Media.",
        discussion: """
            Findings are for a person to review: a finding is a question, not a verdict.

            EXIT CODES
              0  no finding at or above --fail-on, and every target was read
              1  at least one finding at or above --fail-on
              2  usage or configuration error (bad flag, bad pattern pack,
                 unreadable roster, missing or wrong roster key): nothing was
                 scanned
              3  at least one target could not be fetched or parsed (named on
                 stderr); the other targets were still scanned and reported.
                 3 wins over 1.
            """,
        version: version,
        subcommands: [ScanCommand.self, CheckCommand.self, ItemsCommand.self, PatternsCommand.self, RosterCommand.self, EvalCommand.self]
    )
}
