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
        /// Note id → the span of the note's text in the source (none for a note carried in an attribute).
        var spans: [String: SourceSpan] = [:]
        var diagnostics: [Diagnostic] = []
    }

    /// Builds the notes. Tooltip copies of notes that the endnote list also has (by anchor, or by the
    /// same text: a tooltip `div` and a list item of one note) are dropped, their anchors joining the
    /// list's note; tooltip-only notes (Modern Footnotes) are notes in their own right.
    func buildNotes(_ raws: [RawNote], builder: inout BlockBuilder) -> Output {
        var out = Output()
        var entryAnchors = Set<String>()
        var entryByText: [String: Int] = [:]
        for (index, raw) in raws.enumerated() where raw.kind == .entry {
            entryAnchors.formUnion(raw.anchors)
            let key = textKey(raw.element)
            if !key.isEmpty, entryByText[key] == nil { entryByText[key] = index }
        }
        var joined: [Int: [String]] = [:]
        var tooltipKeys = Set<String>()
        var keptIndices: [Int] = []
        for (index, raw) in raws.enumerated() {
            if raw.kind == .tooltip {
                if raw.anchors.contains(where: { entryAnchors.contains($0) || tooltipKeys.contains($0) }) { continue }
                if let entry = entryByText[textKey(raw.element)] {
                    joined[entry, default: []] += raw.anchors
                    continue
                }
                tooltipKeys.formUnion(raw.anchors)
            }
            keptIndices.append(index)
        }
        let kept = keptIndices.map { index in
            var raw = raws[index]
            raw.anchors += joined[index] ?? []
            return raw
        }
        var markerLabel: [String: String] = [:]
        for m in builder.markers where markerLabel[m.key] == nil { markerLabel[m.key] = m.label }
        for (index, raw) in kept.enumerated() {
            let id = "fn\(index + 1)"
            let location = SourceLocation(file: file, line: raw.line)
            let span = raw.element.textRun.trimming(InlineText.isTrimmable).span
            out.spans[id] = span
            for anchor in raw.anchors {
                if let existing = out.idForKey[anchor] {
                    if existing != id {
                        out.diagnostics.append(BodyMessages.noteDuplicate.diagnostic(
                            "The anchor \"\(anchor)\" names both note \(existing) and note \(id); markers pointing at it link to \(existing).",
                            at: location, excerpt: anchor, fix: "Give each note its own id.", span: span))
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
            if case .paragraph(var p)? = blocks.first, let (printedLabel, drop) = Self.printedLabelPrefix(p.inlines, known: label) {
                label = printedLabel
                p.inlines = InlineText.normalize(InlineText.dropPrefix(p.inlines, count: drop))
                if InlineText.isBlank(p.inlines) { blocks.removeFirst() } else { blocks[0] = .paragraph(p) }
            }
            out.notes.append(Note(id: id, label: label ?? String(index + 1), blocks: blocks, location: location))
        }
        // Out-of-order numbering.
        var previous: Int?
        for note in out.notes {
            guard let n = Int(note.label) else { previous = nil; continue }
            if let p = previous, n != p + 1 {
                out.diagnostics.append(BodyMessages.noteOrder.diagnostic(
                    "Note \(note.label) follows note \(p) in the note list.", at: note.location,
                    fix: "Renumber the notes in order.", span: out.spans[note.id]))
                break
            }
            previous = n
        }
        return out
    }

    /// The label a note prints before its text that ``FootnoteMarkup/leadingNumber(_:)`` does not read:
    /// a superscript ("<sup>a</sup> Text", "<sup>1</sup> Text") or a run of note symbols followed by a
    /// space ("* Text", "† Text"). It counts only when it agrees with `known`, the label the note has
    /// from elsewhere (its marker, list position), or when none is known. Returns the label and the
    /// number of characters (of `inlines.plainText`) to drop: the label and the spaces after it.
    static func printedLabelPrefix(_ inlines: [Inline], known: String?) -> (label: String, dropCount: Int)? {
        let text = Array(inlines.plainText.prefix(24))
        var i = 0
        while i < text.count, InlineText.isTrimmable(text[i]) { i += 1 }
        var printed: String?
        if let sup = inlines.first(where: { !InlineText.isBlank([$0]) }), case .superscript(let c) = sup {
            let raw = c.plainText
            let label = FootnoteMarkup.cleanLabel(raw)
            if FootnoteMarkup.looksLikeMarkerLabel(label) { printed = label; i += raw.count }
        } else {
            let start = i
            while i < text.count, "*†‡§¶".contains(text[i]) { i += 1 }
            if i > start, i < text.count, InlineText.isTrimmable(text[i]) { printed = String(text[start..<i]) }
        }
        guard let printed, known == nil || known == printed else { return nil }
        while i < text.count, InlineText.isTrimmable(text[i]) { i += 1 }
        return (printed, i)
    }

    /// The text by which a tooltip copy and a list entry are recognised as one note: the visible text
    /// without back-links, a leading printed number, back-arrows or case and spacing differences.
    func textKey(_ e: DOMElement) -> String {
        var text = InlineText.key(FootnoteMarkup.visibleText(clean(e).0))
        if let (_, drop) = FootnoteMarkup.leadingNumber(text) { text = String(text.dropFirst(drop)) }
        while let last = text.unicodeScalars.last, last == "\u{21A9}" || last == "\u{2191}" || last == " " || last == "\u{FE0E}" {
            text.unicodeScalars.removeLast()
        }
        return text
    }

    /// The note element without back-links (and without the "^" or "↑" that leads a MediaWiki cluster
    /// "^ a b" of them); the printed label of a leading label link, if any.
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
                    if !seenText, Self.isBacklinkResidue(t.value) { continue }
                    if !InlineText.isBlank(t.value) { seenText = true }
                    kids.append(child)
                case .element(let c):
                    if c.name != "a", FootnoteMarkup.hasClass(c, in: FootnoteMarkup.backlinkClasses) { continue }
                    let isLabelLink = c.name == "a" && FootnoteMarkup.hasClass(c, named: "footnote-label")
                    if c.name == "a", isLabelLink || FootnoteMarkup.isBacklink(c, markerIDs: markerIDs)
                        || (!seenText && isClusterLetter(c)) {
                        let text = FootnoteMarkup.cleanLabel(c.textContent)
                        if !seenText, printed == nil, FootnoteMarkup.looksLikeMarkerLabel(text), !isClusterLetter(c) { printed = text }
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

    /// Text that only joins back-links at the start of a note: "^", "↑", "↩", "Jump up to:" and spaces.
    static func isBacklinkResidue(_ s: String) -> Bool {
        var k = InlineText.key(s)
        if k.hasPrefix("jump up to:") { k.removeFirst("jump up to:".count) } else if k.hasPrefix("jump up") { k.removeFirst("jump up".count) }
        return k.unicodeScalars.allSatisfy { $0 == "^" || $0 == "\u{2191}" || $0 == "\u{21A9}" || $0 == "\u{FE0E}" || $0 == " " }
    }

    /// One letter of a MediaWiki back-link cluster ("^ a b"): a same-page link whose text is one
    /// lower-case letter, before the note's text.
    private func isClusterLetter(_ a: DOMElement) -> Bool {
        guard a.name == "a", let href = a[attribute: "href"], href.hasPrefix("#") else { return false }
        let t = InlineText.trim(a.textContent)
        return t.count == 1 && t.first.map { $0.isLowercase && $0.isLetter } == true
    }

    /// Removes back-arrows left as plain text at the end of a note ("↩", "↑"), and the empty brackets
    /// a removed back-link leaves ("[Return to footnote 1]" → "[]").
    private func stripTrailingBackArrows(_ blocks: [Block]) -> [Block] {
        guard case .paragraph(var p)? = blocks.last else { return blocks }
        var inl = p.inlines
        while case .text(let t)? = inl.last {
            var kept = t.trimmingEnd { InlineText.isTrimmable($0) || $0.value == 0x21A9 || $0.value == 0x2191 || $0.value == 0xFE0E }
            for pair in ["[]", "()"] where kept.string.hasSuffix(pair) {
                kept = kept.slice(0..<(kept.utf8Count - 2))
            }
            if kept.utf8Count == t.utf8Count { break }
            if kept.isEmpty { inl.removeLast() } else { inl[inl.count - 1] = .text(kept) }
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
