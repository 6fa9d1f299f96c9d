import KeiDocument

/// Reads an article's notes as citations (Chicago Manual of Style, 17th ed., 14.19–14.36) into a
/// ``CitationIndex``: each note paragraph is cut into stretches (``NoteChunker``), each stretch read as
/// commentary, a full citation, a short form or "Ibid." (``NoteChunkReader``), and then, in note order:
///
/// - a full citation is a new source (`ref1`, `ref2`… in order of first full citation), unless its words
///   without the final locator repeat an earlier full citation's, which makes it that source again;
/// - a short form is the source of the earliest earlier full citation whose author name words include
///   the short form's and whose title starts with the short title's words (case, punctuation, curly
///   quotes and a leading article do not matter; when several match, the others are kept in
///   ``NoteCitation/otherMatches``); "Idem" stands for the author of the citation before;
/// - with a reference list on the page (``Article/references``, a bibliography: CMOS 14.19 allows short
///   notes from the first citation then), a short form is also matched against its entries (parsed
///   with the ``ReferenceParser``; the entry's italic title counts too), which come before all notes;
///   an entry so cited becomes the source `bib<n>` (its 1-based position), with ``CitationIndex/Source/pageReference``;
/// - a stretch read as a full citation but without publication facts (place and publisher, a journal
///   volume or issue, a URL or DOI, a full date, parenthesized facts) is a short form when it matches
///   an earlier full citation so (whatever its locator looks like: "1950", "1:120");
/// - a note that is only a quoted title (and a locator) is the title-only short form of an unsigned work
///   whose full citation's title starts with its words (CMOS 17th ed., 14.32);
/// - "Ibid." is the source of the citation before it in the same note, else the single source of the
///   directly preceding note of its series (numbered notes, and notes labelled otherwise); nothing when
///   that note cites several sources or none, or when there is no preceding note.
///
/// Full and short citations are parsed with the ``ReferenceParser`` (an interview gets the type
/// `interview` whatever the parser says); the reading and the resolution rest on the paragraph's scopes
/// and name words, and use the parser's authors and title only as further evidence. Near-linear in the
/// notes' text. Only note paragraphs and list items are read (scope `.note`): a block quotation or
/// table inside a note holds quoted or tabular text, not citations.
public struct NoteReader: Sendable {
    public var parser: ReferenceParser

    public init(parser: ReferenceParser = .shared) {
        self.parser = parser
    }

    /// The note paragraphs of `analysis` by note id, in reading order: the units ``read(_:analysis:)``
    /// reads, whose positions are ``NoteCitation/unitIndex``.
    public static func noteUnits(in analysis: ArticleAnalysis) -> [String: [TextUnit]] {
        var out: [String: [TextUnit]] = [:]
        for unit in analysis.units where unit.scope == .note {
            if let id = unit.noteID { out[id, default: []].append(unit) }
        }
        return out
    }

    public func read(_ article: Article, analysis: ArticleAnalysis) -> CitationIndex {
        let units = Self.noteUnits(in: analysis)
        var index = CitationIndex()
        var registry = FullCitationRegistry()
        var lastInSeries: [Bool: String] = [:]
        var previousAuthors: [String] = []
        let pageReferences = registerPageReferences(article, analysis: analysis, in: &registry)
        var noteSources = 0
        for note in article.notes {
            let numbered = Int(note.label) != nil
            let previous = lastInSeries[numbered]
            if let previous { index.previousNote[note.id] = previous }
            lastInSeries[numbered] = note.id
            var citations: [NoteCitation] = []
            for (unitIndex, unit) in (units[note.id] ?? []).enumerated() {
                let text = NoteUnitText(unit)
                let reader = NoteChunkReader(text: text)
                for raw in Self.joined(NoteChunker.pieces(text), reader: reader).flatMap(reader.read) {
                    var raw = raw
                    if raw.isIdem { raw.authorWords = previousAuthors }
                    if raw.kind == .full, !raw.hasPublicationFacts, !raw.isInterview, registry.source(forKey: raw.key) == nil,
                       registry.resolve(authorWords: raw.authorWords, titleWords: raw.titleWords) != nil {
                        // No publication facts, and the author and title start of an earlier full citation:
                        // a short form whatever its locator looks like ("1950", "22 (emphasis added").
                        raw.kind = .shortForm
                        if raw.locator == nil, let last = raw.lastPart { raw.locator = NoteChunkReader.strippingLocatorPrefix(last) }
                    }
                    if raw.kind == .commentary, raw.quotedTitleWords.count >= 2,
                       registry.resolve(authorWords: [], titleWords: raw.quotedTitleWords) != nil {
                        // A quoted title alone: the title-only short form of an unsigned work (CMOS 14.32).
                        raw.kind = .shortForm
                        raw.titleWords = raw.quotedTitleWords
                    }
                    var c = NoteCitation(kind: raw.kind, noteID: note.id, unitIndex: unitIndex, range: raw.range,
                                         text: text.string(raw.range), locator: raw.locator)
                    switch raw.kind {
                    case .commentary:
                        break
                    case .ibid:
                        c.sourceID = ibidSource(before: citations, previousNote: previous.flatMap { index.notes[$0] })
                    case .shortForm:
                        let parsed = parser.parse(c.text)
                        c.reference = parsed
                        let authors = raw.authorWords.isEmpty && !raw.isIdem ? Self.parsedNameWords(parsed) : raw.authorWords
                        let matches = registry.matches(authorWords: authors, titleWords: raw.titleWords, limit: 3)
                        c.sourceID = matches.first?.sourceID
                        c.otherMatches = matches.dropFirst().map(\.sourceID)
                        if let id = c.sourceID, let (position, reference) = pageReferences[id],
                           !index.sources.contains(where: { $0.id == id }) {
                            index.sources.append(CitationIndex.Source(id: id, reference: reference, noteID: note.id, unitIndex: unitIndex,
                                                                      range: raw.range, pageReference: position))
                        }
                        previousAuthors = authors
                    case .full:
                        var parsed = parser.parse(c.text)
                        if raw.isInterview { parsed.item = InterviewItem.item(c.text, issued: parsed.item.issued) }
                        c.reference = parsed
                        let authors = raw.authorWords + Self.parsedNameWords(parsed).filter { !raw.authorWords.contains($0) }
                        if let known = registry.source(forKey: raw.key) {
                            c.sourceID = known
                        } else {
                            noteSources += 1
                            let id = "ref\(noteSources)"
                            c.sourceID = id
                            index.sources.append(CitationIndex.Source(id: id, reference: parsed, noteID: note.id,
                                                                      unitIndex: unitIndex, range: raw.range))
                            registry.add(sourceID: id, key: raw.key, authorWords: authors,
                                         titles: [raw.titleWords, CitationWords.titleWords(parsed.item.title ?? "")])
                        }
                        previousAuthors = raw.authorWords
                    }
                    citations.append(c)
                }
            }
            index.notes[note.id] = citations
        }
        return index
    }

