/// Every output format, in the order `--help` lists them. Adding a format is one file and one
/// line here.
public enum ReporterRegistry {
    public static var all: [any Reporter.Type] {
        [
            TextReporter.self,
            JSONLReporter.self,
            SARIFReporter.self,
            CSVReporter.self,
            HTMLReporter.self,
        ]
    }

    /// The format ids, for `--format` choices.
    public static var formatIDs: [String] { all.map { $0.formatID } }

    /// The reporter type for `formatID`, or nil.
    public static func reporter(for formatID: String) -> (any Reporter.Type)? {
        all.first { $0.formatID == formatID }
    }
}
