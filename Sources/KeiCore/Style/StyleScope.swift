import KeiDocument

/// Where a style rule applies: the kind of block a text unit is (``TextScope``) and the kinds of
/// inline text inside it that are not the author's running prose (``ScopeKind``).
///
/// A rule lists its scopes in its style file (`scopes: [paragraph, list-item]`). By default
/// (``defaultScopes``) a rule applies to the author's text in titles, headings, the abstract, paragraphs,
/// list items, table cells, captions and notes, and never inside quotations, titles of cited works, URLs
/// or code: quoted and cited words are reproduced as their source has them (Chicago Manual of Style,
/// 17th ed., 13.7).
public enum StyleScope: String, Sendable, Hashable, CaseIterable, Codable {
    case title, subtitle, abstract, heading, paragraph
    case listItem = "list-item"
    case tableCell = "table-cell"
    case caption, note, reference
    /// Quoted words: a `<q>`, text between quotation marks, a block quotation (and its attribution).
    case quotation
    case citedTitle = "cited-title"
    case url, code

    public static let defaultScopes: Set<StyleScope> = [.title, .subtitle, .abstract, .heading, .paragraph, .listItem,
                                                        .tableCell, .caption, .note]

    /// The block scope a text unit of `scope` counts as.
    public static func block(_ scope: TextScope) -> StyleScope {
        switch scope {
        case .title: return .title
        case .subtitle: return .subtitle
        case .abstract: return .abstract
        case .heading: return .heading
        case .paragraph: return .paragraph
        case .listItem: return .listItem
        case .quotation: return .quotation
        case .tableCell: return .tableCell
        case .caption: return .caption
        case .note: return .note
        case .reference: return .reference
        }
    }

    /// The style scope of an inline scope that is not running text, if any.
    public static func inline(_ kind: ScopeKind) -> StyleScope? {
        switch kind {
        case .quotation: return .quotation
        case .citedTitle: return .citedTitle
        case .url: return .url
        case .code: return .code
        case .noteMarker, .image, .link, .emphasis: return nil
        }
    }
}

extension Set where Element == StyleScope {
    /// Whether a rule with these scopes applies to the UTF-8 range `range` of `unit`: the unit's block
    /// scope is listed, and every inline scope of ``ScopeKind/notRunningText`` that overlaps the range is
    /// listed too (a note marker or an inline image never is).
    public func applies(to unit: TextUnit, range: Range<Int>) -> Bool {
        guard contains(StyleScope.block(unit.scope)) else { return false }
        for s in unit.scopes {
            if s.range.lowerBound >= range.upperBound && !range.isEmpty { break }
            guard ScopeKind.notRunningText.contains(s.kind), s.overlaps(range) else { continue }
            guard let inline = StyleScope.inline(s.kind), contains(inline) else { return false }
        }
        return true
    }
}