    /// Registers the entries of the page's reference list in `registry` (before any note, so a short
    /// form matching both an entry and a later full note cites the entry), each as `bib<n>` (1-based
    /// position) with the parser's names and title and the entry's first italic title; returns them by
    /// that id with their 0-based position and parsed reference.
    func registerPageReferences(_ article: Article, analysis: ArticleAnalysis,
                                in registry: inout FullCitationRegistry) -> [String: (Int, ParsedReference)] {
        guard !article.references.isEmpty else { return [:] }
        var unitAt: [SourceLocation: TextUnit] = [:]
        for unit in analysis.units where unit.scope == .reference && unitAt[unit.location] == nil { unitAt[unit.location] = unit }
        var out: [String: (Int, ParsedReference)] = [:]
        for (position, reference) in article.references.enumerated() {
            let unit = unitAt[reference.location]
            let text = unit?.text.string ?? reference.inlines.plainText
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { continue }
            let parsed = parser.parse(text)
            let id = "bib\(position + 1)"
            var titles = [CitationWords.titleWords(parsed.item.title ?? "")]
            if let unit, let italic = unit.scopes.first(where: { $0.kind == .citedTitle }) {
                titles.append(CitationWords.titleWords(NoteUnitText(unit).string(italic.range)))
            }
            registry.add(sourceID: id, key: "", authorWords: Self.parsedNameWords(parsed), titles: titles)
            out[id] = (position, parsed)
        }
        return out
    }

    /// Pieces after a sentence break joined to the piece before when that one began a citation that
    /// does not end as citations do (a locator, a year, a parenthesis or a URL) and the new piece starts
    /// no citation of its own ("Smith, *Title*. Publisher, 2020." is one citation).
    static func joined(_ pieces: [NoteChunker.Piece], reader: NoteChunkReader) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var previousOpen = false
        for piece in pieces {
            if piece.afterSentenceBreak, previousOpen, let last = out.last, !reader.startsCitation(piece.range),
               !reader.isNarrative(piece.range) {
                out[out.count - 1] = last.lowerBound..<piece.range.upperBound
            } else {
                out.append(piece.range)
            }
            let current = out[out.count - 1]
            previousOpen = reader.firstFeature(in: current) < current.upperBound && !reader.endsLikeCitation(current)
        }
        return out
    }

    /// The source an "Ibid." cites: the citation before it in its note, else the single source of
    /// `previousNote` (nil when there is none, or several, or the one there is unresolved).
    func ibidSource(before inNote: [NoteCitation], previousNote: [NoteCitation]?) -> String? {
        if let last = inNote.last(where: { $0.kind != .commentary }) { return last.sourceID }
        guard let previousNote else { return nil }
        let cited = previousNote.filter { $0.kind != .commentary }
        guard let first = cited.first, cited.allSatisfy({ $0.sourceID != nil && $0.sourceID == first.sourceID }) else { return nil }
        return first.sourceID
    }

    /// The name words of the parser's authors and editors (family, given, literal).
    static func parsedNameWords(_ parsed: ParsedReference) -> [String] {
        let names = (parsed.item.author ?? []) + (parsed.item.editor ?? [])
        var out: [String] = []
        for n in names {
            for part in [n.family, n.given, n.literal].compactMap({ $0 }) {
                for w in CitationWords.nameWords(part) where !out.contains(w) { out.append(w) }
            }
        }
        return out
    }
}
