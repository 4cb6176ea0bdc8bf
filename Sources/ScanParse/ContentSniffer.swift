/// Tells from the first bytes what kind of document this is, whatever its name or Content-Type.
enum ContentSniffer {
    enum Kind: Equatable {
        case markup
        case html
        case json
        case binary(String)
    }

    private static let signatures: [(bytes: [UInt8], kind: String)] = [
        (Array("%PDF".utf8), "a PDF document"),
        ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
        (Array("GIF8".utf8), "a GIF image"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),
        ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive"),
        ([0x1F, 0x8B], "gzip-compressed data"),
        (Array("RIFF".utf8), "a RIFF media file"),
    ]

    static func kind(of bytes: [UInt8]) -> Kind {
        for signature in signatures where bytes.starts(with: signature.bytes) {
            return .binary(signature.kind)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return .markup }
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        guard index < bytes.count else { return .markup }
        if bytes[index] == UInt8(ascii: "{") { return .json }
        let sample = bytes.prefix(512)
        if sample.filter({ $0 == 0 }).count > sample.count / 4 { return .binary("binary data") }
        return looksLikeHTML(bytes[index...].prefix(1024)) ? .html : .markup
    }

    /// An HTML page starts with `<!DOCTYPE html` or `<html`, or shows `<head` / `<body` early
    /// without any feed root (XHTML pages parsed as XML are caught again by their root).
    private static func looksLikeHTML(_ head: ArraySlice<UInt8>) -> Bool {
        let text = String(decoding: head, as: UTF8.self).lowercased()
        if text.hasPrefix("<!doctype html") || text.hasPrefix("<html") { return true }
        let feedRoots = ["<rss", "<feed", "<rdf:rdf", "<channel"]
        if feedRoots.contains(where: { text.contains($0) }) { return false }
        return text.contains("<head") || text.contains("<body") || text.contains("<html")
    }
}
