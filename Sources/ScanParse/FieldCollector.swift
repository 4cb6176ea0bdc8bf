import ScanCore

/// Gathers an item's text fields in document order, dropping empty ones.
struct FieldCollector {
    private(set) var fields: [TextField] = []

    /// Adds plain text folded onto one line.
    mutating func add(_ origin: FieldOrigin, plain text: String?) {
        guard let text else { return }
        append(origin, TextBuilder.singleLine(text))
    }

    /// Adds the texts of extracted HTML: the body under `origin`, alt texts and captions apart.
    mutating func add(_ origin: FieldOrigin, html: HTMLText?) {
        guard let html else { return }
        append(origin, html.body)
        html.imageAlts.forEach { append(.imageAlt, $0) }
        html.figcaptions.forEach { append(.figcaption, $0) }
    }

    private mutating func append(_ origin: FieldOrigin, _ text: String) {
        if !text.isEmpty { fields.append(TextField(origin: origin, text: text)) }
    }
}
