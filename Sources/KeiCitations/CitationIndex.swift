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
        /// Where it is first cited in full.
        public var noteID: String
        public var unitIndex: Int
        public var range: Range<Int>
    }

    public var sources: [Source]
    /// Each note's citations in reading order, by note id.
    public var notes: [String: [NoteCitation]]

    public init(sources: [Source] = [], notes: [String: [NoteCitation]] = [:]) {
        self.sources = sources
        self.notes = notes
    }

    /// PLACEHOLDER until the note reader lands: every note paragraph is one full citation.
    public init(article: Article, analysis: ArticleAnalysis, parser: ReferenceParser = .shared) {
        var sources: [Source] = []
        var notes: [String: [NoteCitation]] = [:]
        var unitCount: [String: Int] = [:]
        for unit in analysis.units where unit.noteID != nil && unit.scope == .note {
            let noteID = unit.noteID!
            let index = unitCount[noteID, default: 0]
            unitCount[noteID] = index + 1
            let text = unit.text.string
            let parsed = parser.parse(text)
            let id = "ref\(sources.count + 1)"
            sources.append(Source(id: id, reference: parsed, noteID: noteID, unitIndex: index, range: 0..<text.utf8.count))
            notes[noteID, default: []].append(NoteCitation(kind: .full, noteID: noteID, unitIndex: index,
                                                           range: 0..<text.utf8.count, text: text, reference: parsed, sourceID: id))
        }
        self.init(sources: sources, notes: notes)
    }
}
