import Foundation

/// A CSV file (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes, CRLF or LF)
/// with a header row, each row tagged with the line it starts on.
struct CSVTable {
    var header: [String]
    var rows: [(line: Int, fields: [String])]

    /// Parses `text`; throws for an unterminated quote, naming the line it opened on.
    init(_ text: String, source: String) throws(RosterError) {
        var records: [(Int, [String])] = []
        var field = ""
        var fields: [String] = []
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var quoteLine = 1
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = iterator.next()
        if pending == "\u{FEFF}" { pending = iterator.next() }
        func endRecord() {
            fields.append(field)
            field = ""
            if !(fields.count == 1 && fields[0].trimmingCharacters(in: .whitespaces).isEmpty) { records.append((recordLine, fields)) }
            fields = []
        }
        while let scalar = pending {
            pending = iterator.next()
            if inQuotes {
                if scalar == "\"" {
                    if pending == "\"" { field.unicodeScalars.append("\""); pending = iterator.next() } else { inQuotes = false }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty:
                inQuotes = true
                quoteLine = line
            case ",":
                fields.append(field)
                field = ""
            case "\r" where pending == "\n":
                continue
            case "\n", "\r":
                endRecord()
                line += 1
                recordLine = line
            default:
                field.unicodeScalars.append(scalar)
            }
        }
        if inQuotes { throw RosterError(source: source, line: quoteLine, problem: "a quoted field is never closed") }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        guard let first = records.first else { throw RosterError(source: source, problem: "the file is empty; a header row is required") }
        header = first.1.map { $0.trimmingCharacters(in: .whitespaces) }
        rows = records.dropFirst().map { (line: $0.0, fields: $0.1) }
    }

    /// Reads a file in `encoding` (`utf-8` by default); a UTF-8 BOM is accepted.
    static func read(path: String, encoding name: String?) throws(RosterError) -> CSVTable {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RosterError(source: path, problem: "cannot be read")
        }
        guard let encoding = Self.encoding(named: name ?? "utf-8") else {
            throw RosterError(source: path, problem: "unknown encoding \(name ?? ""); use utf-8, utf-16, windows-1252 or iso-8859-1")
        }
        guard let text = String(data: data, encoding: encoding) else {
            throw RosterError(source: path, problem: "is not valid \(name ?? "utf-8") text; choose another with --encoding")
        }
        return try CSVTable(text, source: path)
    }

    private static func encoding(named name: String) -> String.Encoding? {
        switch name.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8": .utf8
        case "utf-16", "utf16": .utf16
        case "windows-1252", "cp1252": .windowsCP1252
        case "iso-8859-1", "latin1", "latin-1": .isoLatin1
        default: nil
        }
    }
}
