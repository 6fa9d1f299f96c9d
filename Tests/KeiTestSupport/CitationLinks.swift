import Foundation

/// The links `emit.jats` writes from the notes' citations to the reference list
/// (`<xref ref-type="bibr" rid="…">…</xref>`, or an empty one), for tests about the notes' own content.
public enum CitationLinks {
    /// `xml` with every `xref ref-type="bibr"` removed and its content kept in place. The writer never
    /// puts an `xref` inside one, so the first `</xref>` after its start closes it.
    public static func removed(from xml: String) -> String {
        xml.replacingOccurrences(of: #"<xref ref-type="bibr" rid="[^"]*"/>"#, with: "", options: .regularExpression)
            .replacingOccurrences(of: #"<xref ref-type="bibr" rid="[^"]*">(.*?)</xref>"#, with: "$1", options: .regularExpression)
    }

    /// The `fn-group` of `xml` (empty when there is none), without the citation links.
    public static func notes(in xml: String) -> String {
        guard let s = xml.range(of: "<fn-group>"), let e = xml.range(of: "</fn-group>") else { return "" }
        return removed(from: String(xml[s.lowerBound..<e.upperBound]))
    }
}
