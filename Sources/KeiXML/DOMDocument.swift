import KeiDocument

/// A parsed document: the copied tree plus everything libxml2 said while recovering.
public struct DOMDocument: Sendable, Hashable {
    /// The root element (`html` for HTML input); nil when nothing could be parsed.
    public var root: DOMElement?
    /// The encoding libxml2 decoded the input with (declared, detected or forced), if it said.
    public var encoding: String?
    /// libxml2's recovered errors and warnings, in the order it raised them.
    public var messages: [ParserMessage]
    /// The source as libxml2 read it, decoded to Unicode (BOM removed); the offsets of every
    /// ``SourceSpan`` in the tree are UTF-8 offsets into it. Empty when it could not be decoded.
    public var sourceText: String = ""

    public init(root: DOMElement?, encoding: String? = nil, messages: [ParserMessage] = []) {
        self.root = root
        self.encoding = encoding
        self.messages = messages
    }
}
