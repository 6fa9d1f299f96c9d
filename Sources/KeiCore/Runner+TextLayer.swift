import KeiDocument

/// The runner's part of the text layer: spans resolved to line and column, suppressions written in the
/// source applied, and safe fixes applied to the model (`--fix`) with a change record for each.
extension Runner {
    static let unknownSuppressionRule = StageMessage("pipeline.suppression-unknown-rule", .warning,
        "A kei-disable / data-kei-ignore directive names a rule id (or prefix) that no stage reports.")

    /// Longest spanned text quoted as a diagnostic's excerpt, in Unicode scalars.
    static let maximumExcerpt = 200

    /// Turns a diagnostic's span (UTF-8 offsets) into its start and end (1-based line, column in Unicode
    /// scalars) and, when the spanned text is at most ``maximumExcerpt`` scalars, its excerpt.
    static func resolve(_ d: inout Diagnostic, index: SourceLineIndex) {
        guard let span = d.span else { return }
        resolve(&d, index: index, start: index.position(of: span.start), end: index.position(of: span.end))
    }

    /// ``resolve(_:index:)`` for every diagnostic of `file` at once (one pass over the source).
    static func resolveAll(_ diagnostics: inout [Diagnostic], file: String, index: SourceLineIndex) {
        let located = diagnostics.indices.filter { diagnostics[$0].span != nil && diagnostics[$0].location.file == file }
        let offsets = located.flatMap { [diagnostics[$0].span!.start, diagnostics[$0].span!.end] }
        let positions = index.positions(of: offsets)
        for (n, i) in located.enumerated() {
            resolve(&diagnostics[i], index: index, start: positions[2 * n], end: positions[2 * n + 1])
        }
    }

    /// Issue stages' diagnostics located in an article's source (``Diagnostic/article`` set and the
    /// location's file the article's source), resolved as the article's own are: spans to line and
    /// column against that article's source (``SourceLineIndex``), then the article's suppressions
    /// applied (each dropped one counted in its outcome's ``ArticleOutcome/suppressed``). Others are
    /// returned unchanged, in order.
    static func locateInArticles(_ diagnostics: [Diagnostic], outcomes: inout [ArticleOutcome]) -> [Diagnostic] {
        var byArticle: [String: Int] = [:]
        for (i, o) in outcomes.enumerated() { byArticle[o.entry.id] = i }
        var kept: [Diagnostic] = []
        for var d in diagnostics {
            guard let id = d.article, let i = byArticle[id], let index = outcomes[i].sourceIndex,
                  d.location.file == outcomes[i].sourceDisplayPath else {
                kept.append(d)
                continue
            }
            resolve(&d, index: index)
            var one = [d]
            if let article = outcomes[i].article {
                outcomes[i].suppressed += applySuppressions(&one, article: article, index: index)
            }
            kept += one
        }
        return kept
    }

    /// The start and end (line, column) of every change record, in one pass over the source.
    static func resolveAll(_ changes: inout [ChangeRecord], index: SourceLineIndex) {
        let positions = index.positions(of: changes.flatMap { [$0.span.start, $0.span.end] })
        for i in changes.indices {
            let (s, e) = (positions[2 * i], positions[2 * i + 1])
            changes[i].location.line = s.line
            changes[i].location.column = s.column
            changes[i].end = SourceLocation(file: changes[i].location.file, line: e.line, column: e.column)
        }
    }

    static func resolve(_ d: inout Diagnostic, index: SourceLineIndex, start: (line: Int, column: Int), end: (line: Int, column: Int)) {
        guard let span = d.span else { return }
        d.location.line = start.line
        d.location.column = start.column
        d.end = SourceLocation(file: d.location.file, line: end.line, column: end.column)
        let text = index.text(of: span)
        if !text.isEmpty, text.unicodeScalars.count <= maximumExcerpt { d.excerpt = text }
    }

    /// Drops the diagnostics that a suppression in the source covers (by span, or by line when a
    /// diagnostic has only a line) and returns how many were dropped. The runner's own `pipeline.*`
    /// diagnostics are never suppressed.
    static func applySuppressions(_ diagnostics: inout [Diagnostic], article: Article, index: SourceLineIndex?) -> Int {
        guard !article.suppressions.isEmpty else { return 0 }
        let lines: [(Int, Int)] = article.suppressions.map { s in
            guard let index else { return (0, -1) }
            return (index.position(of: s.covered.start).line, index.position(of: max(s.covered.start, s.covered.end - 1)).line)
        }
        let before = diagnostics.count
        diagnostics.removeAll { d in
            guard !d.rule.hasPrefix("pipeline."), d.location.file == article.source else { return false }
            for (i, s) in article.suppressions.enumerated() where s.covers(rule: d.rule) {
                if let span = d.span {
                    if s.covered.contains(span.start) { return true }
                } else if d.location.line > 0, d.location.line >= lines[i].0, d.location.line <= lines[i].1 {
                    return true
                }
            }
            return false
        }
        return before - diagnostics.count
    }

