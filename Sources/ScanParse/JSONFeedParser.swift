import FoundationEssentials
import ScanCore

/// Reads JSON Feed 1.0 and 1.1. Decoding is lenient per field: a value of the wrong type is
/// ignored rather than losing the item, and an item that is not an object is skipped.
struct JSONFeedParser {
    let documentURL: String?
    let limits: ParseLimits
    private let html = HTMLFragmentParser()

    /// The feed's format and content; throws `ParseError` for invalid JSON or JSON that is not a feed.
    func parse(_ bytes: [UInt8], source: String) throws(ParseError) -> (DocumentFormat, FeedContent) {
        let feed: JSONFeed
        do {
            feed = try JSONDecoder().decode(JSONFeed.self, from: Data(bytes))
        } catch {
            throw .invalidJSON(source: source)
        }
        guard let version = feed.version, version.hasPrefix("https://jsonfeed.org/version/") else {
            throw .unsupportedFormat(source: source, root: "json")
        }
        let format: DocumentFormat = version.hasSuffix("/1") ? .jsonFeed1 : .jsonFeed11
        let base = [feed.homePageURL, feed.feedURL, documentURL]
        let items = feed.items.prefix(limits.maxItems).compactMap { $0.value }.map { item(from: $0, bases: base) }
        let content = FeedContent(
            title: feed.title.map(TextBuilder.singleLine), items: items,
            truncatedItems: max(0, feed.items.count - limits.maxItems))
        return (format, content)
    }

    private func item(from entry: JSONFeedItem, bases: [String?]) -> Item {
        var fields = FieldCollector()
        let title = entry.title.map(TextBuilder.singleLine)
        fields.add(.title, plain: title)
        fields.add(.summary, plain: entry.summary)
        fields.add(.content, html: entry.contentHTML.map(html.extract))
        fields.add(.content, lines: entry.contentText)
        var media: [Media] = [entry.image, entry.bannerImage].compactMap { $0 }.map {
            Media(url: URLResolver.resolve($0, against: bases), type: "image")
        }
        for attachment in entry.attachments?.compactMap(\.value) ?? [] {
            fields.add(.mediaTitle, plain: attachment.title)
            media.append(Media(
                url: attachment.url.map { URLResolver.resolve($0, against: bases) }, type: attachment.mimeType,
                title: attachment.title))
        }
        let url = (entry.url ?? entry.externalURL).map { URLResolver.resolve($0, against: bases) }
        let author = (entry.authors?.compactMap(\.value).first ?? entry.author)?.name
        return Item(
            id: nonEmpty(entry.id) ?? url ?? Fingerprint.contentID([title ?? ""] + fields.fields.map(\.text)),
            url: url, title: title, published: entry.datePublished.map(DateParser.parse),
            updated: entry.dateModified.map(DateParser.parse), author: author,
            fields: fields.fields, media: media)
    }
}

/// The parts of a JSON Feed document SocialScan reads (https://jsonfeed.org/version/1.1).
struct JSONFeed: Decodable {
    var version: String?
    var title: String?
    var homePageURL: String?
    var feedURL: String?
    var items: [Lenient<JSONFeedItem>]

    enum CodingKeys: String, CodingKey {
        case version, title, items
        case homePageURL = "home_page_url"
        case feedURL = "feed_url"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        version = container.lenient(String.self, .version)
        title = container.lenient(String.self, .title)
        homePageURL = container.lenient(String.self, .homePageURL)
        feedURL = container.lenient(String.self, .feedURL)
        items = container.lenient([Lenient<JSONFeedItem>].self, .items) ?? []
    }
}

struct JSONFeedItem: Decodable {
    var id: String?
    var url, externalURL, title, contentHTML, contentText, summary, image, bannerImage: String?
    var datePublished, dateModified: String?
    var author: JSONFeedAuthor?
    var authors: [Lenient<JSONFeedAuthor>]?
    var attachments: [Lenient<JSONFeedAttachment>]?

    enum CodingKeys: String, CodingKey {
        case id, url, title, summary, image, author, authors, attachments
        case externalURL = "external_url", contentHTML = "content_html", contentText = "content_text"
        case bannerImage = "banner_image", datePublished = "date_published", dateModified = "date_modified"
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        // JSON Feed 1.0 allowed numeric ids in practice; keep them as text.
        id = c.lenient(String.self, .id) ?? c.lenient(Int.self, .id).map(String.init)
        url = c.lenient(String.self, .url)
        externalURL = c.lenient(String.self, .externalURL)
        title = c.lenient(String.self, .title)
        contentHTML = c.lenient(String.self, .contentHTML)
        contentText = c.lenient(String.self, .contentText)
        summary = c.lenient(String.self, .summary)
        image = c.lenient(String.self, .image)
        bannerImage = c.lenient(String.self, .bannerImage)
        datePublished = c.lenient(String.self, .datePublished)
        dateModified = c.lenient(String.self, .dateModified)
        author = c.lenient(JSONFeedAuthor.self, .author)
        authors = c.lenient([Lenient<JSONFeedAuthor>].self, .authors)
        attachments = c.lenient([Lenient<JSONFeedAttachment>].self, .attachments)
    }
}

struct JSONFeedAuthor: Decodable {
    var name: String?
}

struct JSONFeedAttachment: Decodable {
    var url: String?
    var mimeType: String?
    var title: String?

    enum CodingKeys: String, CodingKey {
        case url, title
        case mimeType = "mime_type"
    }
}

/// A value decoded if it can be; nil (rather than an error) when it has the wrong shape.
struct Lenient<Value: Decodable>: Decodable {
    var value: Value?

    init(from decoder: any Decoder) throws {
        value = try? Value(from: decoder)
    }
}

extension KeyedDecodingContainer {
    /// The value at `key` if present and of the right type, else nil.
    func lenient<T: Decodable>(_ type: T.Type, _ key: Key) -> T? {
        (try? decodeIfPresent(type, forKey: key)) ?? nil
    }
}
