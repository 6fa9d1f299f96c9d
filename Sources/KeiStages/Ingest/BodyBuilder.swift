import KeiDocument
import KeiXML

/// Builds sections, blocks, notes and references from the main-content element of an article page.
///
/// - Sections follow the heading hierarchy (`h1`–`h6`, and short all-bold paragraphs standing where
///   headings would be); content before the first heading is an untitled level-0 section. The heading
///   that repeats the title and leading dateline/byline/"Download PDF" lines are dropped; an
///   "Executive Summary" / "Abstract" / "Summary" section becomes the abstract.
/// - Paragraphs, lists (also lists flattened into "•" paragraphs), quotations with attribution, tables,
///   figures, preformatted text and inline formatting are kept; nothing the builder does not understand
///   is dropped: it becomes paragraphs.
/// - Footnote markers and endnote lists in the common markups (pandoc, Google Docs, Word, WordPress
///   footnotes block, Easy Footnotes, Modern Footnotes, Drupal footnotes, Chicago-style "Notes" lists)
///   become ``NoteRef`` markers and ``Note`` values with ids `fn1`, `fn2`… in note-list order; a
///   "References"/"Bibliography" list no marker points at becomes ``Reference`` values.
///
/// Rule ids it reports are declared in ``BodyMessages``.
public enum BodyBuilder {
    /// Builds the body of an article from its main content.
    /// - Parameters:
    ///   - content: The main-content element, site chrome already removed.
    ///   - document: The parsed page (for context; not modified).
    ///   - metadata: The article's metadata, used to drop a repeated title, byline and dateline.
    ///   - file: The display path of the source, for every ``SourceLocation``.
    public static func build(content: DOMElement, document: DOMDocument, metadata: ArticleMetadata,
                             file: String) -> BodyResult {
        var extractor = NoteExtractor(relations: PageRelations(document.root))
        let stripped = extractor.extract(content)
        var anchors = extractor.targets
        for raw in extractor.notes { anchors.formUnion(raw.anchors) }

        var builder = BlockBuilder(file: file, knownAnchors: anchors)
        builder.baseURL = SafeURL.documentBase(of: document.root, canonical: metadata.canonicalURL)
        builder.document = document
        let stream = builder.items(stripped.children, allowHeadings: true)
        let assembler = SectionAssembler(metadata: metadata, file: file)
        var (abstract, sections) = assembler.assemble(stream)
        var acknowledgements = buildAcknowledgements(extractor.acknowledgements, builder: &builder)
        let bodyMarkers = builder.markers

        let noteAssembler = NoteAssembler(file: file, markerIDs: extractor.markerIDs)
        var built = noteAssembler.buildNotes(extractor.notes, builder: &builder)
        let references = noteAssembler.buildReferences(extractor.references, builder: &builder)
        var diagnostics = built.diagnostics + builder.diagnostics

        // Markers that nothing else links to a note link by their number to an unreferenced note
        // with that label (a relation to a tooltip the page no longer has, a dangling fragment).
        let linkedNotes = Set(bodyMarkers.compactMap { built.idForKey[$0.key] })
        var freeByLabel: [String: String] = [:]
        for n in built.notes where !linkedNotes.contains(n.id) && freeByLabel[n.label] == nil { freeByLabel[n.label] = n.id }
        for m in bodyMarkers where built.idForKey[m.key] == nil {
            if let id = freeByLabel[m.label] { built.idForKey[m.key] = id }
        }

        // Plain superscript numbers are markers when the page has numbered notes and no linked markers.
        var resolver = NoteLinker(idForKey: built.idForKey, noteIDs: Set(built.notes.map(\.id)))
        let readsSuperscripts = bodyMarkers.allSatisfy { built.idForKey[$0.key] == nil } && !built.notes.isEmpty
        if readsSuperscripts {
            var byLabel: [String: String] = [:]
            for n in built.notes where byLabel[n.label] == nil { byLabel[n.label] = n.id }
            resolver.superscriptLabels = byLabel
        }
        resolver.fragments = FragmentTargets(content: stripped, sections: sections, noteIDs: built.idForKey)
        resolver.pageURL = NoteLinker.pageURL(canonical: metadata.canonicalURL, file: file)
        abstract = resolver.link(abstract)
        for i in sections.indices { sections[i] = resolver.link(sections[i]) }
        if var ack = acknowledgements {
            ack.title = resolver.link(ack.title, at: ack.location)
            ack.blocks = resolver.link(ack.blocks)
            acknowledgements = ack
        }
        if let mismatch = countMismatch(markerLabels: resolver.markerLabels, plainSuperscripts: readsSuperscripts ? resolver.plainSuperscriptNumbers : [],
                                        notes: built.notes, spans: built.spans) {
            diagnostics.append(mismatch)
        }
        for i in built.notes.indices { built.notes[i].blocks = resolver.link(built.notes[i].blocks) }
        for broken in resolver.brokenFragments {
            diagnostics.append(BodyMessages.brokenFragment.diagnostic(
                "The link “\(broken.text)” points at \"#\(broken.fragment)\", which names nothing in the article; it was kept as plain text.",
                at: broken.location, excerpt: broken.text, fix: "Point the link at an element of the article, or remove it.",
                span: broken.span))
        }

        // Markers pointing nowhere, and label mismatches.
        let labels = Dictionary(built.notes.map { ($0.id, $0.label) }, uniquingKeysWith: { a, _ in a })
        for m in builder.markers {
            if let id = built.idForKey[m.key] {
                if let l = labels[id], l != m.label, Int(l) != nil, Int(m.label) != nil {
                    diagnostics.append(BodyMessages.noteLabelMismatch.diagnostic(
                        "Marker \(m.label) links to note \(l).", at: SourceLocation(file: file, line: m.line),
                        excerpt: m.label, fix: "Correct the marker's number or the note's.", span: m.span))
                }
            } else {
                diagnostics.append(BodyMessages.noteMissing.diagnostic(
                    "Note marker \(m.label) points at \"#\(m.key)\", but there is no such note on the page.",
                    at: SourceLocation(file: file, line: m.line), excerpt: m.label,
                    fix: "Add the note to the note list or remove the marker.", span: m.span))
            }
        }
        for note in built.notes where !resolver.referenced.contains(note.id) {
            diagnostics.append(BodyMessages.noteUnreferenced.diagnostic(
                "Note \(note.label) is not referenced by any marker in the text.", at: note.location,
                excerpt: String(note.blocks.first.map(Self.text)?.prefix(80) ?? ""),
                fix: "Add a marker where the note belongs, or remove the note.", span: built.spans[note.id]))
        }
        diagnostics.sort { $0.location.line < $1.location.line }
        return BodyResult(abstract: abstract, sections: sections, acknowledgements: acknowledgements, notes: built.notes,
                          references: references, diagnostics: diagnostics)
    }

