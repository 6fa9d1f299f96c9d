import KeiCitations
import KeiDocument

/// The citations of the notes in JATS: the cited sources in the `ref-list` (each an
/// `element-citation` from ``JATSCitationWriter`` and the note's own words as a `mixed-citation`),
/// and in each footnote the stretches that cite a source linked to its `ref` (``JATSCitationLinker``).
///
/// A note's citations are located by ``NoteCitation/unitIndex``: the index of the note paragraph among
/// the note's text units of scope `.note` as ``ArticleAnalysis`` numbers them (its paragraphs, and the
/// paragraphs of its lists, in reading order, those that project to no text skipped; the paragraphs of
/// a quotation, table or figure in a note are other scopes and not counted). Notes sharing an id are
/// numbered on, one after the other, as the analysis sees them.
extension JATSRenderer {
    /// The inlines of each note text unit, by note id, in unit order (see the type's description).
    static func noteUnits(_ article: Article) -> [String: [[Inline]]] {
        var units: [String: [[Inline]]] = [:]
        for note in article.notes {
            var list = units[note.id] ?? []
            collectUnits(note.blocks, into: &list)
            units[note.id] = list
        }
        return units
    }

    private static func collectUnits(_ blocks: [Block], into list: inout [[Inline]]) {
        for block in blocks {
            switch block {
            case .paragraph(let p):
                if InlineExtent.length(of: p.inlines) > 0 { list.append(p.inlines) }
            case .list(let l):
                for item in l.items { collectUnits(item.blocks, into: &list) }
            case .blockQuote, .table, .figure, .preformatted:
                break
            }
        }
    }

    /// Chooses the sources written in the `ref-list` (those with something to write) and their ids:
    /// after the page's own references, numbered on from them (`ref<n+1>`…; `ref1`… when the page has
    /// none), repaired by the allocator on a clash; a source that is an entry of the page's reference
    /// list (``CitationIndex/Source/pageReference``) links to that entry's `ref`. Then queues, per note, the paragraphs whose
    /// citations link to a written source.
    mutating func allocateCitationIDs() {
        noteUnitInlines = Self.noteUnits(article)
        for source in citations.sources {
            if let position = source.pageReference {
                // An entry of the page's reference list: already written as its own `ref`.
                if referenceElementIDs.indices.contains(position) { sourceElementIDs[source.id] = referenceElementIDs[position] }
                continue
            }
            let mixed = sourceMixedCitation(source)
            guard !mixed.isEmpty || Self.nonEmpty(source.reference.text) != nil else { continue }
            let id = ids.allocate("ref\(article.references.count + writtenSources.count + 1)", prefix: "ref")
            writtenSources.append((source, id, mixed))
            sourceElementIDs[source.id] = id
        }
    }

    /// The note's own words for a source: the stretch of the note paragraph where it is first cited in
    /// full, with its formatting, without white space at its ends or a separator (`, ; :`) at its end
    /// (empty when that paragraph is not found or the stretch has no text).
    func sourceMixedCitation(_ source: CitationIndex.Source) -> [Inline] {
        guard let units = noteUnitInlines[source.noteID], units.indices.contains(source.unitIndex) else { return [] }
        let inlines = InlineSlicer.slice(units[source.unitIndex], source.range)
        return Self.hasText(inlines) ? JATSCitationLinker.separated(inlines).core : []
    }

    /// Queues the marked paragraphs of `note`, about to be written, in writing order (only those that
    /// link to a `ref`), and advances the count of units seen for its id.
    mutating func queueCitedParagraphs(of note: Note) {
        citedParagraphs = []
        let first = unitsWritten[note.id, default: 0]
        var units: [[Inline]] = []
        Self.collectUnits(note.blocks, into: &units)
        unitsWritten[note.id] = first + units.count
        guard let citations = citations.notes[note.id], !citations.isEmpty else { return }
        var byUnit: [Int: [JATSCitationLinker.Link]] = [:]
        for c in citations {
            guard let sourceID = c.sourceID, let rid = sourceElementIDs[sourceID] else { continue }
            byUnit[c.unitIndex, default: []].append(JATSCitationLinker.Link(range: c.range, rid: rid))
        }
        for (n, inlines) in units.enumerated() {
            guard let links = byUnit[first + n] else { continue }
            citedParagraphs.append((inlines, JATSCitationLinker.link(inlines, links)))
        }
    }

