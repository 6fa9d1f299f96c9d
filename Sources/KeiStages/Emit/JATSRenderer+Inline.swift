import Foundation
import KeiDocument

extension JATSRenderer {
    /// The markup of a run of inlines, on one line.
    func inlines(_ list: [Inline], _ context: JATSInlineContext) -> String {
        var s = ""
        for i in list { s += inline(i, context) }
        return s
    }

    /// The markup of one inline, mapped to what the context allows (see ``JATSInlineContext``).
    func inline(_ node: Inline, _ context: JATSInlineContext) -> String {
        switch node {
        case .text(let t):
            return XMLEscaper.text(t)
        case .emphasis(let c), .strong(let c), .superscript(let c), .subscript(let c):
            if !context.allowsNesting { return inlines(c, context) }
            return formatted(node, c, context)
        case .code(let t):
            return context.allowsNesting ? wrap("monospace", XMLEscaper.text(t)) : XMLEscaper.text(t)
        case .link(let url, let children):
            let href = url.trimmingCharacters(in: .whitespacesAndNewlines)
            if href.isEmpty {
                return inlines(children, context)
            }
            if context.allowsExtLink && context.allowsNesting {
                // Note markers at the end of the link text move just after the link, where they can
                // stay cross-references (the DTD allows no xref inside ext-link).
                var inside = children
                var trailing: [Inline] = []
                while let last = inside.last, context.allowsXref, isResolvableMarker(last) {
                    trailing.insert(last, at: 0)
                    inside.removeLast()
                }
                let content = inside.isEmpty ? XMLEscaper.text(href) : inlines(inside, context.insideLink)
                return "<ext-link ext-link-type=\"uri\" xlink:href=\"\(XMLEscaper.attribute(href))\">\(content)</ext-link>"
                    + inlines(trailing, context)
            }
            // Nested link: keep the text and, when it is not the URL itself, the URL.
            let content = inlines(children, context)
            let text = children.plainText.trimmingCharacters(in: .whitespacesAndNewlines)
            return text == href ? content : content + XMLEscaper.text((text.isEmpty ? "" : " ") + "(\(href))")
        case .noteRef(let ref):
            let label = context.inSuperscript ? XMLEscaper.text(ref.label) : wrap("sup", XMLEscaper.text(ref.label))
            guard context.allowsXref, let rid = noteIDs[ref.noteID] else {
                // A dangling marker (or one where the DTD allows no xref) stays visible as superscript text.
                return label
            }
            return "<xref ref-type=\"fn\" rid=\"\(XMLEscaper.attribute(rid))\">\(label)</xref>"
        case .lineBreak:
            return context.allowsBreak ? "<break/>" : "&#xA;"
        }
    }

    /// A note marker (possibly inside `<sup>`) whose note exists.
    private func isResolvableMarker(_ node: Inline) -> Bool {
        switch node {
        case .noteRef(let ref): return noteIDs[ref.noteID] != nil
        case .superscript(let c): return !c.isEmpty && c.allSatisfy(isResolvableMarker)
        default: return false
        }
    }

    /// `italic`, `bold`, `sup` or `sub` around the children.
    private func formatted(_ node: Inline, _ children: [Inline], _ context: JATSInlineContext) -> String {
        switch node {
        case .emphasis: return wrap("italic", inlines(children, context.insideFormatting))
        case .strong: return wrap("bold", inlines(children, context.insideFormatting))
        case .superscript: return wrap("sup", inlines(children, context.insideSuperscript))
        default: return wrap("sub", inlines(children, context.insideFormatting))
        }
    }

    private func wrap(_ name: String, _ markup: String) -> String {
        markup.isEmpty ? "" : "<\(name)>\(markup)</\(name)>"
    }
}
