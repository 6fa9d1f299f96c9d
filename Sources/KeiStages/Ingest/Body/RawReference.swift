import KeiXML

/// An entry of a "References" / "Bibliography" list that no marker points at.
struct RawReference: Sendable, Hashable {
    var element: DOMElement
    var ordinal: Int?
    var line: Int
}
