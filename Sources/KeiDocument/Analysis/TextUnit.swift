/// One run of phrase content of the article as checks see it: a title, heading, paragraph, list-item
/// paragraph, table cell, caption, attribution, note paragraph or reference.
///
/// Every range here is a half-open range of **UTF-8 byte offsets, 0-based**, into `text.string`;
/// ``span(of:)`` turns one into the source bytes it came from.
public struct TextUnit: Sendable {
    /// The kind of text (from the walk: the innermost block scope).
    public var scope: TextScope
    /// The block's location (line) in the source.
    public var location: SourceLocation
    public var sectionID: String?
    public var noteID: String?
    /// True for a block quotation's attribution (the source's name, not quoted words).
    public var isAttribution: Bool
    /// The visible text, each character with its source: `.text`/`.code` keep their origins, a note
    /// marker is one U+FFFC character whose origin is the marker's span (not verbatim), a line break
    /// is "\n" and the marks around a `<q>` are “ and ”, both without a source.
    public var text: TextRun
    /// The unit's scopes, sorted by start (see ``ScopeKind``).
    public var scopes: [ScopedRange]
    /// The sentences, from ``SentenceSplitter``.
    public var sentences: [Range<Int>]
    /// The tokens, from ``WordTokenizer``.
    public var tokens: [WordToken]

    /// A unit of plain text: its scopes are the quotations its quotation marks delimit and its bare
    /// URLs (plus a `.quotation` scope over the whole text when `inBlockQuotation`).
    public init(scope: TextScope, location: SourceLocation, sectionID: String? = nil, noteID: String? = nil,
                text: TextRun, inBlockQuotation: Bool = false, isAttribution: Bool = false) {
        self.init(scope: scope, location: location, sectionID: sectionID, noteID: noteID, text: text, scopes: [],
                  addedMarks: [], inBlockQuotation: inBlockQuotation, isAttribution: isAttribution)
    }

    /// The unit of a run of phrase content, projected as ``text`` describes; italic sets a cited
    /// title in notes and reference entries (`scope` `.note` or `.reference`).
    public init(scope: TextScope, location: SourceLocation, sectionID: String? = nil, noteID: String? = nil,
                inlines: [Inline], inBlockQuotation: Bool = false, isAttribution: Bool = false) {
        var projector = InlineProjector(italicIsTitle: scope == .note || scope == .reference)
        projector.add(inlines)
        self.init(scope: scope, location: location, sectionID: sectionID, noteID: noteID, text: projector.text,
                  scopes: projector.scopes, addedMarks: projector.addedMarks, inBlockQuotation: inBlockQuotation,
                  isAttribution: isAttribution)
    }

    private init(scope: TextScope, location: SourceLocation, sectionID: String?, noteID: String?, text: TextRun,
                 scopes: [ScopedRange], addedMarks: [Range<Int>], inBlockQuotation: Bool, isAttribution: Bool) {
        self.scope = scope
        self.location = location
        self.sectionID = sectionID
        self.noteID = noteID
        self.isAttribution = isAttribution
        self.text = text
        let string = text.string
        (sentences, tokens) = SentenceSplitter.sentencesAndTokens(in: string)
        var all = scopes
        let linkURLs = Set(scopes.filter { $0.kind == .url }.map(\.range))
        for t in tokens where t.kind == .url && !linkURLs.contains(t.range) {
            all.append(ScopedRange(.url, t.range))
        }
        // Marks inside code and URLs are not quotation marks, nor are those added around <q>.
        let notMarks = addedMarks + all.filter { $0.kind == .code || $0.kind == .url }.map(\.range)
        for q in QuotationScanner.quotations(in: string, ignoring: notMarks) {
            all.append(ScopedRange(.quotation, q))
        }
        if inBlockQuotation && !isAttribution && !string.isEmpty {
            all.append(ScopedRange(.quotation, 0..<text.utf8Count))
        }
        all.sort { $0.range.lowerBound != $1.range.lowerBound ? $0.range.lowerBound < $1.range.lowerBound
                                                              : $0.range.upperBound > $1.range.upperBound }
        self.scopes = all
    }

