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
    /// Article text removed from inside the chosen article container (see ``RemovedBlock``), in document order.
    public var removedBlocks: [RemovedBlock]
    /// Lists the parser split apart that were rebuilt before extraction (see ``ListNestingRepair``).
    public var listRepairs: [ListNestingRepair.Repair]

    public init(content: DOMElement?, textLength: Int, usedRelaxedPass: Bool, removedBlocks: [RemovedBlock] = [],
                listRepairs: [ListNestingRepair.Repair] = []) {
        self.content = content
        self.textLength = textLength
        self.usedRelaxedPass = usedRelaxedPass
        self.removedBlocks = removedBlocks
        self.listRepairs = listRepairs
    }
}
