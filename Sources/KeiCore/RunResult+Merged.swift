import KeiDocument

extension RunResult {
    /// One result covering several runs (`kei-pipeline batch`), for reports that cover every issue.
    ///
    /// - Article ids become `ISSUE/ARTICLE` (the run's workflow name, then the article id), in the
    ///   outcomes and in every diagnostic's and change's `article`, so they stay unique across issues.
    /// - The output folder is the deepest folder (as seen from the working directory, `/`-separated)
    ///   that holds every run's output; each artifact's relative path is rewritten to be relative to it,
    ///   so `Artifact.displayPath(inOutput:)` still gives the path from the working directory. When the
    ///   outputs share no folder it is `.` and artifacts keep the paths from the working directory.
    /// - Outcomes come run by run in the order given; the runs' issue diagnostics and artifacts follow
    ///   theirs. The gate is the strictest of the runs' gates (the lowest `fail-on`), which is what the
    ///   merged report's verdict uses; a caller that needs each run's own verdict reads the runs.
    /// - Parameters:
    ///   - results: the runs, in report order.
    ///   - name: the merged result's workflow name (e.g. `batch`); `displayPath` its workflow file as shown.
    ///   - prefixIDs: false when the results' article ids already carry their issue (results that are
    ///     themselves merged, one issue each).
    public static func merged(_ results: [RunResult], name: String, displayPath: String, prefixIDs: Bool = true) -> RunResult {
        // A run that wrote nothing (an issue that could not run) has no output folder ("").
        let outputs = results.map(\.outputDisplayPath).filter { !$0.isEmpty }
        let common = commonFolder(outputs)
        var outcomes: [ArticleOutcome] = []
        var issueDiagnostics: [Diagnostic] = []
        var issueArtifacts: [Artifact] = []
        for r in results {
            let prefix = relative(r.outputDisplayPath, to: common)
            let move = { (a: Artifact) in Artifact(kind: a.kind, relativePath: prefix.isEmpty ? a.relativePath : prefix + "/" + a.relativePath) }
            let rename = { (id: String?) in prefixIDs ? id.map { "\(r.workflowName)/\($0)" } : id }
            for var o in r.outcomes {
                o.entry.id = rename(o.entry.id)!
                o.artifacts = o.artifacts.map(move)
                o.diagnostics = o.diagnostics.map { d in var d = d; d.article = rename(d.article); return d }
                o.changes = o.changes.map { c in var c = c; c.article = rename(c.article); return c }
                outcomes.append(o)
            }
            issueDiagnostics += r.issueDiagnostics.map { d in var d = d; d.article = rename(d.article); return d }
            issueArtifacts += r.issueArtifacts.map(move)
        }
        let gate = results.map(\.gate).min { a, b in rank(a) < rank(b) } ?? GatePolicy()
        var merged = RunResult(workflowName: name, workflowDisplayPath: displayPath, outputDisplayPath: common, gate: gate,
                               outcomes: outcomes, issueDiagnostics: issueDiagnostics, issueArtifacts: issueArtifacts)
        merged.baselined = results.reduce(0) { $0 + $1.baselined }
        // The stage lists (the JUnit report's test cases): every run's, in first-seen order.
        for r in results {
            for id in r.articleStages where !merged.articleStages.contains(id) { merged.articleStages.append(id) }
            for id in r.issueStages where !merged.issueStages.contains(id) { merged.issueStages.append(id) }
        }
        return merged
    }

    /// 0 for the gate that fails on the least (info), up to 3 for `never`.
    static func rank(_ gate: GatePolicy) -> Int {
        switch gate.failOn {
        case .info?: return 0
        case .warning?: return 1
        case .error?: return 2
        case nil: return 3
        }
    }

    /// The deepest folder holding every path in `paths` (`/`-separated), `.` when there is none.
    static func commonFolder(_ paths: [String]) -> String {
        let split = paths.map { $0.split(separator: "/", omittingEmptySubsequences: false).map(String.init) }
        guard var common = split.first else { return "." }
        for p in split.dropFirst() {
            var n = 0
            while n < common.count, n < p.count, common[n] == p[n] { n += 1 }
            common = Array(common.prefix(n))
        }
        if common.first == "." { common.removeFirst() }
        let joined = common.joined(separator: "/")
        return joined.isEmpty ? "." : joined
    }

    /// `path` relative to `folder` (which holds it, as ``commonFolder(_:)`` returns); "" when equal.
    static func relative(_ path: String, to folder: String) -> String {
        if folder == "." { return path == "." ? "" : path }
        if path == folder { return "" }
        return String(path.dropFirst(folder.count + (folder.hasSuffix("/") ? 0 : 1)))
    }
}
