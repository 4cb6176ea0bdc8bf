import Foundation

/// Finds the shipped pattern packs without `Bundle.module` (which breaks when the binary moves).
public enum PatternLocator {
    /// The first directory that exists of: `$SOCIALSCAN_PATTERNS`,
    /// `<executable>/../share/socialscan/Patterns`, and the source tree's `Patterns/`.
    public static func shippedDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        candidates(environment: environment).first { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
    }

    static func candidates(environment: [String: String]) -> [String] {
        var paths: [String] = []
        if let fromEnvironment = environment["SOCIALSCAN_PATTERNS"], !fromEnvironment.isEmpty {
            paths.append(fromEnvironment)
        }
        if let executable = Bundle.main.executablePath {
            let binDirectory = (executable as NSString).deletingLastPathComponent
            paths.append(((binDirectory as NSString).deletingLastPathComponent as NSString)
                .appendingPathComponent("share/socialscan/Patterns"))
        }
        paths.append(sourceTreePatterns)
        return paths
    }

    /// `Patterns/` of the checkout this file was compiled from.
    static let sourceTreePatterns: String = (sourceTreeRoot as NSString).appendingPathComponent("Patterns")

    /// The root of the checkout this file was compiled from.
    public static let sourceTreeRoot: String = {
        var path = "\(#filePath)" as NSString
        for _ in 0..<3 { path = path.deletingLastPathComponent as NSString }
        return path as String
    }()
}
