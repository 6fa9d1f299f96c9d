/// Receives the parts of an ``Article`` in reading order from ``ArticleWalker``.
/// Every method has an empty default, so a visitor implements only what it needs.
public protocol ArticleVisitor {
    mutating func visitSection(_ section: Section, context: WalkContext)
    mutating func visitBlock(_ block: Block, context: WalkContext)
    /// A run of phrase content: a title, heading, paragraph, list-item paragraph, cell, caption or attribution.
    mutating func visitInlines(_ inlines: [Inline], context: WalkContext)
    mutating func visitNote(_ note: Note, context: WalkContext)
    mutating func visitReference(_ reference: Reference, context: WalkContext)
}

extension ArticleVisitor {
    public mutating func visitSection(_ section: Section, context: WalkContext) {}
    public mutating func visitBlock(_ block: Block, context: WalkContext) {}
    public mutating func visitInlines(_ inlines: [Inline], context: WalkContext) {}
    public mutating func visitNote(_ note: Note, context: WalkContext) {}
    public mutating func visitReference(_ reference: Reference, context: WalkContext) {}
}
