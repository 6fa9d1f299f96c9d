import KeiXML

/// A note found on the page before it is built: its element, every anchor that may point at it,
/// and the labels the page prints or implies for it.
struct RawNote: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        /// An entry of an endnote list (`<li>`, a numbered paragraph, a Google Docs / Word note paragraph).
        case entry
        /// Tooltip or hidden text next to a marker (Modern Footnotes, `footnote-tooltip`), or named by one.
        case tooltip
        /// A note written in place (`<span class="footnote">`), which left a marker where it stood.
        case inline
    }

    var kind: Kind
    var element: DOMElement
    /// Ids, `name`s and synthetic keys (`mfn:3`) by which markers may reach this note.
    var anchors: [String]
    /// The number implied by the list (`<ol start>` + position), when in an ordered list.
    var ordinal: Int?
    var line: Int
}
