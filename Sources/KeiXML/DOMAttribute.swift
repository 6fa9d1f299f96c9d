/// One attribute of a parsed element, in source order.
public struct DOMAttribute: Sendable, Hashable, Codable {
    /// The attribute name, lower-cased for HTML input.
    public var name: String
    /// The attribute value with entities resolved.
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
