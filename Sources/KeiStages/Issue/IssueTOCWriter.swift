import KeiCore

/// The issue's table of contents as XML (`issue-toc.xml`). Element names follow JATS 1.3 where JATS has
/// one (`contrib`, `name`, `surname`, `given-names`, `collab`, `contrib-id`, `aff`, `article-id`,
/// `elocation-id`, `pub-date`, `fpage`, `lpage`, `self-uri`); the wrapper elements are our own:
///
/// ```xml
/// <issue-toc workflow="issue-3-2" volume="3" number="2" cover-date="2025-12-15">
///   <journal-title>Korea Policy</journal-title>
///   <issue-title>Korea Policy Vol. 3, Issue 2</issue-title>
///   <self-uri content-type="proof-index" href="proof/_dashboard.html"/>
///   <article id="x" order="1" status="approved" article-type="research-article">
///     <subject>Articles</subject>
///     <title>…</title>
///     <subtitle>…</subtitle>
///     <contrib contrib-type="author"><name><surname>…</surname><given-names>…</given-names></name>
///       <contrib-id contrib-id-type="orcid">https://orcid.org/…</contrib-id><aff>…</aff></contrib>
///     <article-id pub-id-type="doi">10.5555/kp.3.2.01</article-id>
///     <elocation-id>e3201</elocation-id>
///     <pub-date iso-8601-date="2025-12-15"/>
///     <fpage>1</fpage><lpage>14</lpage>
///     <self-uri content-type="jats" href="jats/x.xml"/>
///   </article>
/// </issue-toc>
/// ```
///
/// A contributor whose name cannot be split is a `string-name`, a group a `collab`. `fpage`/`lpage` only
/// when the article has a page range; `self-uri` per output file (kinds `jats`, `xsl-fo`, `pdf`, `proof`),
/// linked relative to the table of contents; the issue's `self-uri` `proof-index` (the proof dashboard)
/// only when the workflow runs `emit.proof`. Text is escaped and XML-illegal characters are dropped.
enum IssueTOCWriter {
    static func write(_ entries: [IssueTOCEntry], issue: IssueInfo, workflow: String, dashboard: String? = nil) -> String {
        var x = XMLTextBuilder()
        var root = [("workflow", workflow)]
        if let v = issue.volume { root.append(("volume", v)) }
        if let n = issue.number { root.append(("number", n)) }
        if let d = issue.coverDate { root.append(("cover-date", d)) }
        x.open("issue-toc", root, 0)
        x.leaf("journal-title", [], issue.journal.title, 1)
        x.leaf("issue-title", [], issue.title, 1)
        if let dashboard { x.empty("self-uri", [("content-type", "proof-index"), ("href", dashboard)], 1) }
        for e in entries {
            let p = e.publication
            x.open("article", [("id", p.id), ("order", String(p.order)), ("status", e.status), ("article-type", p.articleType)], 1)
            x.leaf("subject", [], p.subject, 2)
            x.leaf("title", [], p.title, 2)
            x.leaf("subtitle", [], p.subtitle, 2)
            for c in p.contributors { contrib(c, into: &x) }
            x.leaf("article-id", [("pub-id-type", "doi")], p.doi, 2)
            x.leaf("elocation-id", [], p.elocationID, 2)
            if let d = p.publicationDate { x.empty("pub-date", [("iso-8601-date", d.iso)], 2) }
            if let pages = e.pages {
                x.leaf("fpage", [], String(pages.lowerBound), 2)
                x.leaf("lpage", [], String(pages.upperBound), 2)
            }
            for link in e.links { x.empty("self-uri", [("content-type", link.kind), ("href", link.href)], 2) }
            x.close("article", 1)
        }
        x.close("issue-toc", 0)
        return x.text
    }

    static func contrib(_ c: PublishedContributor, into x: inout XMLTextBuilder) {
        x.open("contrib", [("contrib-type", c.role ?? "author")], 2)
        if c.isGroup {
            x.leaf("collab", [], c.name, 3)
        } else if let surname = c.surname {
            x.open("name", [], 3)
            x.leaf("surname", [], surname, 4)
            x.leaf("given-names", [], c.givenNames, 4)
            x.leaf("suffix", [], c.suffix, 4)
            x.close("name", 3)
        } else {
            x.leaf("string-name", [], c.name, 3)
        }
        x.leaf("contrib-id", [("contrib-id-type", "orcid")], c.orcidURL, 3)
        x.leaf("aff", [], c.affiliation, 3)
        x.close("contrib", 2)
    }
}
