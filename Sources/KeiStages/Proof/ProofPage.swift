import KeiCore
import KeiDocument

/// One article's proof page (`proof/<id>.html`): the article as it will read with every diagnostic and
/// `--fix` change marked at its span, a side panel listing them all (rule, severity, stage, message,
/// the fix's before → after, line:column) linked to their marks and back, and filters by severity and
/// stage made of checkboxes and CSS (no script).
///
/// In: the article's outcome (model, diagnostics, change records, source line index) and the issue
/// stages' diagnostics about it. Out: a complete WHATWG HTML document (UTF-8) whose CSP
/// (`default-src 'none'; style-src 'unsafe-inline'; img-src data:`) forbids every script and every
/// request; all text from the page is escaped (``ProofHTML``).
struct ProofPage {
    /// The page, and how many diagnostics were marked in the text.
    struct Result {
        var html: String
        var diagnostics: Int
        var located: Int
    }

    static let csp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

    /// `stageOrder` lists the workflow's stages in pipeline order (the stage filters follow it).
    static func render(_ outcome: ArticleOutcome, article: Article, issueDiagnostics: [Diagnostic],
                       publication: ArticlePublication, stageOrder: [String] = []) -> Result {
        let file = outcome.sourceDisplayPath ?? article.source
        let diagnostics = outcome.diagnostics + issueDiagnostics
        let index = outcome.sourceIndex
        var stages: [String] = []
        for s in diagnostics.map({ $0.stage ?? "pipeline" }) + outcome.changes.map({ $0.stage ?? "pipeline" })
        where !stages.contains(s) { stages.append(s) }
        let rank = { (s: String) in stageOrder.firstIndex(of: s) ?? (s == "pipeline" ? -1 : stageOrder.count) }
        stages = stages.enumerated().sorted { x, y in
            rank(x.element) != rank(y.element) ? rank(x.element) < rank(y.element) : x.offset < y.offset
        }.map(\.element)
        func stageClass(_ s: String?) -> String { "st-\(stages.firstIndex(of: s ?? "pipeline")! + 1)" }

        var marks: [ProofMark] = []
        for (n, d) in diagnostics.enumerated() {
            guard let span = d.span, d.location.file == file else { continue }
            marks.append(ProofMark(anchor: "d-\(n + 1)", label: "\(n + 1)", span: span,
                                   classes: "d sev-\(d.severity.rawValue) \(stageClass(d.stage))", rule: d.rule))
        }
        for (n, c) in outcome.changes.enumerated() {
            marks.append(ProofMark(anchor: "c-\(n + 1)", label: "✎\(n + 1)", span: c.span,
                                   classes: "c chg \(stageClass(c.stage))", rule: c.rule))
        }
        let authors = publication.contributors.map(\.name)
        var renderer = ProofArticleRenderer(marks: marks, authors: authors.isEmpty ? article.metadata.authors.map(\.name) : authors)
        let body = renderer.render(article)
        let marker = renderer.marker

        var located = "", unlocated = ""
        var placedCount = 0
        for (n, d) in diagnostics.enumerated() {
            let anchor = "d-\(n + 1)"
            let placed = marker.wasPlaced(anchor)
            let item = entry(d, number: n + 1, anchor: anchor, placed: placed, index: d.location.file == file ? index : nil,
                             source: file, stageClass: stageClass(d.stage), subtitle: article.metadata.subtitle)
            if placed { located += item; placedCount += 1 } else { unlocated += item }
        }
        var changes = ""
        for (n, c) in outcome.changes.enumerated() {
            let anchor = "c-\(n + 1)"
            let link = marker.wasPlaced(anchor) ? "<a href=\"#\(anchor)\">✎\(n + 1)</a>" : "✎\(n + 1)"
            changes += "<li class=\"chg \(stageClass(c.stage))\" id=\"p-\(anchor)\">\(link) <span class=\"rule\">\(ProofHTML.isolated(c.rule))</span>"
            changes += " · \(ProofHTML.isolated(c.stage ?? "pipeline")) · \(position(c.location, c.span.start, index, source: file))"
            changes += "<div class=\"edit\"><del>\(ProofHTML.isolated(ProofHTML.asRead(c.before)))</del> → "
            changes += "<ins>\(ProofHTML.isolated(ProofHTML.asRead(c.after)))</ins></div></li>\n"
        }

        var filters: [(id: String, cssClass: String)] = Severity.allCases.reversed().map { ("f-sev-\($0.rawValue)", "sev-\($0.rawValue)") }
        filters += stages.indices.map { ("f-st-\($0 + 1)", "st-\($0 + 1)") }
        filters.append(("f-chg", "chg"))
        var labels = "<span>Show:</span>"
        for s in Severity.allCases.reversed() {
            let count = diagnostics.filter { $0.severity == s }.count
            labels += "<label for=\"f-sev-\(s.rawValue)\">\(s.rawValue) (\(count))</label>"
        }
        labels += "<span>Stages:</span>"
        for (i, s) in stages.enumerated() { labels += "<label for=\"f-st-\(i + 1)\">\(ProofHTML.isolated(s))</label>" }
        labels += "<label for=\"f-chg\">--fix changes (\(outcome.changes.count))</label>"
        labels += "<a href=\"\(ProofHTML.attribute(Artifact(kind: "proof-index", relativePath: EmitProofStage.dashboardPath).link(from: EmitProofStage.proofPath(for: outcome.entry.id))))\">issue dashboard</a>"

        let title = article.metadata.title ?? outcome.entry.id
        var h = head(title: "Proof: " + title, extraCSS: ProofStyle.filters(filters))
        h += "<body>\n"
        for f in filters { h += "<input type=\"checkbox\" class=\"f\" id=\"\(f.id)\" checked>\n" }
        h += "<div class=\"layout\">\n<nav class=\"filters\">\(labels)</nav>\n<main>\n\(body)</main>\n"
        h += "<aside class=\"panel\">\n<h2>Findings: \(diagnostics.count)</h2>\n"
        h += "<h3>In the text (\(placedCount))</h3>\n<ol class=\"located\">\n\(located)</ol>\n"
        h += "<h3>Not located in the text (\(diagnostics.count - placedCount))</h3>\n<ol class=\"unlocated\">\n\(unlocated)</ol>\n"
        h += "<h3>Changes made by --fix (\(outcome.changes.count))</h3>\n<ol class=\"changes\">\n\(changes)</ol>\n"
        h += "</aside>\n</div>\n</body>\n</html>\n"
        return Result(html: h, diagnostics: diagnostics.count, located: placedCount)
    }

