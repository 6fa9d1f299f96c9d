import KeiDocument
import KeiXML

/// Where in the page's source a metadata value is written, so that a diagnostic about it can point at
/// it (line and column, via a ``KeiDocument/SourceSpan``) rather than only at a line.
struct ValueOrigin: Sendable, Hashable {
    /// The value's own text in the source (a visible date, an `<h1>`), when known: used as it is.
    var text: SourceSpan?
    /// UTF-8 offset of the `<` of the element that carries the value (``KeiXML/DOMElement/sourceStart``).
    var elementStart: Int?
    /// The attribute holding the value (`content`, `datetime`); nil when the value is the element's
    /// text (the span is then the start tag).
    var attribute: String?
    /// For a value from a JSON-LD `<script>`, the property that holds it (`headline`, `datePublished`):
    /// the span is that property's name inside the script.
    var jsonKey: String?

    init(elementStart: Int?, attribute: String? = nil, jsonKey: String? = nil) {
        self.elementStart = elementStart
        self.attribute = attribute
        self.jsonKey = jsonKey
    }

    /// The origin of an element's rendered text (``VisibleMetadataReader/renderedText(_:)``): the span
    /// of its text runs without surrounding whitespace, else its start tag.
    init(textOf element: DOMElement) {
        self.init(text: VisibleMetadataReader.renderedText(element), of: element)
    }

    /// The origin of `text`, read from `element`: its span without surrounding whitespace, else the
    /// element's start tag.
    init(text: TextRun, of element: DOMElement) {
        self.init(elementStart: element.sourceStart)
        self.text = text.trimming { $0.properties.isWhitespace }.span
    }
}
