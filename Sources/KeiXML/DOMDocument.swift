import KeiDocument

/// A parsed document: the copied tree plus everything libxml2 said while recovering.
public struct DOMDocument: Sendable, Hashable {
    /// The root element (`html` for HTML input); nil when nothing could be parsed.
    public var root: DOMElement?
    /// The encoding the input was decoded with (``SourceDecoding/encoding`` for HTML; libxml2's for XML).
    public var encoding: String?
    /// libxml2's recovered errors and warnings, in the order it raised them: at most
    /// ``MarkupParser/maxMessages`` (plus the message that stopped the parser, when it came later).
    public var messages: [ParserMessage]
    /// How many further messages libxml2 raised that were counted but not kept in ``messages``.
    public var droppedMessages = 0
    /// The source as libxml2 read it, decoded to Unicode (BOM removed, characters HTML text cannot hold
    /// replaced; see ``SourceDecoding``); the offsets of every ``SourceSpan`` in the tree are UTF-8
    /// offsets into it. Empty when it could not be decoded.
    public var sourceText: String = ""
    /// How the page's bytes were decoded (HTML only).
    public var decoding: SourceDecoding?
    /// Numeric character references to characters HTML text cannot hold (`&#0;`, `&#1;`, `&#129;`,
    /// `&#xD800;`…), which were dropped or became U+FFFD (HTML only).
    public var controlReferences = ReplacedCharacters()
    /// Where reading stopped before the end of the page's text (HTML only; empty when nothing was lost).
    public var readingStops: [ReadingStop] = []
    /// The start tags counted (``MarkupParser/startTagCount(_:)``) when they were more than the element
    /// limit given to ``MarkupParser/parseHTML(_:encoding:elementLimit:)``: the page was then not parsed
    /// (``root`` is nil). Nil when the page was parsed.
    public var refusedStartTags: Int?

    public init(root: DOMElement?, encoding: String? = nil, messages: [ParserMessage] = []) {
        self.root = root
        self.encoding = encoding
        self.messages = messages
    }
}
