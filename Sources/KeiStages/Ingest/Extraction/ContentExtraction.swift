import KeiXML

/// The outcome of ``ContentExtractor/extractDetailed(from:)``: the content element and how it was found.
public struct ContentExtraction: Sendable, Hashable {
    /// The main-content element with chrome removed; nil when the page has no content.
    public var content: DOMElement?
    /// Visible characters (not counting whitespace) in `content`.
    public var textLength: Int
    /// True when the strict pass found too little text and the relaxed pass (no class/id hints,
    /// no conditional cleaning) supplied the content: worth a warning, as chrome may remain.
    public var usedRelaxedPass: Bool

    public init(content: DOMElement?, textLength: Int, usedRelaxedPass: Bool) {
        self.content = content
        self.textLength = textLength
        self.usedRelaxedPass = usedRelaxedPass
    }
}
