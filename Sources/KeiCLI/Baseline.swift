import Foundation
import KeiCore
import KeiDocument

/// A baseline file (`--write-baseline FILE` writes it, `--baseline FILE` reads it): the findings a project
/// has accepted for now, matched by ``DiagnosticFingerprint`` so that edits elsewhere in an article do not
/// bring them back.
///
/// JSON, UTF-8, keys sorted, two-space indentation, entries sorted by (article, file, rule, fingerprint):
/// `{"version": 1, "tool": "kei-pipeline 0.1.0", "fingerprint_scheme": "keiFingerprint/v1",
/// "entries": [{"fingerprint": "16 hex digits", "rule": …, "severity": …, "article": id or absent,
/// "file": path as reported, "line": 1-based (informative only, never matched), "excerpt"?: …, "message": …}]}`.
/// Only `fingerprint` (and `article`, to tell which entries a partial run can judge) is used for matching.
struct Baseline: Codable, Sendable, Equatable {
    struct Entry: Codable, Sendable, Equatable {
        var fingerprint: String
        var rule: String
        var severity: String
        var article: String?
        var file: String
        var line: Int?
        var excerpt: String?
        var message: String
    }

    /// The file format's version; a file with another is refused.
    static let formatVersion = 1
    var version: Int
    var tool: String
    var fingerprintScheme: String
    var entries: [Entry]

    enum CodingKeys: String, CodingKey {
        case version, tool, entries
        case fingerprintScheme = "fingerprint_scheme"
    }

    /// Rules the driver reports about the run itself; never written to a baseline.
    static let runNotices: Set<String> = [staleEntry.rule, ArticleSelection.partialIssue.rule]

    static let staleEntry = StageMessage("baseline.stale-entry", .warning,
        "A baseline entry matches no finding of this run (the finding was fixed or its words changed): remove it from the baseline or rewrite the baseline with --write-baseline.")

    /// Every finding of `result` (after suppressions; the driver's own run notices left out).
    init(result: RunResult) {
        let all = result.diagnostics
        let prints = DiagnosticFingerprint.fingerprints(all)
        var entries: [Entry] = []
        for (d, fp) in zip(all, prints) where !Self.runNotices.contains(d.rule) {
            entries.append(Entry(fingerprint: fp, rule: d.rule, severity: d.severity.rawValue, article: d.article,
                                 file: d.location.file, line: d.location.line > 0 ? d.location.line : nil,
                                 excerpt: d.excerpt, message: d.message))
        }
        entries.sort { a, b in
            (a.article ?? "", a.file, a.rule, a.fingerprint) < (b.article ?? "", b.file, b.rule, b.fingerprint)
        }
        self.version = Self.formatVersion
        self.tool = "kei-pipeline \(KeiCLI.version)"
        self.fingerprintScheme = DiagnosticFingerprint.version
        self.entries = entries
    }

