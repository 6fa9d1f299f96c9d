import KeiCore

/// One article of the issue as the table of contents and the HTML index show it: what publishing knows
/// about it (``ArticlePublication``), its page range in the issue's continuous numbering (from the rendered
/// PDFs) and links to its output files, relative to the output folder's top (where `issue-toc.xml` and
/// `index.html` sit).
struct IssueTOCEntry {
    var publication: ArticlePublication
    var status: String
    /// First and last page, 1-based across the issue; nil when the article has no readable PDF.
    var pages: ClosedRange<Int>?
    /// (artifact kind, relative link): `("jats", "jats/x.xml")`, `("pdf", "pdf/x.pdf")`, in the order the stages wrote them.
    var links: [(kind: String, href: String)]

    /// The artifact kinds linked from the table of contents and the index, with the label the index shows.
    static let linkedKinds: [(kind: String, label: String)] = [
        ("jats", "JATS XML"), ("xsl-fo", "XSL-FO"), ("fo", "XSL-FO"), ("pdf", "PDF"), ("proof", "Proof"),
    ]

    func link(_ kind: String) -> String? { links.first { $0.kind == kind }?.href }
}
