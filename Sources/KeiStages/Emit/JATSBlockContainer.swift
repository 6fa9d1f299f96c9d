import KeiDocument

/// Where a run of blocks is written, and so which blocks the DTD allows directly there.
///
/// A block that is not allowed directly (a table in a list item, a list in a note or an abstract)
/// is wrapped in a `<p>`, which in JATS may hold lists, quotations, tables, figures and
/// preformatted text. Containers that require at least one `<p>` get an empty `<p/>` when the
/// model has nothing for them.
enum JATSBlockContainer {
    /// `body` and `sec`: every block is allowed.
    case section
    /// `disp-quote`: every block is allowed.
    case quote
    /// `list-item`: only `p` and `list`; at least one is required.
    case listItem
    /// `fn`: only `p`; at least one is required.
    case note
    /// `abstract`: only `p`.
    case abstract
    /// `td` and `th`: `p`, `list` and `disp-quote` (tables, figures and preformatted text go in a `p`).
    case tableCell

    /// Whether `block` may be written directly in this container.
    func allowsDirectly(_ block: Block) -> Bool {
        switch (self, block) {
        case (.section, _), (.quote, _): return true
        case (.listItem, .paragraph), (.listItem, .list): return true
        case (.note, .paragraph), (.abstract, .paragraph): return true
        case (.tableCell, .paragraph), (.tableCell, .list), (.tableCell, .blockQuote): return true
        default: return false
        }
    }

    /// Whether the DTD requires at least one child here.
    var requiresContent: Bool {
        switch self {
        case .listItem, .note: return true
        case .section, .quote, .abstract, .tableCell: return false
        }
    }
}
