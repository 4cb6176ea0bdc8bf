/// Decides how libxml2 should decode a document's bytes, the way browsers do.
///
/// The HTTP charset wins over the document's own declaration. Labels that mean Latin-1 are read
/// as Windows-1252 (its superset: feeds labelled ISO-8859-1 are very often Windows-1252, with
/// curly quotes at 0x91-0x94). UTF-8 input with invalid byte sequences is repaired (U+FFFD)
/// first, because libxml2 stops at the first invalid sequence and would lose the rest.
enum EncodingPolicy {
    struct Prepared {
        var bytes: [UInt8]
        /// What to tell libxml2 (nil: let the document say).
        var encoding: String?
        /// The encoding reported in `items` output.
        var label: String
    }

    static let latin1Labels: Set<String> = [
        "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "cp819", "ibm819",
        "us-ascii", "ascii", "windows-1252", "cp1252", "x-cp1252",
    ]

    static func prepare(_ bytes: [UInt8], httpCharset: String?) -> Prepared {
        if bytes.starts(with: [0xFF, 0xFE]) { return Prepared(bytes: bytes, encoding: nil, label: "UTF-16LE") }
        if bytes.starts(with: [0xFE, 0xFF]) { return Prepared(bytes: bytes, encoding: nil, label: "UTF-16BE") }
        if MarkupTree.looksLikeUTF16(bytes) { return Prepared(bytes: bytes, encoding: nil, label: "UTF-16") }
        let hasUTF8BOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        let charset = (hasUTF8BOM ? "utf-8" : httpCharset ?? declaredEncoding(bytes) ?? "utf-8").lowercased()
        if latin1Labels.contains(charset) {
            return Prepared(bytes: bytes, encoding: "WINDOWS-1252", label: "windows-1252")
        }
        if charset == "utf-8" || charset == "utf8" {
            // Naming UTF-8 makes libxml2 copy every byte through a converter; only do it when
            // the document itself says something else (the HTTP charset overrides it).
            let declared = declaredEncoding(bytes)?.lowercased()
            let override = declared != nil && declared != "utf-8" && declared != "utf8"
            return Prepared(bytes: repairedUTF8(bytes), encoding: override ? "UTF-8" : nil, label: "UTF-8")
        }
        return Prepared(bytes: bytes, encoding: httpCharset, label: charset.uppercased())
    }

    /// The bytes as valid UTF-8: invalid sequences replaced by U+FFFD.
    static func repairedUTF8(_ bytes: [UInt8]) -> [UInt8] {
        if UTF8Validation.isValid(bytes) { return bytes }
        return Array(String(decoding: bytes, as: UTF8.self).utf8)
    }

    /// The `encoding` of an XML declaration at the start of `bytes`, if any.
    static func declaredEncoding(_ bytes: [UInt8]) -> String? {
        guard bytes.starts(with: Array("<?xml".utf8)) else { return nil }
        let head = String(decoding: bytes.prefix(256).prefix { $0 != UInt8(ascii: ">") }, as: UTF8.self)
        guard let range = head.range(of: "encoding") else { return nil }
        var rest = head[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        rest = rest.dropFirst()
        let value = rest.prefix { $0 != quote }
        return value.isEmpty ? nil : String(value)
    }
}
