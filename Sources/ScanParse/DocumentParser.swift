import ScanCore

/// The parse stage: fetched bytes in, items out. Detects the format from the content itself.
public struct DocumentParser: Sendable {
    public init() {}

    /// Parses one document. Throws `ParseError` naming the source; a document the parser had to
    /// recover is returned with `illFormed` set.
    public func parse(_ document: FetchedDocument) throws(ParseError) -> ParsedDocument {
        guard !document.body.isEmpty else { throw .empty(source: document.source) }
        let documentURL = URLResolver.isAbsolute(document.finalURL) ? document.finalURL : nil
        let charset = Self.charset(fromContentType: document.contentType)
        guard let tree = MarkupTree.parseXML(document.body, url: documentURL, encoding: charset),
            let root = tree.root
        else { throw .notMarkup(source: document.source) }
        if tree.declaresEntities { throw .declaresEntities(source: document.source) }
        return try withExtendedLifetime(tree) { () throws(ParseError) -> ParsedDocument in
            let (format, title, items) = try read(root: root, documentURL: documentURL, source: document.source)
            return ParsedDocument(
                source: document.source, format: format, title: title,
                encoding: charset ?? tree.declaredEncoding ?? "UTF-8", illFormed: !tree.wellFormed, items: items)
        }
    }

    private func read(
        root: Node, documentURL: String?, source: String
    ) throws(ParseError) -> (DocumentFormat, String?, [Item]) {
        if root.is("rss", in: nil) {
            let (title, items) = RSSParser(documentURL: documentURL).parse(root: root)
            return (.rss2, title, items)
        }
        if root.is("feed", in: Namespace.atom) {
            let (title, items) = AtomParser(documentURL: documentURL).parse(root: root)
            return (.atom1, title, items)
        }
        throw .unsupportedFormat(source: source, root: root.localName)
    }

    /// The `charset` parameter of a Content-Type header, if any.
    static func charset(fromContentType contentType: String?) -> String? {
        guard let contentType else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingWhitespace().lowercased() == "charset" else { continue }
            let value = pair[1].trimmingWhitespace().trimmingCharacters(in: "\"'")
            return value.isEmpty ? nil : value
        }
        return nil
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> String { String(self).trimmingWhitespace() }

    func trimmingCharacters(in set: String) -> String {
        var scalars = Substring(self)
        while let first = scalars.first, set.contains(first) { scalars.removeFirst() }
        while let last = scalars.last, set.contains(last) { scalars.removeLast() }
        return String(scalars)
    }
}
