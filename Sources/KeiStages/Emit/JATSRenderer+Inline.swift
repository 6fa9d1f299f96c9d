import Foundation
import KeiDocument

extension JATSRenderer {
    /// Writes the markup of a run of inlines, on one line.
    mutating func writeInlines(_ list: [Inline], _ context: JATSInlineContext) {
        for i in list { writeInline(i, context) }
    }

    /// Writes the markup of one inline, mapped to what the context allows (see ``JATSInlineContext``).
    mutating func writeInline(_ node: Inline, _ context: JATSInlineContext) {
        switch node {
        case .text(let t):
            writeText(t.string)
        case .emphasis(let c), .strong(let c), .superscript(let c), .subscript(let c), .citedTitle(let c):
            if !context.allowsNesting {
                writeInlines(c, context)
                return
            }
            writeFormatted(node, context) { $0.writeInlines(c, $1) }
        case .quotation(let c):
            // JATS 1.3 has no inline quotation element: the marks a browser shows are written as text.
            writeText(Inline.quotationMarks.0)
            writeInlines(c, context)
            writeText(Inline.quotationMarks.1)
        case .code(let t):
            if context.allowsNesting {
                wrap("monospace") { $0.writeText(t.string) }
            } else {
                writeText(t.string)
            }
        case .link(let url, let children) where url.hasPrefix("#"):
            writeCrossReference(to: String(url.dropFirst()), children, context)
        case .link(let url, let children):
            // Only addresses SafeURL allows are written (the model may come from elsewhere than ingest).
            let href: String
            switch SafeURL.check(url, for: .link) {
            case .allowed(let u), .fragment(let u): href = u
            case .empty, .rejected, .invalid:
                writeInlines(children, context)
                return
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
                write("<ext-link ext-link-type=\"uri\" xlink:href=\"")
                XMLEscaper.appendAttribute(href, to: &out)
                write("\">")
                let hasText = Self.hasText(inside)
                if !hasText && inside.images.allSatisfy({ Self.nonEmpty($0.altText) == nil }) {
                    writeText(href)
                } else {
                    writeInlines(inside, context.insideLink(hasText: hasText))
                }
                writeEndTag("ext-link")
                writeImages(after: inside, context)
                writeInlines(trailing, context)
                return
            }
            // Nested link: keep the text and, when it is not the URL itself, the URL.
            writeInlines(children, context)
            let text = TextTrimming.whitespacesAndNewlines(children.plainText)
            if text != href {
                writeText((text.isEmpty ? "" : " ") + "(\(href))")
            }
        case .noteRef(let ref):
            guard context.allowsXref, let rid = noteIDs[ref.noteID] else {
                // A dangling marker (or one where the DTD allows no xref) stays visible as superscript text.
                writeNoteLabel(ref.label, context)
                return
            }
            write("<xref ref-type=\"fn\" rid=\"")
            XMLEscaper.appendAttribute(rid, to: &out)
            write("\">")
            writeNoteLabel(ref.label, context)
            writeEndTag("xref")
        case .lineBreak:
            write(context.allowsBreak ? "<break/>" : "&#xA;")
        case .image(let image):
            switch context.images {
            case .graphic: writeInlineGraphic(image)
            case .altText: Self.nonEmpty(image.altText).map { writeText($0) }
            case .omitted: break
            }
        }
    }

    /// Whether a run has visible text (images and white space are none).
    static func hasText(_ list: [Inline]) -> Bool {
        !TextTrimming.whitespacesAndNewlines(list.plainText).isEmpty
    }

    /// The images of a link's content, written after the link (the DTD allows none inside it).
    mutating func writeImages(after linkContent: [Inline], _ context: JATSInlineContext) {
        guard context.images == .graphic else { return }
        for image in linkContent.images { writeInlineGraphic(image) }
    }

    /// `<inline-graphic>` with the alt text in `<alt-text>`; without an address ``SafeURL`` allows,
    /// the alt text as text (what a browser shows for an image it cannot load).
    private mutating func writeInlineGraphic(_ image: InlineImage) {
        let alt = Self.nonEmpty(image.altText)
        guard let href = Self.nonEmpty(image.source).flatMap(Self.safeResource) else {
            if let alt { writeText(alt) }
            return
        }
        write("<inline-graphic xlink:href=\"")
        XMLEscaper.appendAttribute(href, to: &out)
        guard let alt else {
            write("\"/>")
            return
        }
        write("\"><alt-text>")
        writeText(alt)
        writeEndTag("alt-text")
        writeEndTag("inline-graphic")
    }

    /// A note marker's label, in `<sup>` unless already inside one.
    private mutating func writeNoteLabel(_ label: String, _ context: JATSInlineContext) {
        if context.inSuperscript {
            writeText(label)
        } else {
            wrap("sup") { $0.writeText(label) }
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

    /// `italic`, `bold`, `sup` or `sub` (for the formatting inline `node`) around what `content` writes
    /// in the context inside that element.
    mutating func writeFormatted(_ node: Inline, _ context: JATSInlineContext,
                                 _ content: (inout JATSRenderer, JATSInlineContext) -> Void) {
        switch node {
        case .emphasis, .citedTitle: wrap("italic") { content(&$0, context.insideFormatting) }
        case .strong: wrap("bold") { content(&$0, context.insideFormatting) }
        case .superscript: wrap("sup") { content(&$0, context.insideSuperscript) }
        default: wrap("sub") { content(&$0, context.insideFormatting) }
        }
    }

    /// `<name>…</name>` around what `content` writes; nothing at all when it writes nothing.
    private mutating func wrap(_ name: String, _ content: (inout JATSRenderer) -> Void) {
        let start = out.count
        out.append(UInt8(ascii: "<"))
        write(name)
        out.append(UInt8(ascii: ">"))
        let contentStart = out.count
        content(&self)
        if out.count == contentStart {
            out.removeSubrange(start...)
        } else {
            writeEndTag(name)
        }
    }
}