    // MARK: Queries

    /// The source bytes the UTF-8 range `range` of ``text`` came from (see ``TextRun/span(of:)``).
    public func span(of range: Range<Int>) -> SourceSpan? { text.span(of: range) }

    /// The source spans of many ranges of ``text`` at once (see ``TextRun/spans(of:)``).
    public func spans(of ranges: [Range<Int>]) -> [SourceSpan?] { text.spans(of: ranges) }

    /// ``span(of:)`` when it stands for exactly `range` (it maps back to `range`, ``TextRun/range(of:)``);
    /// nil when `range` has no source or lies inside a larger origin that is not verbatim (a title read
    /// from a `<meta content>` value maps every word to the whole value).
    public func exactSpan(of range: Range<Int>) -> SourceSpan? {
        guard let span = text.span(of: range), text.range(of: span) == range else { return nil }
        return span
    }

    /// The scopes that cover the byte at `offset`.
    public func scopes(at offset: Int) -> Set<ScopeKind> {
        var out = Set<ScopeKind>()
        for s in scopes {
            if s.range.lowerBound > offset { break }
            if s.contains(offset) { out.insert(s.kind) }
        }
        return out
    }

    /// Whether `range` is the author's running text: no part of it is in a quotation, cited title,
    /// URL, code or note marker (``ScopeKind/notRunningText``). Link text is running text.
    public func isRunningText(_ range: Range<Int>) -> Bool {
        for s in scopes {
            if s.range.lowerBound >= range.upperBound && !range.isEmpty { break }
            if ScopeKind.notRunningText.contains(s.kind) && s.overlaps(range) { return false }
        }
        return true
    }

    /// The text of the UTF-8 range `range` (clamped to the text; it should lie on scalar boundaries).
    public func string(of range: Range<Int>) -> String {
        let u = text.string.utf8
        let lo = min(max(0, range.lowerBound), u.count), hi = min(max(lo, range.upperBound), u.count)
        return String(Substring(u[u.index(u.startIndex, offsetBy: lo)..<u.index(u.startIndex, offsetBy: hi)]))
    }

    /// Whether the UTF-8 range `range` lies inside one verbatim origin of ``text``: its characters are
    /// the source's bytes one for one, so an edit of exactly these bytes is an edit of exactly this text.
    public func isVerbatim(_ range: Range<Int>) -> Bool {
        var offset = 0
        for o in text.origins {
            let lo = offset, hi = offset + o.length
            offset = hi
            if range.lowerBound >= hi { continue }
            return o.verbatim && range.lowerBound >= lo && range.upperBound <= hi
        }
        return false
    }

    /// Whether every byte of the UTF-8 range `range` has a source and the sources follow each other
    /// without a gap: the source of ``span(of:)`` is exactly this text and what stands for it (an entity
    /// for its character, a run of white space or a line end for the space it collapsed to), with no tag,
    /// comment or other text in between.
    public func hasContiguousSource(_ range: Range<Int>) -> Bool {
        var offset = 0
        var previousEnd: Int?
        for o in text.origins {
            let lo = offset, hi = offset + o.length
            offset = hi
            guard hi > range.lowerBound else { continue }
            guard lo < range.upperBound else { break }
            guard let src = o.source else { return false }
            let start = o.verbatim ? src.start + max(0, range.lowerBound - lo) : src.start
            let end = o.verbatim ? src.start + (min(hi, range.upperBound) - lo) : src.end
            if let p = previousEnd, p != start { return false }
            previousEnd = end
        }
        return previousEnd != nil
    }

    /// The index in ``sentences`` of the sentence that contains the whole of `range`, if one does.
    public func sentenceIndex(containing range: Range<Int>) -> Int? {
        var lo = 0, hi = sentences.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sentences[mid].upperBound <= range.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        guard lo < sentences.count, sentences[lo].lowerBound <= range.lowerBound,
              sentences[lo].upperBound >= range.upperBound else { return nil }
        return lo
    }
}
