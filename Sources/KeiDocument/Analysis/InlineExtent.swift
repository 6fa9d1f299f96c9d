/// How much of a ``TextUnit``'s text one inline projects to, so that UTF-8 ranges of that text can be
/// mapped back onto the model's inlines (to slice them, or to mark a stretch of them).
///
/// The lengths follow ``InlineProjector`` exactly: `.text` and `.code` their UTF-8 length; a note
/// marker and an image one U+FFFC (3 bytes); a line break 1; a `.quotation` its children plus the
/// “ and ” the projection adds (3 bytes each); every other container its children. All values are
/// UTF-8 byte counts. Built in one pass over the inline tree (linear).
public struct InlineExtent: Sendable, Hashable {
    /// UTF-8 bytes of the whole inline in the projected text.
    public var length: Int
    /// Where the first child starts, in bytes from the inline's start (the opening mark of a quotation; 0 otherwise).
    public var childOffset: Int
    /// The extents of the children, in order (empty for leaves).
    public var children: [InlineExtent]

    public init(_ inline: Inline) {
        switch inline {
        case .text(let run), .code(let run):
            self.init(length: run.utf8Count, childOffset: 0, children: [])
        case .noteRef, .image:
            self.init(length: InlineProjector.markerCharacter.utf8.count, childOffset: 0, children: [])
        case .lineBreak:
            self.init(length: 1, childOffset: 0, children: [])
        case .quotation(let c):
            let children = Self.of(c)
            let open = Inline.quotationMarks.0.utf8.count, close = Inline.quotationMarks.1.utf8.count
            self.init(length: open + children.reduce(0) { $0 + $1.length } + close, childOffset: open, children: children)
        case .emphasis(let c), .strong(let c), .superscript(let c), .subscript(let c), .citedTitle(let c), .link(_, let c):
            let children = Self.of(c)
            self.init(length: children.reduce(0) { $0 + $1.length }, childOffset: 0, children: children)
        }
    }

    init(length: Int, childOffset: Int, children: [InlineExtent]) {
        self.length = length
        self.childOffset = childOffset
        self.children = children
    }

    /// The extents of a run of inlines, in order; their lengths sum to the run's projected length.
    public static func of(_ list: [Inline]) -> [InlineExtent] {
        list.map(InlineExtent.init)
    }

    /// The UTF-8 length of a run's projection (``TextUnit/text`` of a unit built from it).
    public static func length(of list: [Inline]) -> Int {
        of(list).reduce(0) { $0 + $1.length }
    }
}
