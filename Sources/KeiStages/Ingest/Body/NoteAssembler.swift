import KeiDocument
import KeiXML

/// Builds ``Note`` and ``Reference`` values from the raw notes the extractor took out, links the
/// body's markers to them (ids normalised to `fn1`, `fn2`… in note-list order) and reports
/// missing, unreferenced, duplicate and out-of-order notes.
struct NoteAssembler {
    let file: String
    let markerIDs: Set<String>

    struct Output {
        var notes: [Note] = []
        /// Raw anchor or key → normalised note id.
        var idForKey: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
    }

    /// Builds the notes. Tooltip copies of notes that the endnote list also has are dropped;
    /// tooltip-only notes (Modern Footnotes) are notes in their own right.
    func buildNotes(_ raws: [RawNote], builder: inout BlockBuilder) -> Output {
        var out = Output()
        var entryAnchors = Set<String>()
        for raw in raws where raw.kind == .entry { entryAnchors.formUnion(raw.anchors) }
        var tooltipKeys = Set<String>()
        var kept: [RawNote] = []
        for raw in raws {
            if raw.kind == .tooltip {
                if raw.anchors.contains(where: { entryAnchors.contains($0) || tooltipKeys.contains($0) }) { continue }
                tooltipKeys.formUnion(raw.anchors)
            }
            kept.append(raw)
        }
        var markerLabel: [String: String] = [:]
        for m in builder.markers where markerLabel[m.key] == nil { markerLabel[m.key] = m.label }
        for (index, raw) in kept.enumerated() {
            let id = "fn\(index + 1)"
            let location = SourceLocation(file: file, line: raw.line)
            for anchor in raw.anchors {
                if let existing = out.idForKey[anchor] {
                    if existing != id {
                        out.diagnostics.append(BodyMessages.noteDuplicate.diagnostic(
                            "The anchor \"\(anchor)\" names both note \(existing) and note \(id); markers pointing at it link to \(existing).",
                            at: location, excerpt: anchor, fix: "Give each note its own id."))
                    }
                } else {
                    out.idForKey[anchor] = id
                }
            }
            let (element, printed) = clean(raw.element)
            var blocks = raw.element.name == "li" || raw.element[attribute: "data-kei-note"] != nil
                ? builder.blocks(element.children) : builder.blocks([.element(element)])
            var label = printed
            if case .paragraph(var p)? = blocks.first,
               let (number, drop) = FootnoteMarkup.leadingNumber(p.inlines.plainText),
               label == nil || label == number {
                label = number
                p.inlines = InlineText.normalize(InlineText.dropPrefix(p.inlines, count: drop))
                if InlineText.isBlank(p.inlines) { blocks.removeFirst() } else { blocks[0] = .paragraph(p) }
            }
            blocks = stripTrailingBackArrows(blocks)
            if label == nil, let o = raw.ordinal { label = String(o) }
            if label == nil, let l = raw.anchors.lazy.compactMap({ markerLabel[$0] }).first { label = l }
            out.notes.append(Note(id: id, label: label ?? String(index + 1), blocks: blocks, location: location))
        }
        // Out-of-order numbering.
        var previous: Int?
        for note in out.notes {
            guard let n = Int(note.label) else { previous = nil; continue }
            if let p = previous, n != p + 1 {
                out.diagnostics.append(BodyMessages.noteOrder.diagnostic(
                    "Note \(note.label) follows note \(p) in the note list.", at: note.location,
                    fix: "Renumber the notes in order."))
                break
            }
            previous = n
        }
        return out
    }

    /// The note element without back-links; the printed label of a leading label link, if any.
    func clean(_ e: DOMElement) -> (DOMElement, String?) {
        var printed: String?
        var seenText = false
        func rebuild(_ el: DOMElement) -> DOMElement {
            var copy = el
            var kids: [DOMNode] = []
            for child in el.children {
                switch child {
                case .comment: continue
                case .text(let t):
                    if !InlineText.isBlank(t.value) { seenText = true }
                    kids.append(child)
                case .element(let c):
                    let isLabelLink = c.name == "a" && FootnoteMarkup.hasClass(c, named: "footnote-label")
                    if c.name == "a", isLabelLink || FootnoteMarkup.isBacklink(c, markerIDs: markerIDs) {
                        let text = FootnoteMarkup.cleanLabel(c.textContent)
                        if !seenText, printed == nil, FootnoteMarkup.looksLikeMarkerLabel(text) { printed = text }
                        continue
                    }
                    kids.append(.element(rebuild(c)))
                }
            }
            copy.children = kids
            return copy
        }
        let cleaned = rebuild(e)
        return (cleaned, printed)
    }

    /// Removes back-arrows left as plain text at the end of a note ("↩", "↑").
    private func stripTrailingBackArrows(_ blocks: [Block]) -> [Block] {
        guard case .paragraph(var p)? = blocks.last else { return blocks }
        var inl = p.inlines
        while case .text(let t)? = inl.last {
            let kept = t.trimmingEnd { InlineText.isTrimmable($0) || $0.value == 0x21A9 || $0.value == 0x2191 }
            if kept.utf8Count == t.utf8Count { break }
            if kept.isEmpty { inl.removeLast() } else { inl[inl.count - 1] = .text(kept); break }
        }
        p.inlines = InlineText.normalize(inl)
        var out = blocks
        if InlineText.isBlank(p.inlines) { out.removeLast() } else { out[out.count - 1] = .paragraph(p) }
        return out
    }

    /// Builds references from reference-list entries no marker points at.
    func buildReferences(_ raws: [RawReference], builder: inout BlockBuilder) -> [Reference] {
        var out: [Reference] = []
        for raw in raws {
            var inlines = builder.flatten(builder.blocks(raw.element.name == "li" ? raw.element.children : [.element(raw.element)]))
            var label: String?
            if let (number, drop) = FootnoteMarkup.leadingNumber(inlines.plainText) {
                label = number
                inlines = InlineText.normalize(InlineText.dropPrefix(inlines, count: drop))
            } else if let o = raw.ordinal {
                label = String(o)
            }
            if InlineText.isBlank(inlines) { continue }
            out.append(Reference(id: "ref\(out.count + 1)", label: label, inlines: inlines,
                                 location: SourceLocation(file: file, line: raw.line)))
        }
        return out
    }
}
