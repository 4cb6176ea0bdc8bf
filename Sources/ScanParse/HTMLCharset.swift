/// The charset an HTML page declares: the HTTP header, else a BOM, else `<meta charset>` or
/// `<meta http-equiv="Content-Type" content="...; charset=...">` in the first kilobyte. Labels
/// that mean Latin-1 are read as Windows-1252, as browsers do.
enum HTMLCharset {
    /// What to tell libxml2's HTML parser, and the label `items` reports.
    static func choose(_ bytes: [UInt8], httpCharset: String?) -> (encoding: String?, label: String) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return ("UTF-8", "UTF-8") }
        if bytes.starts(with: [0xFF, 0xFE]) { return (nil, "UTF-16LE") }
        if bytes.starts(with: [0xFE, 0xFF]) { return (nil, "UTF-16BE") }
        let declared = httpCharset ?? metaCharset(bytes)
        guard let label = declared?.lowercased() else {
            // Nothing declared: UTF-8 when the bytes are valid UTF-8, else Windows-1252.
            return UTF8Validation.isValid(bytes) ? ("UTF-8", "UTF-8") : ("WINDOWS-1252", "windows-1252")
        }
        if EncodingPolicy.latin1Labels.contains(label) { return ("WINDOWS-1252", "windows-1252") }
        if label == "utf-8" || label == "utf8" { return ("UTF-8", "UTF-8") }
        return (label.uppercased(), label.uppercased())
    }

    /// The charset named in a `<meta>` near the start of the page, if any.
    static func metaCharset(_ bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(1024), as: UTF8.self).lowercased()
        var searchFrom = head.startIndex
        while let meta = head.range(of: "<meta", range: searchFrom..<head.endIndex) {
            let tagEnd = head[meta.upperBound...].firstIndex(of: ">") ?? head.endIndex
            let tag = head[meta.upperBound..<tagEnd]
            if let charset = tag.range(of: "charset") {
                let rest = tag[charset.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" }
                let value = rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
                if !value.isEmpty { return String(value) }
            }
            searchFrom = tagEnd
        }
        return nil
    }
}
