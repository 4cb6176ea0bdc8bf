/// Why a fetched document yielded no items. `reason` is the stable kebab-case name reports use.
public enum ParseError: Error, Sendable, Equatable {
    /// The document has no bytes.
    case empty(source: String)
    /// The bytes are not markup libxml2 could read at all (binary, an image, a PDF...).
    case notMarkup(source: String)
    /// Recognisably not text at all (`kind` names what it looks like: a PDF, a PNG image...).
    case binary(source: String, kind: String)
    /// It starts like JSON but is not valid JSON.
    case invalidJSON(source: String)
    /// Well-formed enough, but not a kind of document SocialScan reads; `root` names what it was.
    case unsupportedFormat(source: String, root: String)
    /// The document declares entities in its DTD: feeds never need them and they can explode.
    case declaresEntities(source: String)

    /// The stable reason name.
    public var reason: String {
        switch self {
        case .empty: "empty"
        case .notMarkup, .binary: "not-a-feed"
        case .invalidJSON: "invalid-json"
        case .unsupportedFormat: "unsupported-format"
        case .declaresEntities: "entities-declared"
        }
    }

    /// One line for a person, naming the source.
    public var message: String {
        switch self {
        case .empty(let source): "\(source): the document is empty"
        case .notMarkup(let source): "\(source): not a feed or page (no markup could be read)"
        case .binary(let source, let kind): "\(source): not a feed or page (it looks like \(kind))"
        case .invalidJSON(let source): "\(source): starts like a JSON Feed but is not valid JSON"
        case .unsupportedFormat(let source, let root):
            "\(source): not a supported feed (root element <\(root)>)"
        case .declaresEntities(let source):
            "\(source): the document declares XML entities, which feeds never need; refused"
        }
    }
}
