/// One article as the pipeline sees it: metadata, abstract, body sections, acknowledgements, notes
/// and references.
///
/// A pure value: stages that transform it produce a changed copy; check stages only read it.
public struct Article: Sendable, Hashable, Codable {
    /// The article's id in the workflow (or the file stem for ad-hoc checks).
    public var id: String
    /// The source file, relative to the working directory where possible.
    public var source: String
    public var metadata: ArticleMetadata
    /// Abstract blocks, from an "Executive Summary" / "Abstract" / "Summary" section.
    public var abstract: [Block]
    public var sections: [Section]
    /// Acknowledgements (back matter), when the page has them.
    public var acknowledgements: Acknowledgements?
    public var notes: [Note]
    public var references: [Reference]
    /// Suppressions written in the source (comments and `data-kei-ignore`), in source order.
    public var suppressions: [Suppression] = []

    public init(id: String, source: String, metadata: ArticleMetadata = ArticleMetadata(),
                abstract: [Block] = [], sections: [Section] = [], notes: [Note] = [],
                references: [Reference] = []) {
        self.id = id
        self.source = source
        self.metadata = metadata
        self.abstract = abstract
        self.sections = sections
        self.notes = notes
        self.references = references
    }
}
