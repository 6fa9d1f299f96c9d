import KeiDocument

/// What ``BodyBuilder`` makes of a page's main content.
public struct BodyResult: Sendable, Hashable {
    public var abstract: [Block]
    public var sections: [Section]
    public var notes: [Note]
    public var references: [Reference]
    public var diagnostics: [Diagnostic]

    public init(abstract: [Block] = [], sections: [Section] = [], notes: [Note] = [], references: [Reference] = [],
                diagnostics: [Diagnostic] = []) {
        self.abstract = abstract
        self.sections = sections
        self.notes = notes
        self.references = references
        self.diagnostics = diagnostics
    }
}
