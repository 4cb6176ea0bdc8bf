import ScanCore

/// The JSON form of a parsed item, schema `socialscan/item@1` (`docs/items.md`): what the
/// detectors see. Keys are in documented order; new keys are only ever appended.
public enum ItemRecord {
    public static let schema = "socialscan/item@1"

    public static func json(_ item: Item, in document: ParsedDocument) -> JSONValue {
        .object([
            ("schema", .string(schema)),
            ("feed", .object([
                ("source", .string(document.source)),
                ("title", .optional(document.title)),
                ("format", .string(document.format.rawValue)),
                ("encoding", .optional(document.encoding)),
                ("ill_formed", .bool(document.illFormed)),
            ])),
            ("id", .string(item.id)),
            ("url", .optional(item.url)),
            ("title", .optional(item.title)),
            ("published", .optional(item.published?.rfc3339)),
            ("published_raw", .optional(item.published?.raw)),
            ("updated", .optional(item.updated?.rfc3339)),
            ("updated_raw", .optional(item.updated?.raw)),
            ("author", .optional(item.author)),
            ("fields", .array(item.fields.map { field in
                .object([("origin", .string(field.origin.rawValue)), ("text", .string(field.text))])
            })),
            ("media", .array(item.media.map(json))),
            ("links", .array(item.links.map(JSONValue.string))),
        ])
    }

    private static func json(_ media: Media) -> JSONValue {
        .object([
            ("url", .optional(media.url)),
            ("type", .optional(media.type)),
            ("title", .optional(media.title)),
            ("description", .optional(media.description)),
            ("credit", .optional(media.credit)),
            ("copyright", .optional(media.copyright)),
            ("thumbnail", .optional(media.thumbnail)),
        ])
    }
}
