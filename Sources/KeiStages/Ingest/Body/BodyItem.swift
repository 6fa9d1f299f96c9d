import KeiDocument

/// One element of the flat body stream before sections are assembled: a heading or a block.
enum BodyItem: Sendable, Hashable {
    /// A heading: its level (1–6), normalised title and source line. `promoted` is true for a
    /// short all-bold paragraph standing where a heading would be.
    case heading(level: Int, title: [Inline], line: Int, promoted: Bool)
    case block(Block)
}
