import Foundation
import KeiCore

/// The issue's static HTML index (`index.html`, WHATWG HTML): journal, volume and issue, cover date, then
/// each article in workflow order with its authors, page range, DOI (linked through `https://doi.org/`)
/// and links to its XML, PDF and proof when those files exist; under the issue line, the proof dashboard
/// when the workflow writes it.
///
/// Self-contained and inert: no script, no external resource, one inline style sheet allowed by its
/// SHA-256 in a Content-Security-Policy meta tag (`default-src 'none'`), every value escaped (C0 controls,
/// U+FFFE and U+FFFF dropped). Links are relative to the index, which sits at the output folder's top.
enum IssueIndexWriter {
    static let style = """
    body{font-family:Georgia,'Noto Serif CJK KR',serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.45;color:#222}
    h1{margin-bottom:0}.issue{color:#555;margin-top:.2rem}ol{padding-left:1.2rem}li{margin:1.2rem 0}
    .title{font-weight:bold}.authors{font-style:italic}.meta,.files{font-size:.9rem;color:#444}.files a{margin-right:.8rem}
    """

    /// The Content-Security-Policy: nothing may load or run but the inline style sheet above.
    static var contentSecurityPolicy: String {
        let hash = Data(Digests.sha256(style.utf8)).base64EncodedString()
        return "default-src 'none'; style-src 'sha256-\(hash)'; img-src 'none'; base-uri 'none'; form-action 'none'"
    }

    /// `dashboard`: the proof dashboard's path (relative to the index), linked under the issue line when given.
    static func write(_ entries: [IssueTOCEntry], issue: IssueInfo, dashboard: String? = nil) -> String {
        var h = XMLTextBuilder(declaration: false)
        h.raw("<!DOCTYPE html>\n")
        h.open("html", [("lang", "en")], 0)
        h.open("head", [], 0)
        h.raw("<meta charset=\"utf-8\">\n")
        h.raw("<meta http-equiv=\"Content-Security-Policy\" content=\"\(XMLEscaper.attribute(contentSecurityPolicy))\">\n")
        h.raw("<meta name=\"referrer\" content=\"no-referrer\">\n")
        h.leaf("title", [], issue.title ?? issueLine(issue), 0)
        h.raw("<style>" + style + "</style>\n")
        h.close("head", 0)
        h.open("body", [], 0)
        h.leaf("h1", [], issue.journal.title, 0)
        h.leaf("p", [("class", "issue")], issueLine(issue), 0)
        if let dashboard { h.raw("<p class=\"files\">" + XMLTextBuilder.inline("a", [("href", dashboard)], "Proofs of the issue (dashboard)") + "</p>\n") }
        h.open("ol", [("class", "toc")], 0)
        for e in entries { article(e, into: &h) }
        h.close("ol", 0)
        h.close("body", 0)
        h.close("html", 0)
        return h.text
    }

    /// "Vol. 3, Issue 2 · 2025-12-15" (the parts that are known).
    static func issueLine(_ issue: IssueInfo) -> String {
        var parts: [String] = []
        if let v = issue.volume { parts.append("Vol. \(v)") }
        if let n = issue.number { parts.append("Issue \(n)") }
        let volume = parts.joined(separator: ", ")
        return [volume, issue.coverDate ?? ""].filter { !$0.isEmpty }.joined(separator: " · ")
    }

    static func article(_ e: IssueTOCEntry, into h: inout XMLTextBuilder) {
        let p = e.publication
        h.open("li", [("id", p.id)], 1)
        h.leaf("div", [("class", "title")], [p.title, p.subtitle].compactMap { $0 }.joined(separator: ": "), 2)
        if let authors = authorList(p.contributors) { h.leaf("div", [("class", "authors")], authors, 2) }
        var meta: [String] = []
        if let pages = e.pages { meta.append(pages.count == 1 ? "p. \(pages.lowerBound)" : "pp. \(pages.lowerBound)–\(pages.upperBound)") }
        if let id = p.elocationID { meta.append(id) }
        if let d = p.publicationDate { meta.append(d.iso) }
        var metaHTML = meta.map { XMLEscaper.text($0) }
        if let doi = p.doi {
            metaHTML.append("DOI " + XMLTextBuilder.inline("a", [("href", doiURL(doi))], doi))
        }
        if !metaHTML.isEmpty { h.raw("    <div class=\"meta\">" + metaHTML.joined(separator: " · ") + "</div>\n") }
        let files = IssueTOCEntry.linkedKinds.compactMap { k in e.link(k.kind).map { XMLTextBuilder.inline("a", [("href", $0)], k.label) } }
        if !files.isEmpty { h.raw("    <div class=\"files\">" + files.joined() + "</div>\n") }
        h.close("li", 1)
    }

    /// The contributors as displayed: each name as printed, except that an inverted name ("Kwak, Min-seo")
    /// whose parts are known reads given names first ("Min-seo Kwak"); separated by commas, or by semicolons
    /// when a name still holds a comma (an inverted name that could not be split, a suffix after a comma), so
    /// no list reads ambiguously. Nil when there is no name.
    static func authorList(_ contributors: [PublishedContributor]) -> String? {
        let names = contributors.map { c -> String in
            guard c.name.contains(","), !c.isGroup, let surname = c.surname, let given = c.givenNames, !given.isEmpty else { return c.name }
            return ([given, surname] + (c.suffix.map { [$0] } ?? [])).joined(separator: " ")
        }.filter { !$0.isEmpty }
        guard !names.isEmpty else { return nil }
        return names.joined(separator: names.contains { $0.contains(",") } ? "; " : ", ")
    }

    /// `https://doi.org/` + the DOI with the characters a URL path cannot hold percent-encoded.
    static func doiURL(_ doi: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%;")
        return "https://doi.org/" + (doi.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
    }
}
