/// One text of an item as a reader sees it (markup removed), tagged with where it came from.
///
/// Detector offsets are Unicode scalar offsets into `text`.
public struct TextField: Sendable, Hashable, Codable {
    public var origin: FieldOrigin
    public var text: String

    public init(origin: FieldOrigin, text: String) {
        self.origin = origin
        self.text = text
    }
}
