import FoundationEssentials

/// Reads the texts a search engine would show from a page's JSON-LD blocks: headline, name,
/// description, article body, image captions, copyright notices and credits of `Article`,
/// `NewsArticle`, `BlogPosting`, `SocialMediaPosting`, `ImageObject` and similar objects,
/// wherever they are nested (`@graph`, `image`, `mainEntity`...). Invalid JSON is ignored.
struct JSONLDReader {
    static let textKeys = [
        "headline", "alternativeHeadline", "name", "description", "abstract", "articleBody", "caption",
        "copyrightNotice", "creditText", "text",
    ]
    static let types: Set<String> = [
        "Article", "NewsArticle", "BlogPosting", "SocialMediaPosting", "ImageObject", "VideoObject",
        "Report", "WebPage", "Event", "Photograph", "CreativeWork", "MediaObject",
    ]

    private(set) var texts: [String] = []
    private(set) var author: String?
    private(set) var published: String?

    /// Reads one `<script type="application/ld+json">` block.
    mutating func read(_ json: String) {
        guard let value = try? JSONDecoder().decode(JSONLDValue.self, from: Data(json.utf8)) else { return }
        visit(value, depth: 0)
    }

    private mutating func visit(_ value: JSONLDValue, depth: Int) {
        guard depth < 32 else { return }
        switch value {
        case .array(let values):
            values.forEach { visit($0, depth: depth + 1) }
        case .object(let members):
            if isRelevant(members["@type"]) { collect(members) }
            for (key, member) in members where key != "@context" { visit(member, depth: depth + 1) }
        default:
            break
        }
    }

    private func isRelevant(_ type: JSONLDValue?) -> Bool {
        switch type {
        case .string(let name): Self.types.contains(name)
        case .array(let names): names.contains { if case .string(let name) = $0 { Self.types.contains(name) } else { false } }
        default: false
        }
    }

    private mutating func collect(_ members: [String: JSONLDValue]) {
        for key in Self.textKeys {
            if case .string(let text) = members[key], !text.isEmpty { texts.append(text) }
        }
        if published == nil, case .string(let date) = members["datePublished"] { published = date }
        if author == nil { author = Self.name(members["author"]) }
    }

    private static func name(_ value: JSONLDValue?) -> String? {
        switch value {
        case .string(let name): name
        case .object(let members): if case .string(let name) = members["name"] { name } else { nil }
        case .array(let values): values.lazy.compactMap { Self.name($0) }.first
        default: nil
        }
    }
}

/// Any JSON value, decoded without a schema.
enum JSONLDValue: Decodable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
    case array([JSONLDValue])
    case object([String: JSONLDValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let text = try? container.decode(String.self) { self = .string(text) }
        else if let number = try? container.decode(Double.self) { self = .number(number) }
        else if let flag = try? container.decode(Bool.self) { self = .bool(flag) }
        else if let values = try? container.decode([JSONLDValue].self) { self = .array(values) }
        else { self = .object(try container.decode([String: JSONLDValue].self)) }
    }
}
