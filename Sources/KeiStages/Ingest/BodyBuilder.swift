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
        var extractor = NoteExtractor()
        let stripped = extractor.extract(content)
        var anchors = extractor.targets
        for raw in extractor.notes { anchors.formUnion(raw.anchors) }

        var builder = BlockBuilder(file: file, knownAnchors: anchors)
        builder.baseURL = SafeURL.documentBase(of: document.root, canonical: metadata.canonicalURL)
        let stream = builder.items(stripped.children, allowHeadings: true)
        let assembler = SectionAssembler(metadata: metadata, file: file)
        var (abstract, sections) = assembler.assemble(stream)
        let bodyMarkers = builder.markers

        let noteAssembler = NoteAssembler(file: file, markerIDs: extractor.markerIDs)
        var built = noteAssembler.buildNotes(extractor.notes, builder: &builder)
        let references = noteAssembler.buildReferences(extractor.references, builder: &builder)
        var diagnostics = built.diagnostics + builder.diagnostics

        // Plain superscript numbers are markers when the page has numbered notes and no linked markers.
        var resolver = NoteLinker(idForKey: built.idForKey, noteIDs: Set(built.notes.map(\.id)))
        if bodyMarkers.isEmpty, !built.notes.isEmpty {
            var byLabel: [String: String] = [:]
            for n in built.notes where byLabel[n.label] == nil { byLabel[n.label] = n.id }
            resolver.superscriptLabels = byLabel
        }
        abstract = resolver.link(abstract)
        for i in sections.indices { sections[i] = resolver.link(sections[i]) }
        for i in built.notes.indices { built.notes[i].blocks = resolver.link(built.notes[i].blocks) }

        // Markers pointing nowhere, and label mismatches.
        let labels = Dictionary(built.notes.map { ($0.id, $0.label) }, uniquingKeysWith: { a, _ in a })
        for m in builder.markers {
            if let id = built.idForKey[m.key] {
                if let l = labels[id], l != m.label, Int(l) != nil, Int(m.label) != nil {
                    diagnostics.append(BodyMessages.noteLabelMismatch.diagnostic(
                        "Marker \(m.label) links to note \(l).", at: SourceLocation(file: file, line: m.line),
                        excerpt: m.label))
                }
            } else {
                diagnostics.append(BodyMessages.noteMissing.diagnostic(
                    "Note marker \(m.label) points at \"#\(m.key)\", but there is no such note on the page.",
                    at: SourceLocation(file: file, line: m.line), excerpt: m.label,
                    fix: "Add the note to the note list or remove the marker."))
            }
        }
        for note in built.notes where !resolver.referenced.contains(note.id) {
            diagnostics.append(BodyMessages.noteUnreferenced.diagnostic(
                "Note \(note.label) is not referenced by any marker in the text.", at: note.location,
                excerpt: String(note.blocks.first.map(Self.text)?.prefix(80) ?? ""),
                fix: "Add a marker where the note belongs, or remove the note."))
        }
        diagnostics.sort { $0.location.line < $1.location.line }
        return BodyResult(abstract: abstract, sections: sections, notes: built.notes, references: references,
                          diagnostics: diagnostics)
    }

    private static func text(_ b: Block) -> String {
        if case .paragraph(let p) = b { return p.inlines.plainText }
        return ""
    }
}
