import ScanCore

/// The parse stage: fetched bytes in, items out. Detects the format from the content itself
/// (never only from the Content-Type or the file name).
public struct DocumentParser: Sendable {
    public var limits: ParseLimits

    public init(limits: ParseLimits = ParseLimits()) {
        self.limits = limits
    }

    /// Parses one document. Throws `ParseError` naming the source; a document the parser had to
    /// recover is returned with `illFormed` set.
    public func parse(_ document: FetchedDocument) throws(ParseError) -> ParsedDocument {
        guard !document.body.isEmpty else { throw .empty(source: document.source) }
        let documentURL = URLResolver.isAbsolute(document.finalURL) ? document.finalURL : nil
        switch ContentSniffer.kind(of: document.body) {
        case .binary(let kind):
            throw .binary(source: document.source, kind: kind)
        case .json:
            let parser = JSONFeedParser(documentURL: documentURL, limits: limits)
            let (format, content) = try parser.parse(EncodingPolicy.repairedUTF8(document.body), source: document.source)
            return ParsedDocument(
                source: document.source, format: format, title: content.title, encoding: "UTF-8",
                illFormed: false, items: content.items, skippedItems: content.truncatedItems)
        case .markup:
            return try parseXML(document, documentURL: documentURL)
        case .html:
            return try parsePage(document, documentURL: documentURL)
        }
    }

    /// Parses an HTML page with libxml2's HTML parser: one page is one item.
    private func parsePage(_ document: FetchedDocument, documentURL: String?) throws(ParseError) -> ParsedDocument {
        let (encoding, label) = HTMLCharset.choose(document.body, httpCharset: Self.charset(fromContentType: document.contentType))
        guard let tree = MarkupTree.parseHTML(document.body, url: documentURL, encoding: encoding), let root = tree.root
        else { throw .notMarkup(source: document.source) }
        return withExtendedLifetime(tree) {
            let item = PageParser(documentURL: documentURL, source: document.source).parse(root: root)
            return ParsedDocument(
                source: document.source, format: .html, title: item.title, encoding: label,
                illFormed: false, items: [item])  // HTML is always parsed leniently, as browsers do: no warning.
        }
    }

    private func parseXML(_ document: FetchedDocument, documentURL: String?) throws(ParseError) -> ParsedDocument {
        let charset = Self.charset(fromContentType: document.contentType)
        let prepared = EncodingPolicy.prepare(document.body, httpCharset: charset)
        guard let first = MarkupTree.parseXML(prepared.bytes, url: documentURL, encoding: prepared.encoding),
            first.root != nil
        else { throw .notMarkup(source: document.source) }
        // The original markup was broken whether or not the repaired copy parses cleanly.
        let illFormed = !first.wellFormed
        let tree = illFormed ? reparsedWithAmpersandsEscaped(prepared, url: documentURL) ?? first : first
        guard let root = tree.root else { throw .notMarkup(source: document.source) }
        if tree.declaresEntities { throw .declaresEntities(source: document.source) }
        // XHTML served as XML is still a page.
        if root.localName.lowercased() == "html" { return try parsePage(document, documentURL: documentURL) }
        return try withExtendedLifetime(tree) { () throws(ParseError) -> ParsedDocument in
            let (format, content) = try read(root: root, documentURL: documentURL, source: document.source)
            return ParsedDocument(
                source: document.source, format: format, title: content.title, encoding: prepared.label,
                illFormed: illFormed, items: content.items, skippedItems: content.truncatedItems)
        }
    }

    private func reparsedWithAmpersandsEscaped(_ prepared: EncodingPolicy.Prepared, url: String?) -> MarkupTree? {
        guard !prepared.label.hasPrefix("UTF-16"), let repaired = AmpersandRepair.repair(prepared.bytes),
            let tree = MarkupTree.parseXML(repaired, url: url, encoding: prepared.encoding), tree.root != nil
        else { return nil }
        return tree
    }

    /// Chooses the reader by the root element and its namespace.
    private func read(root: Node, documentURL: String?, source: String) throws(ParseError) -> (DocumentFormat, FeedContent) {
        if root.is("rss", in: nil) {
            let content = RSSParser(documentURL: documentURL, namespace: nil, limits: limits, html: HTMLFragmentParser()).parse(root: root)
            return (Self.rssFormat(version: root.attribute("version")), content)
        }
        if root.is("RDF", in: Namespace.rdf) {
            let isRSS090 = !root.descendants("channel", in: Namespace.rss090).isEmpty
            let namespace = isRSS090 ? Namespace.rss090 : Namespace.rss1
            let content = RSSParser(documentURL: documentURL, namespace: namespace, limits: limits, html: HTMLFragmentParser()).parse(root: root)
            return (isRSS090 ? .rss090 : .rss1, content)
        }
        if root.is("feed", in: Namespace.atom) {
            return (.atom1, AtomParser(documentURL: documentURL, namespace: Namespace.atom, limits: limits, html: HTMLFragmentParser()).parse(root: root))
        }
        if root.is("feed", in: Namespace.atom03) {
            return (.atom03, AtomParser(documentURL: documentURL, namespace: Namespace.atom03, limits: limits, html: HTMLFragmentParser()).parse(root: root))
        }
        throw .unsupportedFormat(source: source, root: root.localName)
    }

    private static func rssFormat(version: String?) -> DocumentFormat {
        switch version?.trimmingWhitespace() {
        case "0.91": .rss091
        case "0.92", "0.93", "0.94": .rss092
        default: .rss2
        }
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
