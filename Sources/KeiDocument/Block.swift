/// Block-level content of a section, list item, quotation or note.
public indirect enum Block: Sendable, Hashable, Codable {
    case paragraph(Paragraph)
    case list(ListBlock)
    case blockQuote(BlockQuote)
    case table(Table)
    case figure(Figure)
    case preformatted(Preformatted)

    /// Where the block starts in the source.
    public var location: SourceLocation {
        switch self {
        case .paragraph(let b): return b.location
        case .list(let b): return b.location
        case .blockQuote(let b): return b.location
        case .table(let b): return b.location
        case .figure(let b): return b.location
        case .preformatted(let b): return b.location
        }
    }
}
