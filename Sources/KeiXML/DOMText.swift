/// A run of character data copied out of a libxml2 text or CDATA node.
public struct DOMText: Sendable, Hashable {
    /// The text, with entities (including `&nbsp;`) resolved to characters.
    public var value: String
    /// The 1-based source line libxml2 recorded for the node (0 when unknown).
    public var line: Int

    public init(_ value: String, line: Int = 0) {
        self.value = value
        self.line = line
    }
}
