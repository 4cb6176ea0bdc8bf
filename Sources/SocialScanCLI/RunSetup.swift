import ScanDetect
import ScanReport

/// What `scan` and `check` need before reading anything: the detectors (from the pattern packs)
/// and the reporters (stdout plus `--output` files).
struct RunSetup {
    let detectors: [any Detector]
    let reporter: any Reporter

    /// Builds both, or reports on stderr why not (a configuration error: exit code 2).
    static func make(
        patterns: PatternOptions, detection: DetectionOptions, roster: RosterOptions, output: OutputOptions, io: CommandIO
    ) -> RunSetup? {
        do {
            let detectors = try detection.detectors(
                rules: patterns.loadRules(environment: io.environment),
                names: patterns.loadNameData(environment: io.environment), roster: roster, io: io)
            return RunSetup(detectors: detectors, reporter: try output.makeReporter(io: io))
        } catch let error as PatternError {
            io.diagnose(.error, error.description)
        } catch let error as RosterError {
            io.diagnose(.error, error.description)
        } catch let error as OutputError {
            io.diagnose(.error, error.message)
        } catch {
            io.diagnose(.error, "\(error)")
        }
        return nil
    }
}
