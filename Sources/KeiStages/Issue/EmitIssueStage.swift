import Foundation
import KeiCore
import KeiDocument

/// Assembles the issue: its table of contents as XML (`issue-toc.xml`, shape in ``IssueTOCWriter``) and a
/// static HTML index (`index.html`, see ``IssueIndexWriter``), articles in workflow order.
///
/// Page ranges: when the article stages wrote a PDF per article (artifact kind `pdf`), each PDF's pages are
/// counted (``PDFPageCounter``) and the issue is numbered continuously: the first article pp. 1–n, the
/// second from n+1. When other articles have PDFs, an article without one gets warning
/// `emit.issue.pdf-missing`, a PDF that cannot be read `emit.issue.pdf-unreadable`; either way it has no
/// range and the articles after it are not numbered either (their first page would be wrong).
///
/// Links: each article's JATS, FO and PDF as written, and, when the workflow runs `emit.proof` (which
/// runs after this stage), its proof (``EmitProofStage/proofPath(for:)``) and the issue's proof dashboard
/// (``EmitProofStage/dashboardPath``). Every link is relative to the output folder's top, where both files sit. A publishing stage: it runs only when every article passed its gate and no
/// manuscript is awaited. Former id: `issue.toc`.
public struct EmitIssueStage: IssueStage {
    public static let description = StageDescription(
        id: "emit.issue",
        summary: "Write the issue's table of contents (issue-toc.xml, page ranges from the rendered PDFs) and a static HTML index (index.html).",
        kind: .issue,
        messages: [Messages.untitled, Messages.pdfUnreadable, Messages.pdfMissing],
        publishes: true,
        aliases: ["issue.toc"]
    )

    enum Messages {
        static let untitled = StageMessage("emit.issue.untitled", .error, "An article in the table of contents has no title.")
        static let pdfUnreadable = StageMessage("emit.issue.pdf-unreadable", .warning,
                                                "An article's PDF could not be read, so it and the articles after it have no page range.")
        static let pdfMissing = StageMessage("emit.issue.pdf-missing", .warning,
                                             "Other articles have PDFs but this one has none, so it and the articles after it have no page range.")
    }

    /// Where the table of contents goes in the output folder.
    static let tocPath = "issue-toc.xml"
    /// Where the HTML index goes in the output folder.
    static let indexPath = "index.html"

    public init(options: StageOptions) throws {}

    public func run(_ context: inout IssueContext) throws {
        let entries = Self.entries(&context)
        let dashboard = context.issueStages.contains(EmitProofStage.description.id) ? EmitProofStage.dashboardPath : nil
        try context.writeArtifact(kind: "toc", relativePath: Self.tocPath,
                                  data: Data(IssueTOCWriter.write(entries, issue: context.issue, workflow: context.workflowName, dashboard: dashboard).utf8))
        try context.writeArtifact(kind: "index", relativePath: Self.indexPath,
                                  data: Data(IssueIndexWriter.write(entries, issue: context.issue, dashboard: dashboard).utf8))
    }

    /// The articles with their publication facts, page ranges and links, in workflow order.
    static func entries(_ context: inout IssueContext) -> [IssueTOCEntry] {
        var next: Int? = 1
        var out: [IssueTOCEntry] = []
        // The issue is numbered when the article stages wrote PDFs; the proofs exist once emit.proof has run.
        let numbered = context.articles.contains { $0.artifacts.contains { $0.kind == "pdf" } }
        let proofs = context.issueStages.contains(EmitProofStage.description.id)
        for o in context.articles {
            let publication = ArticlePublication(entry: o.entry, article: o.article, issue: context.issue)
            if publication.title == nil {
                context.emit(Messages.untitled.diagnostic("article '\(o.entry.id)' has no title for the table of contents; give it a `title:` in the workflow.",
                                                          at: o.entry.declaredAt ?? SourceLocation(file: context.workflowDisplayPath)))
            }
            var pages: ClosedRange<Int>?
            let at = o.entry.declaredAt ?? SourceLocation(file: context.workflowDisplayPath)
            if let pdf = o.artifacts.first(where: { $0.kind == "pdf" }) {
                let url = context.outputDirectory.appendingPathComponent(pdf.relativePath)
                if let count = PDFPageCounter.pageCount(file: url), let first = next {
                    pages = first...(first + count - 1)
                    next = first + count
                } else if next != nil {
                    next = nil
                    context.emit(Messages.pdfUnreadable.diagnostic(
                        "the PDF of '\(o.entry.id)' (\(pdf.relativePath)) is not a PDF whose pages can be counted; it and the articles after it get no page range. Re-run render.pdf.",
                        at: at))
                }
            } else if next != nil && numbered {
                next = nil
                context.emit(Messages.pdfMissing.diagnostic(
                    "article '\(o.entry.id)' has no PDF (render.pdf wrote none: see its findings), so it and the articles after it get no page range; their first pages would be wrong. Fix the article's PDF and run again.",
                    at: at))
            }
            var links = o.artifacts.filter { a in IssueTOCEntry.linkedKinds.contains { $0.kind == a.kind } }
                .map { (kind: $0.kind, href: $0.link(from: tocPath)) }
            if proofs && o.article != nil && !links.contains(where: { $0.kind == "proof" }) {
                links.append((kind: "proof", href: EmitProofStage.proofPath(for: o.entry.id)))
            }
            out.append(IssueTOCEntry(publication: publication, status: o.entry.status.rawValue, pages: pages, links: links))
        }
        return out
    }
}
