/// Phrase-level content: text and its formatting, links and note markers.
public indirect enum Inline: Sendable, Hashable, Codable {
    /// Plain text; entities are resolved (a no-break space stays U+00A0 until a transform changes it).
    case text(String)
    case emphasis([Inline])
    case strong([Inline])
    case superscript([Inline])
    case `subscript`([Inline])
    case code(String)
    /// A hyperlink; `url` is as written in the source (absolute or relative).
    case link(url: String, children: [Inline])
    case noteRef(NoteRef)
    case lineBreak

    /// The visible text, with formatting removed and a line break as a newline.
    public var plainText: String {
        switch self {
        case .text(let s), .code(let s): return s
        case .emphasis(let c), .strong(let c), .superscript(let c), .subscript(let c), .link(_, let c):
            return c.plainText
        case .noteRef(let r): return r.label
        case .lineBreak: return "\n"
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
}
