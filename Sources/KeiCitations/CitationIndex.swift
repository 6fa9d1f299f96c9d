import KeiDocument

/// The citations of one article: every note read as citations, and the distinct sources they cite,
/// each with a stable id (`ref1`, `ref2`… in order of first full citation). Built once per version of
/// the model from the shared ``ArticleAnalysis``; `check.citations` checks it and `emit.jats` writes its
/// sources as the `ref-list`.
public struct CitationIndex: Sendable {
    /// A distinct cited source.
    public struct Source: Sendable, Hashable {
        public var id: String
        public var reference: ParsedReference
        /// Where it is first cited in full (for an entry of the page's reference list, the note that
        /// first cites it by a short form).
        public var noteID: String
        public var unitIndex: Int
        public var range: Range<Int>
        /// For an entry of the page's own reference list (``Article/references``, a bibliography), its
        /// 0-based index there: short forms resolving to it cite that entry, which `emit.jats` already
        /// writes as a `ref` of its own (nil for a source first cited in full in a note).
        public var pageReference: Int?

        public init(id: String, reference: ParsedReference, noteID: String, unitIndex: Int, range: Range<Int>,
                    pageReference: Int? = nil) {
            self.id = id
            self.reference = reference
            self.noteID = noteID
            self.unitIndex = unitIndex
            self.range = range
            self.pageReference = pageReference
        }
    }

    /// The distinct sources the notes cite, in order of first citation: sources first cited in full in
    /// a note (`ref1`, `ref2`…), and entries of the page's reference list that a short form cites
    /// (`bib1`, `bib2`… by their 1-based position in ``Article/references``; see ``Source/pageReference``).
    public var sources: [Source]
    /// Each note's citations in reading order, by note id.
    public var notes: [String: [NoteCitation]]
    /// For each note, the note directly before it in its series (numbered notes, and notes labelled by
    /// letters or symbols), by note id; the first note of a series has none. "Ibid." refers to it.
    public var previousNote: [String: String]

    public init(sources: [Source] = [], notes: [String: [NoteCitation]] = [:], previousNote: [String: String] = [:]) {
        self.sources = sources
        self.notes = notes
        self.previousNote = previousNote
    }

    /// Reads the notes of `article` with ``NoteReader`` (see there for how notes are read and resolved).
    public init(article: Article, analysis: ArticleAnalysis, parser: ReferenceParser = .shared) {
        self = NoteReader(parser: parser).read(article, analysis: analysis)
    }

    /// The citations of the note `noteID` that cite something (no commentary), in reading order.
    public func citing(_ noteID: String) -> [NoteCitation] {
        (notes[noteID] ?? []).filter { $0.kind != .commentary }
    }
}
