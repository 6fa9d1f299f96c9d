/// One stretch of a note's text as the citation analysis reads it: a full citation of a source, a
/// short form ("Kwak, “Subsidy Races,” 90."), an "Ibid.", or commentary around them ("On export
/// controls, see").
public struct NoteCitation: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case full
        case shortForm = "short-form"
        case ibid
        case commentary
    }

    public var kind: Kind
    /// The note (``Note/id``) and the index of its text unit among the note's units (paragraphs): the
    /// note's ``TextUnit``s of scope `.note` in ``ArticleAnalysis`` order (its paragraphs and its lists'
    /// paragraphs; not those of a quotation, table or figure in the note), numbered from 0 and on across
    /// notes that share an id. `emit.jats` finds the paragraph to link by this number.
    public var noteID: String
    public var unitIndex: Int
    /// Half-open range of UTF-8 byte offsets (0-based) into that unit's text.
    public var range: Range<Int>
    public var text: String
    /// The parsed source (full citations; the short form's own fields for a short form).
    public var reference: ParsedReference?
    /// The ``CitationIndex/Source/id`` this stretch cites, when resolved (nil for commentary, for an
    /// "Ibid." with nothing to refer to and for a short form with no earlier full note).
    public var sourceID: String?
    /// The pages or other locator cited ("62–64").
    public var locator: String?
    /// For a short form that matches more than one earlier source (Cha, *Korean War* after *The Korean
    /// War: A History* and *The Korean War and Its Legacy*), the other sources it matches, earliest
    /// first; ``sourceID`` is the earliest. Empty otherwise.
    public var otherMatches: [String] = []

    public init(kind: Kind, noteID: String, unitIndex: Int, range: Range<Int>, text: String,
                reference: ParsedReference? = nil, sourceID: String? = nil, locator: String? = nil) {
        self.kind = kind
        self.noteID = noteID
        self.unitIndex = unitIndex
        self.range = range
        self.text = text
        self.reference = reference
        self.sourceID = sourceID
        self.locator = locator
    }
}
