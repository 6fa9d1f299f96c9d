import KeiDocument

/// A place where reading the page stopped early: text the source holds that never reached the tree.
///
/// libxml2's HTML parser stops at internal limits and some malformed markup without always saying so;
/// ``MarkupParser`` finds these by comparing the letters and digits of the source's visible text with
/// those of the parsed tree (``Kind/textMissing``), from libxml2's own fatal errors
/// (``Kind/parserStopped``), and from markup that hides the rest of the page in browsers and libxml2
/// alike: a comment, a raw-text element (`script`, `style`, `textarea`, …), an element whose content is
/// not shown (`noscript`, `svg`, …) or an attribute quote that is never closed and holds page markup
/// with text.
public struct ReadingStop: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// libxml2 reported a fatal error (a limit or an internal error) and built no more of the tree.
        case parserStopped = "parser-stopped"
        /// The tree holds fewer letters than the source's text: the rest was dropped without an error.
        case textMissing = "text-missing"
        /// A `<!--` with no `-->`: everything after it is comment.
        case unterminatedComment = "unterminated-comment"
        /// A `<script>`, `<style>`, `<textarea>`, `<title>`, `<iframe>`, `<noembed>` or `<noframes>` with no
        /// end tag: browsers read everything after it as that element's raw text.
        case unterminatedRawText = "unterminated-raw-text"
        /// A `<noscript>`, `<template>`, `<select>`, `<object>`, `<svg>` or `<math>` with no end tag: libxml2
        /// puts the rest of the page inside it, and ingest leaves its content out.
        case unterminatedElement = "unterminated-element"
        /// A start tag whose attribute value's quote is never closed: the rest of the page is that value.
        case unterminatedTag = "unterminated-tag"
    }

    public var kind: Kind
    /// Where reading stopped, in the decoded source: the first text that was lost, or the opening
    /// `<!--` / `<script>`. Nil when only a line is known.
    public var span: SourceSpan?
    /// libxml2's line for a ``Kind/parserStopped`` without a span (1-based; 0 when unknown).
    public var line: Int
    /// How many letters and digits of visible text were lost (an estimate for ``Kind/parserStopped``).
    public var lostLetters: Int
    /// libxml2's message, or the name of the element that was never closed.
    public var detail: String

    public init(kind: Kind, span: SourceSpan?, line: Int = 0, lostLetters: Int, detail: String = "") {
        self.kind = kind
        self.span = span
        self.line = line
        self.lostLetters = lostLetters
        self.detail = detail
    }
}
