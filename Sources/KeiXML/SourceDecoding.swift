import KeiDocument

/// How a page's bytes became its source text (``DOMDocument/sourceText``): which encoding was used and
/// why, and what the decoder had to replace.
///
/// The choice follows the HTML standard's encoding sniffing (WHATWG HTML § 13.2.3) with the Encoding
/// Standard's labels: a forced encoding (the ingest stage's `encoding` option), else a byte order mark,
/// else a `<meta charset>` / `http-equiv="Content-Type"` declaration found by the prescan of the first
/// 1024 bytes, else an XML declaration at the start; an undeclared page is UTF-8 when its bytes are valid
/// UTF-8 with non-ASCII characters (or nearly: a stray byte in a UTF-8 page), else it follows a declaration later in the page (what a browser's tree builder does when it
/// meets one), else it is windows-1252, the default browsers use for such pages.
public struct SourceDecoding: Sendable, Hashable {
    /// Why ``encoding`` was used.
    public enum Basis: String, Sendable, Hashable {
        /// The caller forced it (the ingest stage's `encoding` option).
        case forced
        /// A byte order mark at the start of the file.
        case byteOrderMark = "byte order mark"
        /// A `<meta>` declaration in the first 1024 bytes.
        case metaDeclaration = "meta declaration"
        /// The encoding of an XML declaration at the start of the file.
        case xmlDeclaration = "XML declaration"
        /// A `<meta>` declaration after the first 1024 bytes (the page is all ASCII or not valid UTF-8),
        /// as a browser's parser switches to it when it meets it.
        case lateMetaDeclaration = "late meta declaration"
        /// No declaration; the bytes are valid UTF-8 (and not all ASCII).
        case validUTF8 = "valid UTF-8"
        /// No declaration; the bytes are UTF-8 apart from a few invalid sequences (more valid multi-byte
        /// characters than invalid sequences; windows-1252 text almost never forms one), as a browser's
        /// encoding detector decides: the invalid ones
        /// become U+FFFD and the rest stays UTF-8.
        case detectedUTF8 = "detected UTF-8"
        /// No byte order mark, but a NUL in every other byte (``EncodingPrescan/utf16WithoutByteOrderMark(_:)``):
        /// UTF-16, which browsers would show as windows-1252 with a NUL between letters.
        case detectedUTF16 = "detected UTF-16"
        /// No declaration, only ASCII bytes: windows-1252, as browsers say, with no byte read differently.
        case asciiOnly = "ASCII only"
        /// No declaration and bytes that are not UTF-8: windows-1252, as browsers read such pages.
        case defaultWindows1252 = "default"
    }

    /// An encoding declaration in the page: the label as written and where it stands.
    public struct Declaration: Sendable, Hashable {
        /// The label (the prescan lower-cases it), e.g. `iso-8859-1`.
        public var label: String
        /// The encoding the Encoding Standard gives the label (`windows-1252`), nil for an unknown label.
        public var encoding: String?
        /// The tag that holds it, in the decoded source (nil when the page could not be decoded).
        public var span: SourceSpan?
        /// The tag's 1-based line (line feeds before it in the raw bytes); 0 for a forced label.
        public var line: Int

        public init(label: String, encoding: String?, span: SourceSpan?, line: Int = 0) {
            self.label = label
            self.encoding = encoding
            self.span = span
            self.line = line
        }
    }

    /// The encoding's name as the Encoding Standard spells it (`UTF-8`, `windows-1252`, `EUC-KR`, …), or
    /// the forced converter name when the standard has none for it.
    public var encoding: String
    public var basis: Basis
    /// The declaration that was followed (for ``Basis/metaDeclaration``, ``Basis/xmlDeclaration``,
    /// ``Basis/lateMetaDeclaration``).
    public var declaration: Declaration?
    /// Declarations that were not followed: an unknown label, one after the first 1024 bytes of a page
    /// read otherwise, a forced label no converter knows.
    public var ignoredDeclarations: [Declaration] = []
    /// Byte sequences not valid in ``encoding``, each replaced by U+FFFD (WHATWG decoders' replacement mode).
    public var invalidBytes = ReplacedCharacters()
    /// C0 controls other than tab, line feed, form feed and carriage return, DEL, C1 controls (U+0080–U+009F)
    /// and the noncharacters U+FFFE/U+FFFF in the decoded text, each replaced by U+FFFD before parsing
    /// (NUL included: libxml2 would otherwise end the input or an attribute there).
    public var controlCharacters = ReplacedCharacters()

    public init(encoding: String, basis: Basis) {
        self.encoding = encoding
        self.basis = basis
    }

    /// Whether the page can be read at all: false for the replacement encoding (`iso-2022-kr`,
    /// `iso-2022-cn`, `hz-gb-2312`), which decodes any input to one U+FFFD.
    public var isReadable: Bool { encoding != EncodingLabel.replacement }
}
