import ScanCore

/// The parse stage: fetched bytes in, items out. Detects the format from the content itself
/// (never only from the Content-Type or the file name).
public struct DocumentParser: Sendable {
    public var limits: ParseLimits
    /// Whether well-formed feeds are streamed; off, every feed is parsed into a tree first (tests
    /// use it to show both readings agree).
    var streamsFeeds = true

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

    /// Feeds are streamed (`XMLStream`) when they are well-formed, as nearly all are. Anything
    /// else (broken markup, a charset that overrides the document's own) is parsed into a tree
    /// with libxml2's recovery, repaired and read through the same readers (`TreeStream`).
    private func parseXML(_ document: FetchedDocument, documentURL: String?) throws(ParseError) -> ParsedDocument {
        let charset = Self.charset(fromContentType: document.contentType)
        let prepared = EncodingPolicy.prepare(document.body, httpCharset: charset)
        let outcome: MarkupOutcome
        if streamsFeeds, prepared.encoding == nil, let streamed = try streamFeed(prepared, documentURL: documentURL, source: document.source) {
            outcome = streamed
        } else {
            outcome = try recoverFeed(prepared, documentURL: documentURL, source: document.source)
        }
        switch outcome {
        case .page:
            return try parsePage(document, documentURL: documentURL)  // XHTML served as XML is still a page.
        case .feed(let format, let content, let illFormed):
            return ParsedDocument(
                source: document.source, format: format, title: content.title, encoding: prepared.label,
                illFormed: illFormed, items: content.items, skippedItems: content.truncatedItems)
        }
    }

    private enum MarkupOutcome {
        case page
        case feed(DocumentFormat, FeedContent, illFormed: Bool)
    }

    /// Reads a well-formed feed from a stream; nil as soon as the markup turns out broken (the
    /// reader stops at the first error, so the caller recovers from a tree instead).
    private func streamFeed(
        _ prepared: EncodingPolicy.Prepared, documentURL: String?, source: String, knownLink: String? = nil
    ) throws(ParseError) -> MarkupOutcome? {
        let result = try XMLStream.read(prepared.bytes, url: documentURL, encoding: nil) {
            (stream) throws(ParseError) -> (MarkupOutcome, lateLink: String?)? in
            guard let root = stream.nextElement() else { return nil }
            if stream.declaresEntities(root) { throw .declaresEntities(source: source) }
            if root.localName.lowercased() == "html" { return (.page, nil) }
            let (format, content, lateLink) = try read(stream, root: root, documentURL: documentURL, source: source, knownLink: knownLink)
            return stream.wellFormed ? (.feed(format, content, illFormed: false), lateLink) : nil
        }
        guard let (outcome, lateLink) = result ?? nil else { return nil }
        guard let lateLink else { return outcome }
        return try streamFeed(prepared, documentURL: documentURL, source: source, knownLink: lateLink)
    }

    /// Parses the whole document with libxml2's recovery (and again with bare ampersands
    /// escaped, when it was broken) and reads the tree.
    private func recoverFeed(
        _ prepared: EncodingPolicy.Prepared, documentURL: String?, source: String
    ) throws(ParseError) -> MarkupOutcome {
        guard let first = MarkupTree.parseXML(prepared.bytes, url: documentURL, encoding: prepared.encoding),
            first.root != nil
        else { throw .notMarkup(source: source) }
        // The original markup was broken whether or not the repaired copy parses cleanly.
        let illFormed = !first.wellFormed
        let tree = illFormed ? reparsedWithAmpersandsEscaped(prepared, url: documentURL) ?? first : first
        guard let root = tree.root else { throw .notMarkup(source: source) }
        if tree.declaresEntities { throw .declaresEntities(source: source) }
        if root.localName.lowercased() == "html" { return .page }
        return try withExtendedLifetime(tree) { () throws(ParseError) -> MarkupOutcome in
            var (format, content, lateLink) = try read(TreeStream(root: root), root: root, documentURL: documentURL, source: source, knownLink: nil)
            if let lateLink {
                (format, content, _) = try read(TreeStream(root: root), root: root, documentURL: documentURL, source: source, knownLink: lateLink)
            }
            return .feed(format, content, illFormed: illFormed)
        }
    }

    private func reparsedWithAmpersandsEscaped(_ prepared: EncodingPolicy.Prepared, url: String?) -> MarkupTree? {
        guard !prepared.label.hasPrefix("UTF-16"), let repaired = AmpersandRepair.repair(prepared.bytes),
            let tree = MarkupTree.parseXML(repaired, url: url, encoding: prepared.encoding), tree.root != nil
        else { return nil }
        return tree
    }

    /// Chooses the reader by the root element and its namespace. `stream` is on the root.
    private func read(
        _ stream: some ElementStream, root: Node, documentURL: String?, source: String, knownLink: String?
    ) throws(ParseError) -> (DocumentFormat, FeedContent, lateLink: String?) {
        let isRDF = root.is("RDF", in: Namespace.rdf)
        if root.is("rss", in: nil) || isRDF {
            let version = root.attribute("version")  // read now: a stream frees what it passes
            let parser = RSSParser(
                documentURL: documentURL, namespaces: isRDF ? [Namespace.rss1, Namespace.rss090] : [nil],
                limits: limits, html: HTMLFragmentParser())
            let outcome = parser.parse(stream, root: root, knownLink: knownLink)
            let format = !isRDF ? Self.rssFormat(version: version) : outcome.namespace == Namespace.rss090 ? .rss090 : .rss1
            return (format, outcome.content, outcome.lateLink)
        }
        for (namespace, format) in [(Namespace.atom, DocumentFormat.atom1), (Namespace.atom03, .atom03)]
        where root.is("feed", in: namespace) {
            let parser = AtomParser(documentURL: documentURL, namespace: namespace, limits: limits, html: HTMLFragmentParser())
            let outcome = parser.parse(stream, root: root, knownLink: knownLink)
            return (format, outcome.content, outcome.lateLink)
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
