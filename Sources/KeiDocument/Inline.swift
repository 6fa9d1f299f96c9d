/// Phrase-level content: text and its formatting, links, quotations, cited titles and note markers.
///
/// Text is held as ``TextRun`` values, so every character knows where it came from in the source.
public indirect enum Inline: Sendable, Hashable, Codable {
    /// Plain text; entities are resolved (a no-break space stays U+00A0 until a transform changes it).
    case text(TextRun)
    case emphasis([Inline])
    case strong([Inline])
    case superscript([Inline])
    case `subscript`([Inline])
    case code(TextRun)
    /// A hyperlink; `url` is as written in the source (absolute or relative).
    case link(url: String, children: [Inline])
    case noteRef(NoteRef)
    case lineBreak
    /// A quotation marked up as one (`<q>`). Browsers show quotation marks around it; they are not in
    /// the children (``plainText`` adds them, without a source).
    case quotation([Inline])
    /// The title of a cited work (`<cite>`); written as italic in JATS.
    case citedTitle([Inline])
    /// An image among the words of a block (JATS `inline-graphic`). Not visible text: its
    /// ``plainText`` is empty.
    case image(InlineImage)

    /// The marks shown around a ``quotation(_:)``.
    public static let quotationMarks = ("\u{201C}", "\u{201D}")

    /// The visible text, with formatting removed and a line break as a newline.
    public var plainText: String {
        switch self {
        case .text(let s), .code(let s): return s.string
        case .emphasis(let c), .strong(let c), .superscript(let c), .subscript(let c), .link(_, let c), .citedTitle(let c):
            return c.plainText
        case .quotation(let c): return Self.quotationMarks.0 + c.plainText + Self.quotationMarks.1
        case .noteRef(let r): return r.label
        case .lineBreak: return "\n"
        case .image: return ""
        }
    }

    /// The children of a container inline (formatting, link, quotation, cited title); nil for leaves.
    public var children: [Inline]? {
        switch self {
        case .emphasis(let c), .strong(let c), .superscript(let c), .subscript(let c), .link(_, let c),
             .quotation(let c), .citedTitle(let c):
            return c
        case .text, .code, .noteRef, .lineBreak, .image:
            return nil
        }
    }

    /// The same container around other children (leaves are returned unchanged).
    public func withChildren(_ children: [Inline]) -> Inline {
        switch self {
        case .emphasis: return .emphasis(children)
        case .strong: return .strong(children)
        case .superscript: return .superscript(children)
        case .subscript: return .subscript(children)
        case .link(let url, _): return .link(url: url, children: children)
        case .quotation: return .quotation(children)
        case .citedTitle: return .citedTitle(children)
        case .text, .code, .noteRef, .lineBreak, .image: return self
        }
    }
}

extension Array where Element == Inline {
    /// The concatenated visible text of a run of inlines.
    public var plainText: String {
        var s = ""
        for i in self { s += i.plainText }
        return s
    }

    /// The inline images of the run, at any depth, in order.
    public var images: [InlineImage] {
        var out: [InlineImage] = []
        for i in self {
            if case .image(let image) = i { out.append(image) } else if let c = i.children { out += c.images }
        }
        return out
    }
}
