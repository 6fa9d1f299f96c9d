import Foundation
import KeiCore
import KeiDocument

/// Writes the issue's table of contents (`issue-toc.xml`): articles in workflow order with their
/// titles, authors, dates and JATS files (linked relative to the TOC itself, so the file is the same
/// whatever the working directory or output folder). A publishing stage: blocked while articles await manuscripts.
public struct IssueTOCStage: IssueStage {
    public static let description = StageDescription(
        id: "issue.toc",
        summary: "Write the issue's table of contents (issue-toc.xml) from every article; blocked while manuscripts are awaited.",
        kind: .issue,
        messages: [Messages.untitled],
        publishes: true
    )

    enum Messages {
        static let untitled = StageMessage("issue.toc.untitled", .error, "An article in the table of contents has no title.")
    }

    /// Where the table of contents goes in the output folder; its `<jats href>` links are relative to it.
    static let relativePath = "issue-toc.xml"

    public init(options: StageOptions) throws {}

    public func run(_ context: inout IssueContext) throws {
        let info = context.issue
        var x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        x += "<issue-toc workflow=\"\(XMLEscaper.attribute(context.workflowName))\""
        if let v = info.volume { x += " volume=\"\(XMLEscaper.attribute(v))\"" }
        if let n = info.number { x += " number=\"\(XMLEscaper.attribute(n))\"" }
        if let d = info.coverDate { x += " cover-date=\"\(XMLEscaper.attribute(d))\"" }
        x += ">\n"
        x += "  <journal-title>\(XMLEscaper.text(info.journal.title))</journal-title>\n"
        if let t = info.title { x += "  <issue-title>\(XMLEscaper.text(t))</issue-title>\n" }
        for (i, o) in context.articles.enumerated() {
            x += "  <article id=\"\(XMLEscaper.attribute(o.entry.id))\" order=\"\(i + 1)\" status=\"\(o.entry.status.rawValue)\">\n"
            let title = o.article?.metadata.title ?? o.entry.title
            if let title { x += "    <title>\(XMLEscaper.text(title))</title>\n" } else {
                context.emit(Messages.untitled.diagnostic("article '\(o.entry.id)' has no title for the table of contents.",
                                                          at: o.entry.declaredAt ?? SourceLocation(file: context.workflowDisplayPath)))
            }
            for a in o.article?.metadata.authors ?? [] {
                x += a.isGroup ? "    <author kind=\"group\">\(XMLEscaper.text(a.name))</author>\n"
                    : "    <author>\(XMLEscaper.text(a.name))</author>\n"
            }
            if let d = o.article?.metadata.publicationDate { x += "    <pub-date iso-8601-date=\"\(d.iso)\"/>\n" }
            for art in o.artifacts where art.kind == "jats" {
                x += "    <jats href=\"\(XMLEscaper.attribute(art.link(from: Self.relativePath)))\"/>\n"
            }
            x += "  </article>\n"
        }
        x += "</issue-toc>\n"
        try context.writeArtifact(kind: "toc", relativePath: Self.relativePath, data: Data(x.utf8))
    }
}
