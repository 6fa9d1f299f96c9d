/// What the JATS 1.3 Journal Publishing DTD allows at the current point of an inline run.
///
/// The writer asks this before writing an inline element and falls back to something valid when
/// the element is not allowed, never dropping content:
/// - `<break/>` is allowed only directly in titles, table cells and affiliations; elsewhere a line
///   break is written as a line feed character (`&#xA;`);
/// - `<xref>` is not allowed in `mixed-citation`, `preformat` or inside another link; a note marker
///   there is written as superscript text;
/// - `<ext-link>` is not allowed inside another link; the link text is written, followed by the
///   URL in parentheses when it differs from the text.
struct JATSInlineContext {
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

    /// The context inside `<ext-link>` or `<xref>` (no nested links, no `<break/>`).
    var insideLink: JATSInlineContext {
        var c = insideFormatting
        c.allowsXref = false
        c.allowsExtLink = false
        return c
    }
}
