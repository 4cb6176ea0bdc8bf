import ScanCore

/// Gathers an item's text fields in document order, dropping empty ones and exact repeats
/// (the same text under the same origin, as Media RSS groups often repeat their content's).
struct FieldCollector {
    private(set) var fields: [TextField] = []

    /// Adds plain text folded onto one line.
    mutating func add(_ origin: FieldOrigin, plain text: String?) {
        guard let text else { return }
        append(origin, TextBuilder.singleLine(text))
    }

    /// Adds text that is already folded (by `TextBuilder`), as it is.
    mutating func add(_ origin: FieldOrigin, folded text: String?) {
        guard let text else { return }
        append(origin, text)
    }

    /// Adds plain text keeping its line breaks.
    mutating func add(_ origin: FieldOrigin, lines text: String?) {
        guard let text else { return }
        append(origin, TextBuilder.lines(text))
    }

    /// Adds the texts of extracted HTML: the body under `origin`, alt texts and captions apart.
    mutating func add(_ origin: FieldOrigin, html: HTMLText?) {
        guard let html else { return }
        append(origin, html.body)
        html.imageAlts.forEach { append(.imageAlt, $0) }
        html.figcaptions.forEach { append(.figcaption, $0) }
    }

    private mutating func append(_ origin: FieldOrigin, _ text: String) {
        guard !text.isEmpty, !fields.contains(where: { $0.origin == origin && $0.text.utf8.elementsEqual(text.utf8) }) else {
            return
        }
        fields.append(TextField(origin: origin, text: text))
    }
}
