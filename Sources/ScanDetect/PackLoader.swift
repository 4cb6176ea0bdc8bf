import Foundation

/// Loads pattern packs from directories into one rule set.
///
/// Directories are read in order, files in each sorted by name; a rule whose id was seen before
/// replaces the earlier one (a local pack overrides a shipped rule), and ids listed under a
/// pack's `disable:` are removed at the end. Any error stops the load: nothing is ever scanned
/// with a half-loaded pack.
public struct PackLoader: Sendable {
    public init() {}

    /// The rules of every `*.yml` / `*.yaml` file in `directories`; throws the first `PatternError`.
    public func load(directories: [String]) throws(PatternError) -> [Rule] {
        var rules: [Rule] = []
        var disabled: Set<String> = []
        for directory in directories {
            for file in try packFiles(in: directory) {
                let pack = try read(file: file)
                for rule in pack.rules {
                    rules.removeAll { $0.id == rule.id }
                    rules.append(rule)
                }
                disabled.formUnion(pack.disabled)
            }
        }
        return rules.filter { !disabled.contains($0.id) }
    }

    /// Reads one pack file.
    public func read(file: String) throws(PatternError) -> Pack {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw PatternError(file: file, problem: "cannot be read")
        }
        guard let yaml = String(data: data, encoding: .utf8) else {
            throw PatternError(file: file, problem: "is not UTF-8 text")
        }
        return try PackReader(file: file).read(yaml)
    }

    private func packFiles(in directory: String) throws(PatternError) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            throw PatternError(file: directory, problem: "is not a readable directory of pattern packs")
        }
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        return names.filter { $0.hasSuffix(".yml") || $0.hasSuffix(".yaml") }.sorted().map { base + "/" + $0 }
    }
}
