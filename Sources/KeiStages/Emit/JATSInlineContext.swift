/// What the JATS 1.3 Journal Publishing DTD allows at the current point of an inline run.
///
/// The writer asks this before writing an inline element and falls back to something valid when
/// the element is not allowed, never dropping content:
/// - `<break/>` is allowed only directly in titles, table cells and affiliations; elsewhere a line
///   break is written as a line feed character (`&#xA;`);
/// - `<xref>` is not allowed in `mixed-citation`, `preformat` or inside another link; a note marker
///   there is written as superscript text;
/// - `<ext-link>` is not allowed inside another link; the link text is written, followed by the
///   URL in parentheses when it differs from the text;
/// - `<inline-graphic>` is not allowed inside a link (`ext-link`, `xref`); an image there is written
///   just after the link, and inside it as its alt text when the link has no other text.
struct JATSInlineContext {
    /// How an inline image is written at this point.
    enum ImageMode {
        /// As `<inline-graphic>`.
        case graphic
        /// As its alt text (inside a link with no other text).
        case altText
        /// Not at all (inside a link with text; the image follows the link).
        case omitted
    }

    var allowsBreak: Bool
    var allowsXref: Bool
    var allowsExtLink: Bool
    /// How many formatting and link elements enclose this point.
    var nesting = 0

    /// Past this many enclosing inline elements, formatting is no longer written (its text is) and
    /// links are written as text followed by the URL, so that the element depth stays bounded.
    static let maximumNesting = 24

    /// Whether another formatting or link element may be opened here.
    var allowsNesting: Bool { nesting < Self.maximumNesting }

    /// Inside a `<sup>` already (a note marker then needs no `<sup>` of its own).
    var inSuperscript = false

    var images = ImageMode.graphic

    /// Paragraphs, figure-caption paragraphs, note paragraphs.
    static let paragraph = JATSInlineContext(allowsBreak: false, allowsXref: true, allowsExtLink: true)
    /// Section titles, caption titles, table cells.
    static let title = JATSInlineContext(allowsBreak: true, allowsXref: true, allowsExtLink: true)
    /// Quotation attributions.
    static let attribution = JATSInlineContext(allowsBreak: false, allowsXref: true, allowsExtLink: true)
    /// Reference-list entries (`mixed-citation` does not allow `xref`).
    static let citation = JATSInlineContext(allowsBreak: false, allowsXref: false, allowsExtLink: true)

    /// The context inside `<italic>`, `<bold>`, `<sub>`, `<monospace>` (no `<break/>`).
    var insideFormatting: JATSInlineContext {
        var c = self
        c.allowsBreak = false
        c.nesting += 1
        return c
    }

    /// The context inside `<sup>`.
    var insideSuperscript: JATSInlineContext {
        var c = insideFormatting
        c.inSuperscript = true
        return c
    }

    /// The context inside `<ext-link>` or `<xref>` (no nested links, no `<break/>`, no `<inline-graphic>`):
    /// images are the text of a link that has no other (`hasText` false), else omitted.
    func insideLink(hasText: Bool) -> JATSInlineContext {
        var c = insideFormatting
        c.allowsXref = false
        c.allowsExtLink = false
        if images == .graphic { c.images = hasText ? .omitted : .altText }
        return c
    }
}