    /// Warnings for suppression directives that name rules no stage reports.
    static func unknownRuleDiagnostics(_ article: Article, knownRules: Set<String>, file: String) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var seen = Set<SourceSpan?>()
        for s in article.suppressions where seen.insert(s.directive).inserted {
            for rule in s.rules {
                let named = rule.lowercased()
                let known = knownRules.contains { named.hasSuffix(".") ? $0.lowercased().hasPrefix(named) : $0.lowercased() == named }
                guard !known else { continue }
                var d = unknownSuppressionRule.diagnostic(
                    "\(s.kind.rawValue) names '\(rule)', which no stage reports\(suggestion(rule, knownRules)); it suppresses nothing.",
                    at: SourceLocation(file: file, line: s.line), fix: "Correct the rule id, or remove the directive.",
                    span: s.directive)
                d.stage = "pipeline"
                out.append(d)
            }
        }
        return out
    }

    /// How many rule ids a hint lists when a name starts several of them.
    static let listedInHint = 8

    /// A hint, compared without regard to case: where a retired stage's rules went
    /// (``WorkflowLoader/retiredStages``); else the rule spelled the same in another case; else the
    /// rules the name starts (one: "did you mean"; several: up to ``listedInHint`` of them listed, so
    /// that a prefix such as `style.` or `style.us` shows what it covers rather than one arbitrary
    /// rule); else a rule that is a prefix of the name; else the closest rule id by edit distance
    /// (``YAMLReader/closest(_:in:)``, as for workflow keys). Empty when nothing is close.
    public static func suggestion(_ rule: String, _ known: Set<String>) -> String {
        if let moved = WorkflowLoader.retiredStages[rule] { return " (\(moved))" }
        let name = rule.lowercased()
        let sorted = known.sorted()
        if let same = sorted.first(where: { $0.lowercased() == name }) { return " (did you mean '\(same)'?)" }
        let started = sorted.filter { $0.lowercased().hasPrefix(name) }
        if started.count > 1 {
            let more = started.count > listedInHint ? ", and \(started.count - listedInHint) more" : ""
            return " (\(started.count) rules start with '\(rule)': " + started.prefix(listedInHint).joined(separator: ", ") + more + ")"
        }
        let close = started.first ?? sorted.first { name.hasPrefix($0.lowercased()) }
            ?? YAMLReader.closest(name, in: sorted.map { $0.lowercased() }).flatMap { c in sorted.first { $0.lowercased() == c } }
        return close.map { " (did you mean '\($0)'?)" } ?? ""
    }

    /// Applies the safe edits of `diagnostics` to the context's model. A diagnostic whose safe edits all
    /// applied is fixed: it is removed from the returned list and each edit is recorded as a
    /// ``ChangeRecord`` whose `before` and `after` show the model's text around the edit as it was
    /// before this fix run, with only that one edit made in `after` (other fixes nearby are their own
    /// records). Edits that overlap an edit already applied, or that no single text run holds, are not
    /// applied and their diagnostic stays — unless the diagnostic is *superseded*: its span lies
    /// wholly inside the source span of an applied edit (the words it reports were rewritten, e.g. the
    /// straight apostrophe in “Korean Workers' Party” once the name became “Workers’ Party of Korea”).
    /// A superseded diagnostic is dropped and counted in `superseded`. One that only partly overlaps an
    /// applied edit stays: some of its words are still there. So does one that carries no edit of its
    /// own: it reports a fact about the words (a wrong weekday, a date after publication, a wrong event
    /// date), not their form, and rewriting their form ("Thursday 27 July 1953" → "Thursday, July 27,
    /// 1953") does not settle it.
    static func applyFixes(_ diagnostics: [Diagnostic], to context: inout ArticleContext, superseded: inout Int) -> [Diagnostic] {
        guard let original = context.article else { return diagnostics }
        var article = original
        var applied: [SourceSpan] = []
        var remaining: [Diagnostic] = []
        var records: [ChangeRecord] = []
        for d in diagnostics {
            let safe = d.edits.filter(\.isSafe)
            guard !safe.isEmpty, !safe.contains(where: { e in applied.contains { $0.start < e.span.end && e.span.start < $0.end } }) else {
                remaining.append(d)
                continue
            }
            var trial = article
            var trialRecords: [ChangeRecord] = []
            var ok = true
            for edit in safe {
                guard let (before, after) = ArticleRewriter.apply(edit, to: &trial) else { ok = false; break }
                let shown = ArticleRewriter.preview(edit, in: original) ?? (before, after)
                // Line and column are filled in with the diagnostics' (``resolveAll(_:file:index:)``).
                trialRecords.append(ChangeRecord(rule: d.rule, stage: d.stage ?? context.currentStage, article: context.entry.id,
                                                 location: context.location(line: d.location.line, column: d.location.column),
                                                 span: edit.span, before: shown.before, after: shown.after))
            }
            guard ok else { remaining.append(d); continue }
            article = trial
            applied += safe.map(\.span)
            records += trialRecords
        }
        guard !records.isEmpty else { return remaining }
        context.article = article
        context.changes += records
        let before = remaining.count
        remaining.removeAll { d in
            guard let span = d.span, !d.edits.isEmpty else { return false }
            return applied.contains { $0.start <= span.start && span.end <= $0.end }
        }
        superseded += before - remaining.count
        return remaining
    }
}
