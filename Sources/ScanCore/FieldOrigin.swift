/// Which text of an item a field holds: one closed list shared by the parse stage and the
/// findings schema (`docs/findings.md`). Add cases, never rename them.
public enum FieldOrigin: String, Sendable, CaseIterable, Codable {
    case title
    case summary
    case content
    case mediaTitle = "media-title"
    case mediaDescription = "media-description"
    case mediaCredit = "media-credit"
    case mediaCopyright = "media-copyright"
    case imageAlt = "image-alt"
    case figcaption
    case metaDescription = "meta-description"
    case og
    case jsonLD = "json-ld"
    case rights
    case text
}