    /// The page written at the proof path of an article that has no model (ingest failed, manuscript
    /// awaited): it says why and links the dashboard, so no proof of an earlier run stays at that path.
    static func noProof(id: String, reason: String) -> String {
        let dashboard = Artifact(kind: "proof-index", relativePath: EmitProofStage.dashboardPath)
            .link(from: EmitProofStage.proofPath(for: id))
        return head(title: "No proof: " + id) + "<body>\n<main>\n<h1>No proof: \(ProofHTML.isolated(id))</h1>\n"
            + "<p class=\"noproof\">This article has no proof in this run: \(ProofHTML.text(reason)).</p>\n"
            + "<p><a href=\"\(ProofHTML.attribute(dashboard))\">issue dashboard</a></p>\n</main>\n</body>\n</html>\n"
    }

    /// The document head: charset, the CSP, the title and the style sheet.
    static func head(title: String, extraCSS: String = "") -> String {
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<meta http-equiv=\"Content-Security-Policy\" content=\"\(csp)\">\n"
            + "<meta name=\"referrer\" content=\"no-referrer\">\n"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            + "<title>\(ProofHTML.text(title))</title>\n<style>\n\(ProofStyle.base)\n\(extraCSS)</style>\n</head>\n"
    }

    /// One side-panel entry.
    private static func entry(_ d: Diagnostic, number: Int, anchor: String, placed: Bool, index: SourceLineIndex?,
                              source: String, stageClass: String, subtitle: String?) -> String {
        let link = placed ? "<a href=\"#\(anchor)\">\(number)</a>" : "\(number)"
        var h = "<li class=\"d sev-\(d.severity.rawValue) \(stageClass)\" id=\"p-\(anchor)\">\(link) "
        h += "<span class=\"sev\">\(d.severity.rawValue)</span> <span class=\"rule\">\(ProofHTML.isolated(d.rule))</span>"
        let place = d.span == nil && d.location.line == 0 && !(d.excerpt ?? "").isEmpty
            && (subtitle ?? "").contains(d.excerpt ?? "") ? "subtitle" : nil
        h += " · \(ProofHTML.isolated(d.stage ?? "pipeline")) · \(position(d.location, d.span?.start, index, source: source, where: place))"
        h += "<div class=\"msg\">\(ProofHTML.isolated(d.message))</div>"
        if let fix = d.fix { h += "<div class=\"fix\">Fix: \(ProofHTML.isolated(fix))</div>" }
        for e in d.edits {
            let before = index?.text(of: e.span) ?? d.excerpt ?? ""
            h += "<div class=\"edit\">\(e.isSafe ? "safe" : "suggested"): <del>\(ProofHTML.isolated(ProofHTML.asRead(before)))</del> → "
            h += "<ins>\(ProofHTML.isolated(e.replacement))</ins></div>"
        }
        return h + "</li>\n"
    }

    /// `line:column` in the article's source (a finding of an issue stage that kept only the line gets its
    /// column from the span) (as resolved by the runner, else from the span and the
    /// source's line index), or `file-name:line` for another file. Only the file's name is shown, so the
    /// page is the same from any working directory.
    /// `where` names a place without a line (the subtitle), shown when there is no line.
    private static func position(_ l: SourceLocation, _ offset: Int?, _ index: SourceLineIndex?, source: String,
                                 where place: String? = nil) -> String {
        var l = l
        if l.line == 0 || l.column == nil, let offset, let index {
            let p = index.position(of: offset)
            if l.line == 0 || l.line == p.line {
                l.line = p.line
                l.column = p.column
            }
        }
        if l.line == 0, let place { return "<span class=\"loc\">\(ProofHTML.isolated(place))</span>" }
        l.file = l.file == source ? "" : shortName(l.file)
        var shown = l.file.isEmpty ? "" : l.file
        if l.line > 0 {
            shown += (shown.isEmpty ? "line " : ":") + "\(l.line)"
            if let c = l.column { shown += ":\(c)" }
        }
        return "<span class=\"loc\">\(ProofHTML.isolated(shown))</span>"
    }

    /// The last component of a path as reports show it (`Workflows/issue-3-2.yml` → `issue-3-2.yml`).
    static func shortName(_ path: String) -> String {
        String(path.split(separator: "/").last ?? Substring(path))
    }
}
