/// Projects a run of ``Inline``s onto the text checks see, keeping every character's source.
///
/// - `.text` and `.code` keep their origins (`.code` is also a `.code` scope);
/// - a note marker becomes ONE character, U+FFFC, whose origin is the ``NoteRef``'s span as a whole
///   (not verbatim), in a `.noteMarker` scope — so a marker never glues to the word before it;
/// - an inline image becomes ONE U+FFFC character without a source, in an `.image` scope (so the words
///   on either side of it are never adjacent);
/// - a line break becomes "\n" without a source;
/// - a `.quotation` (`<q>`) is wrapped in “ and ” without a source, the whole in a `.quotation` scope;
/// - `.citedTitle` is a `.citedTitle` scope, and so is italic when `italicIsTitle` (notes, references);
///   other italic is an `.emphasis` scope (running text that may set a title);
/// - a link is a `.link` scope, and a `.url` scope too when its text reads as a URL (both with the
///   link's address as their `target`).
///
/// All ranges are UTF-8 byte offsets (0-based) into the projected text. Linear in the text's length.
struct InlineProjector {
    private(set) var text = TextRun.empty
    private(set) var scopes: [ScopedRange] = []
    /// The quotation marks added around `<q>`: not written in the source, so the quotation-mark scan skips them.
    private(set) var addedMarks: [Range<Int>] = []
    /// Whether italic sets a cited title here (notes and reference entries).
    let italicIsTitle: Bool

    static let markerCharacter = "\u{FFFC}"

    init(italicIsTitle: Bool) {
        self.italicIsTitle = italicIsTitle
    }

    /// The projection's length so far, in UTF-8 bytes.
    var offset: Int { text.utf8Count }

    mutating func add(_ inlines: [Inline]) {
        for inline in inlines { add(inline) }
    }

    mutating func add(_ inline: Inline) {
        let start = offset
        switch inline {
        case .text(let run):
            text.append(run)
        case .code(let run):
            text.append(run)
            scope(.code, from: start)
        case .noteRef(let ref):
            text.append(TextRun(Self.markerCharacter, source: ref.span, verbatim: false))
            scope(.noteMarker, from: start)
        case .lineBreak:
            text.append("\n")
        case .image:
            text.append(Self.markerCharacter)
            scope(.image, from: start)
        case .quotation(let children):
            text.append(Inline.quotationMarks.0)
            addedMarks.append(start..<offset)
            add(children)
            let close = offset
            text.append(Inline.quotationMarks.1)
            addedMarks.append(close..<offset)
            scope(.quotation, from: start)
        case .citedTitle(let children):
            add(children)
            scope(.citedTitle, from: start)
        case .emphasis(let children):
            add(children)
            scope(italicIsTitle ? .citedTitle : .emphasis, from: start)
        case .strong(let children), .superscript(let children), .subscript(let children):
            add(children)
        case .link(let url, let children):
            add(children)
            scope(.link, from: start, target: url)
            if Self.readsAsURL(text.string.utf8.dropFirst(start), href: url) { scope(.url, from: start, target: url) }
        }
    }

    private mutating func scope(_ kind: ScopeKind, from start: Int, target: String? = nil) {
        if offset > start { scopes.append(ScopedRange(kind, start..<offset, target: target)) }
    }

    /// Whether a link's text is a URL rather than words: it starts with a scheme or "www.", or it is the
    /// link's own address (with or without the scheme).
    static func readsAsURL(_ linkText: Substring.UTF8View, href: String) -> Bool {
        let t = String(Substring(linkText)).trimmingWhitespace.lowercased()
        guard !t.isEmpty, !t.contains(where: \.isWhitespace) else { return false }
        for prefix in ["http://", "https://", "ftp://", "mailto:", "www.", "doi:", "doi.org/"] where t.hasPrefix(prefix) {
            return true
        }
        let h = href.trimmingWhitespace.lowercased()
        return t == h || t == h.droppingScheme || t.droppingScheme == h.droppingScheme
    }
}

private extension String {
    var trimmingWhitespace: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }

    /// Without "http://" / "https://" and a trailing "/".
    var droppingScheme: String {
        var s = Substring(self)
        for p in ["https://", "http://"] where s.hasPrefix(p) { s = s.dropFirst(p.count) }
        if s.hasSuffix("/") { s = s.dropLast() }
        return String(s)
    }
}
