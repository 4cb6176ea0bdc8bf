/// One possible breach of AP 2-27 in one text field of one item, for a person to review.
///
/// This is the flat record every reporter prints; its JSON form is specified in `docs/findings.md`.
public struct Finding: Sendable, Hashable {
    /// The stable rule id (`copyright.notice`).
    public var rule: String
    public var category: Category
    /// The AP 2-27 clause (`2.6`).
    public var policy: String
    public var severity: Severity
    /// 0...1: how sure the detector is.
    public var confidence: Double
    /// The rule's one-line message.
    public var message: String
    /// The target the item came from (URL, or file path).
    public var source: String
    public var item: ItemReference
    public var field: FieldOrigin
    public var match: MatchSpan
    /// The match with some context, on one line.
    public var snippet: String
    /// Where the match sits inside `snippet`, in Unicode scalars.
    public var snippetMatch: Range<Int>
    /// Stable identity of (rule, item, normalised match): see `Fingerprint`.
    public var fingerprint: String
    /// For copyright findings, the notice's year and holder when they could be read.
    public var copyright: CopyrightDetail?
    /// Names in the texts were masked to initials (`--redact`); offsets still point into the post.
    public var redacted = false

    public init(
        rule: String, category: Category, policy: String, severity: Severity, confidence: Double,
        message: String, source: String, item: ItemReference, field: FieldOrigin, match: MatchSpan,
        snippet: String, snippetMatch: Range<Int>, fingerprint: String, copyright: CopyrightDetail? = nil
    ) {
        self.rule = rule
        self.category = category
        self.policy = policy
        self.severity = severity
        self.confidence = confidence
        self.message = message
        self.source = source
        self.item = item
        self.field = field
        self.match = match
        self.snippet = snippet
        self.snippetMatch = snippetMatch
        self.fingerprint = fingerprint
        self.copyright = copyright
    }
}

/// The part of an item a finding names.
public struct ItemReference: Sendable, Hashable {
    public var id: String
    public var url: String?
    public var title: String?

    public init(id: String, url: String?, title: String?) {
        self.id = id
        self.url = url
        self.title = title
    }

    public init(_ item: Item) {
        self.init(id: item.id, url: item.url, title: item.title)
    }
}

/// The matched text and its Unicode scalar offsets in the field's text (`text[start..<end]`).
public struct MatchSpan: Sendable, Hashable {
    public var text: String
    public var start: Int
    public var end: Int

    public init(text: String, start: Int, end: Int) {
        self.text = text
        self.start = start
        self.end = end
    }
}

/// The year and holder of a copyright notice, when the detector could read them.
public struct CopyrightDetail: Sendable, Hashable {
    public var year: Int?
    public var holder: String?

    public init(year: Int?, holder: String?) {
        self.year = year
        self.holder = holder
    }
}