    /// The marked content for a note paragraph about to be written, when it is the next queued one.
    mutating func takeCitedParagraph(_ inlines: [Inline]) -> [JATSCitedInline]? {
        guard let next = citedParagraphs.first, next.inlines == inlines else { return nil }
        citedParagraphs.removeFirst()
        return next.marked
    }

    /// Writes marked note content: ``JATSCitedInline`` pieces, each `xref` with `ref-type="bibr"`.
    mutating func writeCited(_ pieces: [JATSCitedInline], _ context: JATSInlineContext) {
        for piece in pieces {
            switch piece {
            case .inline(let inline):
                writeInline(inline, context)
            case .xref(let rid, let inlines):
                guard context.allowsXref, context.allowsNesting else {
                    writeInlines(inlines, context)
                    continue
                }
                writeBibliographyXref(rid) { $0.writeInlines(inlines, context.insideLink(hasText: true)) }
            case .anchor(let rid):
                if context.allowsXref { writeBibliographyXref(rid) { _ in } }
            case .container(let inline, let children):
                if case .quotation = inline {
                    writeText(Inline.quotationMarks.0)
                    writeCited(children, context)
                    writeText(Inline.quotationMarks.1)
                } else if context.allowsNesting {
                    writeFormatted(inline, context) { $0.writeCited(children, $1) }
                } else {
                    writeCited(children, context)
                }
            }
        }
    }

    private mutating func writeBibliographyXref(_ rid: String, _ content: (inout JATSRenderer) -> Void) {
        write("<xref ref-type=\"bibr\" rid=\"")
        XMLEscaper.appendAttribute(rid, to: &out)
        write("\">")
        let start = out.count
        content(&self)
        if out.count == start {
            out[start - 1] = UInt8(ascii: "/")
            write(">")
        } else {
            writeEndTag("xref")
        }
    }

    /// The `ref-list`: the page's own references, then the sources cited in the notes; each `ref` holds
    /// a `citation-alternatives` with the `element-citation` and the `mixed-citation` (the text as
    /// written) when there is structure to write, the `mixed-citation` alone otherwise.
    mutating func writeReferenceList(_ depth: Int) {
        guard !article.references.isEmpty || !writtenSources.isEmpty else { return }
        open("ref-list", [], depth)
        textLeaf("title", [], "References", depth + 1)
        for (index, ref) in article.references.enumerated() {
            open("ref", [("id", referenceElementIDs[index])], depth + 1)
            if let label = Self.nonEmpty(ref.label) { textLeaf("label", [], label, depth + 2) }
            let parsed = ReferenceParser.shared.parse(Self.referenceText(ref.inlines))
            writeCitation(parsed.item, mixed: ref.inlines, plain: nil, depth + 2)
            close("ref", depth + 1)
        }
        for (source, id, mixed) in writtenSources {
            open("ref", [("id", id)], depth + 1)
            writeCitation(source.reference.item, mixed: mixed, plain: source.reference.text, depth + 2)
            close("ref", depth + 1)
        }
        close("ref-list", depth)
    }

    /// The words of a reference entry as the parser reads them: its visible text without note markers
    /// and images, white space runs (line breaks too) as one space, trimmed.
    static func referenceText(_ inlines: [Inline]) -> String {
        func words(_ list: [Inline]) -> String {
            list.map { inline -> String in
                switch inline {
                case .noteRef, .image: return ""
                case .text, .code, .lineBreak: return inline.plainText
                case .quotation(let c): return Inline.quotationMarks.0 + words(c) + Inline.quotationMarks.1
                default: return words(inline.children ?? [])
                }
            }.joined()
        }
        return words(inlines).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The element-citation and mixed-citation of one reference (`plain` is written when `mixed` is empty).
    private mutating func writeCitation(_ item: CSLItem, mixed: [Inline], plain: String?, _ depth: Int) {
        let alternativesStart = out.count
        open("citation-alternatives", [], depth)
        let elementStart = out.count
        let wroteElement = JATSCitationWriter.write(item, to: &self, depth: depth + 1)
        if !wroteElement {
            out.removeSubrange(alternativesStart..<elementStart)
        }
        let d = wroteElement ? depth + 1 : depth
        let attrs = wroteElement ? [("publication-type", JATSCitationWriter.publicationType(item.type))] : []
        if !mixed.isEmpty || plain == nil {
            inlineLeaf("mixed-citation", attrs, mixed, .citation, d)
        } else {
            textLeaf("mixed-citation", attrs, plain ?? "", d)
        }
        if wroteElement { close("citation-alternatives", depth) }
    }
}
