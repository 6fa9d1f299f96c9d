import KeiDocument

/// What ``BodyBuilder`` makes of a page's main content.
public struct BodyResult: Sendable, Hashable {
    public var abstract: [Block]
    public var sections: [Section]
    public var acknowledgements: Acknowledgements?
    public var notes: [Note]
    public var references: [Reference]
    public var diagnostics: [Diagnostic]

    public init(abstract: [Block] = [], sections: [Section] = [], acknowledgements: Acknowledgements? = nil,
                notes: [Note] = [], references: [Reference] = [], diagnostics: [Diagnostic] = []) {
        self.abstract = abstract
        self.sections = sections
        self.acknowledgements = acknowledgements
        self.notes = notes
        self.references = references
        self.diagnostics = diagnostics
    }
}