    /// The file's bytes (deterministic: no clock, no absolute paths beyond those the report shows).
    func data() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }

    /// Reads a baseline file. Throws ``KeiError/workflow(_:_:)`` (exit 2, `FILE:LINE: error: …`) when it is
    /// missing or unreadable, not JSON, not a baseline, of another version (`"version"` must be the number 1;
    /// a string is named as such), or fails ``validate(display:text:)``. `display` is the path as
    /// the user wrote it.
    static func load(_ url: URL, display: String) throws -> (baseline: Baseline, text: String) {
        guard let data = try? Data(contentsOf: url) else {
            throw KeiError.workflow(SourceLocation(file: display, line: 1),
                                    "cannot read the baseline file (missing or unreadable); write one with --write-baseline \(display)")
        }
        let text = String(decoding: data, as: UTF8.self)
        // Check the version before the shape, so a future format is named as such.
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw KeiError.workflow(SourceLocation(file: display, line: errorLine(error, text: text)),
                                    "the baseline file is not valid JSON (\(errorSummary(error))); rewrite it with --write-baseline")
        }
        let versionLine = line(of: "\"version\"", in: text) ?? 1
        guard let dict = object as? [String: Any] else {
            throw KeiError.workflow(SourceLocation(file: display, line: 1), "the baseline file is not a JSON object with \"version\" and \"entries\"")
        }
        if let s = dict["version"] as? String {
            throw KeiError.workflow(SourceLocation(file: display, line: versionLine),
                                    "baseline \"version\" must be the number \(formatVersion), not the string \"\(s)\"; rewrite it with --write-baseline")
        }
        guard let version = dict["version"] as? Int, version == formatVersion else {
            throw KeiError.workflow(SourceLocation(file: display, line: versionLine),
                                    "baseline version \(dict["version"].map { "\($0)" } ?? "missing") is not supported (this kei-pipeline reads version \(formatVersion), the number \(formatVersion)); rewrite it with --write-baseline")
        }
        let baseline: Baseline
        do {
            baseline = try JSONDecoder().decode(Baseline.self, from: data)
        } catch {
            throw KeiError.workflow(SourceLocation(file: display, line: 1),
                                    "the baseline file is not a kei-pipeline baseline (\(errorSummary(error))); rewrite it with --write-baseline")
        }
        try baseline.validate(display: display, text: text)
        return (baseline, text)
    }

    /// Refuses (``KeiError/workflow(_:_:)``, exit 2, at the offending line) a fingerprint scheme other than
    /// ``DiagnosticFingerprint/version`` (its fingerprints would never match), a fingerprint that is not 16
    /// lowercase hex digits, and a fingerprint listed twice (``init(result:)`` never writes one twice, so a
    /// duplicate is a hand edit or a merge gone wrong; refused rather than warned so the file stays exact).
    func validate(display: String, text: String) throws {
        guard fingerprintScheme == DiagnosticFingerprint.version else {
            throw KeiError.workflow(SourceLocation(file: display, line: Self.line(of: "\"fingerprint_scheme\"", in: text) ?? 1),
                                    "baseline fingerprint_scheme \"\(fingerprintScheme)\" is not supported (this kei-pipeline computes \"\(DiagnosticFingerprint.version)\"); rewrite it with --write-baseline")
        }
        var seen: Set<String> = []
        for e in entries {
            let hex = e.fingerprint.utf8.count == 16 && e.fingerprint.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
            guard hex else {
                throw KeiError.workflow(SourceLocation(file: display, line: Self.line(of: "\"\(e.fingerprint)\"", in: text) ?? 1),
                                        "baseline fingerprint \"\(e.fingerprint)\" is not 16 lowercase hex digits; rewrite the baseline with --write-baseline")
            }
            guard seen.insert(e.fingerprint).inserted else {
                throw KeiError.workflow(SourceLocation(file: display, line: Self.line(of: "\"\(e.fingerprint)\"", in: text, occurrence: 2) ?? 1),
                                        "baseline fingerprint \(e.fingerprint) is listed twice; remove one entry or rewrite the baseline with --write-baseline")
            }
        }
    }

    /// 1-based line of the `occurrence`-th (1-based) occurrence of `needle` in `text`.
    static func line(of needle: String, in text: String, occurrence: Int = 1) -> Int? {
        var from = text.startIndex
        var found: Range<String.Index>?
        for _ in 0..<occurrence {
            guard let r = text.range(of: needle, range: from..<text.endIndex) else { return nil }
            found = r
            from = r.upperBound
        }
        guard let r = found else { return nil }
        return text[..<r.lowerBound].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
    }

    /// The line a JSON parse error names ("… line N …"), else 1.
    static func errorLine(_ error: Error, text: String) -> Int {
        let s = errorSummary(error)
        guard let r = s.range(of: "line ") else { return 1 }
        return Int(s[r.upperBound...].prefix(while: \.isNumber)) ?? 1
    }

    static func errorSummary(_ error: Error) -> String {
        let ns = error as NSError
        if let d = ns.userInfo[NSDebugDescriptionErrorKey] as? String { return d }
        if case DecodingError.keyNotFound(let key, _) = error { return "no \"\(key.stringValue)\"" }
        if case DecodingError.typeMismatch(_, let c) = error { return c.debugDescription }
        return "\(error)"
    }

    /// Removes from `result` every finding whose fingerprint is an entry of this baseline (counted in
    /// ``RunResult/baselined``) and adds a `baseline.stale-entry` warning, located at the entry's line in
    /// the baseline file, for each entry that matched nothing although this run could have reported it:
    /// an entry of an article in `articlesRun`, or an entry outside any article when `completeIssue`.
    func apply(to result: inout RunResult, articlesRun: Set<String>, completeIssue: Bool, display: String, text: String) {
        let matched = drop(from: &result)
        result.issueDiagnostics += staleEntries(matched: matched, articlesRun: articlesRun, completeIssue: completeIssue,
                                                display: display, text: text)
    }

    /// Removes from `result` every finding whose fingerprint is an entry of this baseline (counted in
    /// ``RunResult/baselined``) and returns the fingerprints that matched. `batch` calls it once per
    /// issue (on results whose article ids are already `ISSUE/ARTICLE`), then ``staleEntries(matched:articlesRun:completeIssue:display:text:)`` once.
    ///
    /// Cap-aware (`limits.max-findings-per-rule`): a `pipeline.findings-capped` summary whose own fingerprint
    /// is not an entry stands for N findings of one rule in one article that were not listed, so it is matched
    /// by count (``capCoverage(summaries:matched:)``): it is dropped when the baseline holds at least N entries
    /// of that rule and article that no listed finding matched (a baseline written without the cap, or with a
    /// higher one). Either way those entries are returned as matched: they may match the unlisted findings, so
    /// they are never reported stale one by one. More unlisted findings than such entries keep the summary
    /// (the gate fails as it would on the findings).
    func drop(from result: inout RunResult) -> Set<String> {
        let known = Set(entries.map(\.fingerprint))
        let all = result.diagnostics
        let prints = DiagnosticFingerprint.fingerprints(all)
        var matched: Set<String> = []
        var summaries: [(index: Int, article: String?, rule: String, count: Int)] = []
        for (i, d) in all.enumerated() {
            if known.contains(prints[i]) { matched.insert(prints[i]); continue }
            if let c = FindingsCap.cappedFindings(of: d) { summaries.append((i, d.article, c.rule, c.count)) }
        }
        let coverage = capCoverage(summaries: summaries.map { ($0.article, $0.rule, $0.count) }, matched: matched)
        var covered: Set<Int> = []
        for (s, c) in zip(summaries, coverage) {
            matched.formUnion(c.entries)
            if c.baselined { covered.insert(s.index) }
        }
        var i = 0
        var dropped = 0
        func keep(_ d: Diagnostic) -> Bool {
            defer { i += 1 }
            guard known.contains(prints[i]) || covered.contains(i) else { return true }
            dropped += 1
            return false
        }
        for k in result.outcomes.indices { result.outcomes[k].diagnostics = result.outcomes[k].diagnostics.filter(keep) }
        result.issueDiagnostics = result.issueDiagnostics.filter(keep)
        result.baselined += dropped
        return matched
    }

    /// For each cap summary (its article, the capped rule, and how many findings it stands for), the entries
    /// of that rule and article whose fingerprints are not in `matched` (no listed finding matched them), and
    /// whether there are at least `count` of them: then every unlisted finding could be one of them, so the
    /// summary counts as baselined.
    func capCoverage(summaries: [(article: String?, rule: String, count: Int)], matched: Set<String>) -> [(entries: Set<String>, baselined: Bool)] {
        summaries.map { s in
            let free = Set(entries.lazy.filter { $0.article == s.article && $0.rule == s.rule && !matched.contains($0.fingerprint) }.map(\.fingerprint))
            return (free, free.count >= s.count)
        }
    }

    /// A `baseline.stale-entry` warning for each entry not in `matched` that this run could have reported
    /// (its article is in `articlesRun`, or it has no article and `completeIssue`), located at the entry's
    /// line in the baseline file (`display` as the user wrote it, `text` its contents).
    func staleEntries(matched: Set<String>, articlesRun: Set<String>, completeIssue: Bool, display: String, text: String) -> [Diagnostic] {
        var stale: [Diagnostic] = []
        for e in entries where !matched.contains(e.fingerprint) {
            let judged = e.article.map { articlesRun.contains($0) } ?? completeIssue
            guard judged else { continue }
            let line = Self.line(of: "\"\(e.fingerprint)\"", in: text) ?? 1
            stale.append(Diagnostic(
                rule: Self.staleEntry.rule, severity: Self.staleEntry.severity,
                message: "baseline entry \(e.fingerprint) (\(e.rule)\(e.article.map { " in \($0)" } ?? "")) matches no finding of this run: remove it from \(display) or run --write-baseline \(display).",
                location: SourceLocation(file: display, line: line), stage: "pipeline", article: nil,
                excerpt: nil, fix: "remove the entry from \(display) or run --write-baseline \(display)"))
        }
        return stale
    }
}
