import ScanCore

/// Finds possible breaches in one item. Detectors are values built once per run and may be
/// called from any thread.
public protocol Detector: Sendable {
    /// The findings in `item`, in field order then text order. `source` names the target.
    func findings(in item: Item, source: String) -> [Finding]
}
