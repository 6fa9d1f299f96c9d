import KeiCore
import KeiDocument

/// The issue dashboard (``EmitProofStage/dashboardPath``): articles × stages (the article stages, then
/// the issue stages before emit.proof that reported on an article), each cell `ok`, `warnings`, `errors`
/// or `did not run` with its counts (an awaited article's row says `awaiting manuscript`); totals per
/// severity; the gate's verdict counting the articles' findings and the issue stages' findings so far
/// (as the run's exit status does); links to each proof and to every artifact of each article and of the
/// issue (relative, ``Artifact/link(from:)``).
///
/// In: the ``IssueContext`` (outcomes, the workflow's stages, the gate, the issue stages' diagnostics
/// and artifacts so far), the proofs written and the issue stages that run after emit.proof (their
/// findings cannot be included: the page says so). Out: a WHATWG HTML document with the same CSP as
/// the proofs; every name and message escaped and isolated (``ProofHTML/isolated(_:)``).
struct ProofDashboard {
    static let relativePath = EmitProofStage.dashboardPath

    static func render(_ context: IssueContext, proofs: [String: Artifact], laterStages: [String] = []) -> String {
        let articleStages = context.articleStages.isEmpty
            ? Array(Set(context.articles.flatMap { $0.diagnostics.compactMap(\.stage) })).sorted()
            : context.articleStages
        let issueColumns = context.issueStages.filter { s in
            context.diagnostics.contains { $0.stage == s && $0.article != nil }
        }
        let stages = articleStages + issueColumns
        let all = context.articles.flatMap(\.diagnostics) + context.diagnostics
        let gate = context.gate
        var failing = context.articles.filter { o in o.failed || o.diagnostics.contains { gate.fails($0.severity) } }.map(\.entry.id)
        for d in context.diagnostics where gate.fails(d.severity) {
            let who = d.article ?? "the issue (\(d.stage ?? "pipeline"))"
            if !failing.contains(who) { failing.append(who) }
        }
        let info = context.issue
        var title = info.title ?? context.workflowName
        if title.isEmpty { title = context.workflowName }

        var h = ProofPage.head(title: "Proofs: " + title)
        h += "<body>\n<div class=\"layout dash\" style=\"display:block\">\n<main style=\"max-width:none\">\n"
        h += "<h1>\(ProofHTML.isolated(title))</h1>\n"
        h += "<p class=\"totals\">"
        h += Severity.allCases.reversed().map { s in "\(all.filter { $0.severity == s }.count) \(s.rawValue)(s)" }.joined(separator: ", ")
        h += "</p>\n<p class=\"gate\">Gate (fail-on: \(ProofHTML.text(gate.name))): "
        if failing.isEmpty && !laterStages.isEmpty {
            // Stages after emit.proof may still fail the run: no verdict that could contradict the exit code.
            h += "<strong class=\"open\">not decided here</strong>: nothing failed before emit.proof, but "
            h += laterStages.map(ProofHTML.isolated).joined(separator: ", ") + " ran after it; the run's exit code is the verdict"
        } else if failing.isEmpty {
            h += "<strong class=\"passed\">passed</strong>"
        } else {
            h += "<strong class=\"failed\">failed</strong>: "
            h += failing.map { ProofHTML.isolated($0) }.joined(separator: ", ")
            h += " (publishing stages wait until every article passes)"
        }
        h += "</p>\n"
        if !laterStages.isEmpty {
            h += "<p class=\"later\">Not included: the findings of \(laterStages.map(ProofHTML.isolated).joined(separator: ", ")), "
            h += "which run after emit.proof (list emit.proof last to include them).</p>\n"
        }
        h += "<table class=\"dash\">\n<thead><tr><th>article</th><th>proof</th>"
        for s in stages { h += "<th>\(ProofHTML.text(s))</th>" }
        h += "<th>outputs</th></tr></thead>\n<tbody>\n"
        for o in context.articles {
            h += "<tr><th>\(ProofHTML.isolated(o.entry.id))</th><td>"
            if let p = proofs[o.entry.id] {
                h += "<a href=\"\(ProofHTML.attribute(p.link(from: relativePath)))\">proof</a>"
            } else {
                h += "none"
            }
            h += "</td>"
            if o.entry.awaitingManuscript {
                h += "<td class=\"skipped awaiting\" colspan=\"\(max(stages.count, 1))\">awaiting manuscript</td>"
            } else {
                let issueFindings = context.diagnostics.filter { $0.article == o.entry.id }
                for (k, s) in stages.enumerated() {
                    h += k < articleStages.count ? cell(o, stage: s, position: k, stages: articleStages)
                        : counts(issueFindings.filter { $0.stage == s })
                }
            }
            let links = o.artifacts.map { a in
                "<a href=\"\(ProofHTML.attribute(a.link(from: relativePath)))\">\(ProofHTML.text(a.kind))</a>"
            }
            h += "<td>\(links.joined(separator: " "))</td></tr>\n"
        }
        h += "</tbody>\n</table>\n"
        if !context.artifacts.isEmpty {
            h += "<h2>Issue outputs</h2>\n<ul>\n"
            for a in context.artifacts {
                h += "<li><a href=\"\(ProofHTML.attribute(a.link(from: relativePath)))\">\(ProofHTML.isolated(a.relativePath))</a> (\(ProofHTML.text(a.kind)))</li>\n"
            }
            h += "</ul>\n"
        }
        let issueOnly = context.diagnostics.filter { $0.article == nil }
        if !issueOnly.isEmpty {
            h += "<h2>Issue findings</h2>\n<ul>\n"
            for d in issueOnly {
                h += "<li class=\"sev-\(d.severity.rawValue)\"><span class=\"sev\">\(d.severity.rawValue)</span> "
                h += "<span class=\"rule\">\(ProofHTML.text(d.rule))</span> · \(ProofHTML.text(d.stage ?? "pipeline")) · "
                h += "\(ProofHTML.isolated(ProofPage.shortName(d.location.description))): \(ProofHTML.isolated(d.message))</li>\n"
            }
            h += "</ul>\n"
        }
        return h + "</main>\n</div>\n</body>\n</html>\n"
    }

    /// One article × stage cell: `did not run` when the stage was skipped on the article (no manuscript,
    /// no model and nothing reported by the stage, or an earlier stage failed), else `errors`, `warnings`
    /// or `ok` with the counts.
    private static func cell(_ o: ArticleOutcome, stage: String, position: Int, stages: [String]) -> String {
        let mine = o.diagnostics.filter { $0.stage == stage }
        let failedAt = o.diagnostics.first { $0.rule == "pipeline.stage-failed" }?.stage.flatMap { stages.firstIndex(of: $0) }
        let skipped = o.entry.awaitingManuscript || o.sourceDisplayPath == nil || (o.article == nil && mine.isEmpty)
            || mine.contains { $0.rule == "pipeline.stage-skipped" }
            || (failedAt.map { position > $0 } ?? false)
        if skipped { return "<td class=\"skipped\">did not run</td>" }
        return counts(mine)
    }

    /// A cell with the findings' counts: `errors`, `warnings` or `ok`.
    private static func counts(_ mine: [Diagnostic]) -> String {
        let e = mine.filter { $0.severity == .error }.count
        let w = mine.filter { $0.severity == .warning }.count
        let i = mine.filter { $0.severity == .info }.count
        let status = e > 0 ? "errors" : w > 0 ? "warnings" : "ok"
        return "<td class=\"\(status)\">\(status) <small>\(e)E \(w)W \(i)I</small></td>"
    }
}
