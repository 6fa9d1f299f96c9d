import KeiDocument

/// Where a word stands for the `first-use` rules: the part of the article it is in and whether it is
/// the author's running text.
///
/// **Reading order and parts.** The analysis gives units in reading order: title, subtitle, abstract,
/// sections (heading, then blocks), acknowledgements, notes, references. The abstract is one part; the
/// body (sections' paragraphs, list items, tables, captions, block quotations, acknowledgements) is the
/// next, and the abstract's definitions do not carry into it: the abstract is printed and indexed on
/// its own, so the body spells an acronym out again at its first use (CMOS 17th ed., 10.3, first use
/// "in each chapter"; journals' usual practice for abstracts). Notes follow the body and continue it.
/// The title, subtitle and headings neither define an acronym nor count as its first use (they are read
/// out of the text's order, in tables of contents and running heads), and reference entries (titles of
/// cited works) are not read at all: such units have no place.
///
/// **Activity.** Words in a quotation (a `<q>`, text between quotation marks, a block quotation and its
/// attribution) or in a cited title are the source's, not the author's: they are never reported, but
/// they are read, so they count as a use of an acronym already defined (for `acronym-unused`) and a full
/// name in them counts as the person's full name. A definition in quoted words ("the minister spoke of
/// “the Nuclear Consultative Group (NCG)”") does define the acronym: it tells the reader what the
/// letters stand for, which is all the first-use rule asks, and editors accept it rather than spell the
/// term out a second time (CMOS 17th ed., 10.3 asks only that the term be spelled out at first use;
/// quoted words are not altered, 13.7). A cited title does not define: a title is a name, read as one. Table cells and captions
/// are passive too: like headings they are read apart from the text's order (a caption of a picture at
/// the top of a page is read with the picture, not as the first sentence), and tables abbreviate freely
/// (CMOS 17th ed., 10.2, 3.51), but they are read, so they count as uses. Words in URLs, code, note
/// markers and images are not words of the text at all.
struct FirstUsePlace: Sendable, Hashable {
    enum Part: Int, Sendable, Hashable, Comparable {
        case abstract, body, notes
        static func < (a: Part, b: Part) -> Bool { a.rawValue < b.rawValue }
        /// The abstract stands alone; the body and the notes are read together.
        var segment: Int { self == .abstract ? 0 : 1 }
    }

    var part: Part
    /// The author's own running text (false: quoted or a cited title, a table cell or a caption).
    var isActive: Bool
    /// Whether a definition here counts: the author's running text or quoted words (not a cited title,
    /// a table cell or a caption).
    var informs: Bool

    /// The part a unit of `scope` is in, or nil when the unit does not count for first use.
    static func part(of scope: TextScope) -> Part? {
        switch scope {
        case .abstract: return .abstract
        case .paragraph, .listItem, .quotation, .tableCell, .caption: return .body
        case .note: return .notes
        case .title, .subtitle, .heading, .reference: return nil
        }
    }

    /// Where the UTF-8 range `range` of `unit` stands, or nil when it does not count.
    static func of(_ unit: TextUnit, range: Range<Int>) -> FirstUsePlace? {
        guard let part = part(of: unit.scope) else { return nil }
        var active = ![.quotation, .tableCell, .caption].contains(unit.scope)
        var informs = active || unit.scope == .quotation
        for s in unit.scopes {
            if s.range.lowerBound >= range.upperBound { break }
            guard s.overlaps(range) else { continue }
            switch s.kind {
            case .url, .code, .noteMarker, .image: return nil
            case .quotation: active = false
            case .citedTitle: active = false; informs = false
            case .link, .emphasis: break
            }
        }
        return FirstUsePlace(part: part, isActive: active, informs: informs)
    }
}
