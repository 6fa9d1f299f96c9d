import KeiDocument

/// A run of character data copied out of a libxml2 text or CDATA node.
public struct DOMText: Sendable, Hashable {
    /// The text, with entities (including `&nbsp;`) resolved to characters, and where each part of it
    /// stands in the decoded source (``DOMDocument/sourceText``).
    public var run: TextRun
    /// The 1-based source line libxml2 recorded for the node (0 when unknown; libxml2 2.9 stops at 65,535).
    public var line: Int

    /// The text.
    public var value: String { run.string }

    public init(_ value: String, line: Int = 0) {
        self.run = TextRun(value)
        self.line = line
    }

    public init(_ run: TextRun, line: Int = 0) {
        self.run = run
        self.line = line
    }
}