    /// The acknowledgements of the page, all their parts as one (titled by the first part's heading).
    private static func buildAcknowledgements(_ raws: [RawAcknowledgements], builder: inout BlockBuilder) -> Acknowledgements? {
        guard let first = raws.first else { return nil }
        var title: [Inline] = []
        if let t = first.title { title = InlineText.unwrapStrong(InlineText.normalize(builder.inlines(t.children))) }
        var blocks: [Block] = []
        for raw in raws { blocks += builder.blocks(raw.nodes) }
        guard !blocks.isEmpty else { return nil }
        return Acknowledgements(title: title, blocks: blocks, location: SourceLocation(file: blocks[0].location.file, line: first.line))
    }

    /// `ingest.note-count-mismatch` when the text's numbered markers and the list's numbered notes
    /// differ in number. Markers count once per number (a note cited twice is one); superscript
    /// numbers read as plain text count when they continue the markers' sequence. The span covers
    /// the numbered notes (the note list).
    private static func countMismatch(markerLabels: [String], plainSuperscripts: [Int], notes: [Note],
                                      spans: [String: SourceSpan]) -> Diagnostic? {
        var numbers = Set(markerLabels.compactMap { Int(FootnoteMarkup.cleanLabel($0)) })
        let plain = Set(plainSuperscripts)
        while let next = numbers.max().map({ $0 + 1 }), plain.contains(next) { numbers.insert(next) }
        let numberedNotes = notes.filter { Int($0.label) != nil }
        guard !numbers.isEmpty, !numberedNotes.isEmpty, numbers.count != numberedNotes.count,
              let first = numberedNotes.first else { return nil }
        let markers = numbers.count == 1 ? "1 numbered note marker" : "\(numbers.count) numbered note markers"
        let list = numberedNotes.count == 1 ? "1 numbered note" : "\(numberedNotes.count) numbered notes"
        return BodyMessages.noteCountMismatch.diagnostic(
            "The text has \(markers) (highest \(numbers.max() ?? 0)) but the note list has \(list).",
            at: first.location,
            fix: numbers.count > numberedNotes.count ? "Add the missing notes to the note list, or remove markers that have none."
                : "Add markers for the notes the text does not cite, or remove those notes.",
            span: numberedNotes.compactMap { spans[$0.id] }.reduce(nil as SourceSpan?) { list, note in list?.union(note) ?? note })
    }

    private static func text(_ b: Block) -> String {
        if case .paragraph(let p) = b { return p.inlines.plainText }
        return ""
    }
}
