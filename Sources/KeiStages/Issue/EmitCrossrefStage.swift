import Foundation
import KeiCore
import KeiDocument

/// Writes the issue's Crossref deposit (`crossref/<workflow>-deposit.xml`, schema 5.3.1, shape in
/// ``CrossrefDepositWriter``) and keeps the record of deposits (`crossref/deposits.txt`, ``DepositLedger``).
///
/// - `doi_batch_id`: the workflow's `deposit: batch-id`, else `<workflow>-<timestamp>` (4 to 100 characters).
/// - `timestamp`: the workflow's `deposit: timestamp`, else `SOURCE_DATE_EPOCH` as yyyyMMddHHmmss UTC
///   (``DepositTimestamp``); with neither, error `emit.crossref.no-timestamp` and no deposit. Never the clock.
/// - Before writing, values the schema would refuse are errors naming what to fix, and nothing is written:
///   no depositor, no date, an article without title, DOI (Crossref's pattern `10\.[0-9]{4,9}/.{1,200}`)
///   or resource URL (http, https or ftp).
/// - Then errors that make the deposit one Crossref must not receive (the publish gate fails, the deposit is
///   not recorded): a placeholder ISSN (``ISSN/isPlaceholder(_:)``: all zeros, a failing check digit),
///   `emit.crossref.placeholder-issn` at the journal file; a deposit that differs from the last recorded
///   one but does not raise its timestamp, `emit.crossref.timestamp-not-increasing` (Crossref ignores it);
///   a changed deposit reusing a recorded batch id, `emit.crossref.batch-id-reused`; a DOI recorded in
///   `crossref/dois.txt` (``DOIRegistry``) for another article id, `emit.crossref.doi-reassigned`.
/// - Where it goes: once a deposit is recorded, `crossref/<workflow>-deposit.xml` keeps the last recorded
///   one and a refused deposit is written to `crossref/<workflow>-deposit.rejected.xml` for review; before
///   any is recorded, every deposit (a draft, e.g. with a placeholder ISSN) goes to the usual path. A
///   deposit without error removes a stale `.rejected.xml`, is appended to `deposits.txt` and adds its
///   DOIs to `dois.txt`; an identical re-run adds nothing.
public struct EmitCrossrefStage: IssueStage {
    public static let description = StageDescription(
        id: "emit.crossref",
        summary: "Write the issue's Crossref 5.3.1 deposit (crossref/<workflow>-deposit.xml) and record it in crossref/deposits.txt.",
        kind: .issue,
        messages: [Messages.noTimestamp, Messages.badBatchID, Messages.noDepositor, Messages.noDate, Messages.untitled,
                   Messages.invalidDOI, Messages.invalidResource, Messages.placeholderISSN, Messages.timestampNotIncreasing,
                   Messages.unwritableName, Messages.batchIDReused, Messages.doiReassigned],
        publishes: true
    )

    enum Messages {
        static let unwritableName = StageMessage("emit.crossref.unwritable-name", .warning,
            "A contributor's name has no letters left once what Crossref's schema refuses (digits, '?') is removed; the contributor is left out of the deposit.")
        static let noTimestamp = StageMessage("emit.crossref.no-timestamp", .error,
                                              "The deposit has no timestamp: set `deposit: timestamp:` in the workflow (or SOURCE_DATE_EPOCH).")
        static let badBatchID = StageMessage("emit.crossref.bad-batch-id", .error, "The deposit's batch id is not 4 to 100 characters.")
        static let noDepositor = StageMessage("emit.crossref.no-depositor", .error,
                                              "The journal file's `crossref:` section lacks the depositor's name or email address.")
        static let noDate = StageMessage("emit.crossref.no-date", .error, "The issue or an article has no usable publication date.")
        static let untitled = StageMessage("emit.crossref.untitled", .error, "An article has no title to deposit.")
        static let invalidDOI = StageMessage("emit.crossref.invalid-doi", .error,
                                             "An article has no DOI, or one that does not match Crossref's pattern 10.NNNN/suffix.")
        static let invalidResource = StageMessage("emit.crossref.invalid-resource", .error,
                                                  "An article has no resource URL, or one that is not http, https or ftp.")
        static let placeholderISSN = StageMessage("emit.crossref.placeholder-issn", .error,
                                                  "The journal's ISSN is a placeholder (all zeros or a wrong check digit); the deposit is written but must not be sent.")
        static let timestampNotIncreasing = StageMessage("emit.crossref.timestamp-not-increasing", .error,
                                                         "The deposit changed but its timestamp is not larger than the last recorded deposit's.")
        static let batchIDReused = StageMessage("emit.crossref.batch-id-reused", .error,
                                                "The deposit changed but reuses the batch id of an earlier recorded deposit.")
        static let doiReassigned = StageMessage("emit.crossref.doi-reassigned", .error,
                                                "The deposit gives a DOI recorded for one article to another; a registered DOI never changes owner.")
    }

    static let ledgerPath = "crossref/deposits.txt"
    /// Which article each deposited DOI belongs to (``DOIRegistry``).
    static let doiRegistryPath = "crossref/dois.txt"

    let environment: [String: String]

    public init(options: StageOptions) throws {
        environment = ProcessInfo.processInfo.environment
    }

    /// For tests: the environment whose `SOURCE_DATE_EPOCH` is read.
    init(options: StageOptions, environment: [String: String]) {
        self.environment = environment
    }

    /// Where the deposit goes in the output folder: `crossref/<workflow>-deposit.xml` (the workflow name with
    /// anything but letters, digits, `.`, `_` and `-` replaced by `-`).
    static func depositPath(workflow: String) -> String {
        let safe = String(workflow.unicodeScalars.map { s -> Character in
            s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || "._-".unicodeScalars.contains(s)) ? Character(s) : "-"
        })
        return "crossref/\(safe.isEmpty ? "issue" : safe)-deposit.xml"
    }

    /// Crossref's DOI pattern (schema 5.3.1 `doi_t`): `10\.[0-9]{4,9}/.{1,200}`, `.` any character but CR and LF.
    static func isCrossrefDOI(_ doi: String) -> Bool {
        (try? doiPattern.wholeMatch(in: doi)) != nil
    }

    nonisolated(unsafe) static let doiPattern = /10\.[0-9]{4,9}\/[^\n\r]{1,200}/.matchingSemantics(.unicodeScalar)
    nonisolated(unsafe) static let resourcePattern = /(?i:https?|ftp):\/\/[^\s]+/

    public func run(_ context: inout IssueContext) throws {
        let issue = context.issue
        let workflowAt = SourceLocation(file: context.workflowDisplayPath)
        let journalAt = SourceLocation(file: issue.journal.displayPath ?? context.workflowDisplayPath)
        let timestamp: String
        switch DepositTimestamp.resolve(issue.deposit, environment: environment) {
        case .workflow(let t), .sourceDateEpoch(let t): timestamp = t
        case .missing(let why):
            context.emit(Messages.noTimestamp.diagnostic(
                "no Crossref deposit was written: \(why). Set `deposit: timestamp: \"yyyyMMddHHmmss\"` in the workflow, larger than the last deposit's.",
                at: workflowAt))
            return
        }
        let batchID = issue.deposit.batchID ?? "\(String(context.workflowName.prefix(80)))-\(timestamp)"
        var blocked = false
        func block(_ d: Diagnostic) { context.emit(d); blocked = true }
        if !(4...100).contains(batchID.unicodeScalars.count) {
            block(Messages.badBatchID.diagnostic("the deposit's batch id “\(batchID)” has \(batchID.unicodeScalars.count) characters; Crossref takes 4 to 100. Set `deposit: batch-id:`.", at: workflowAt))
        }
        let crossref = issue.journal.crossref
        if CrossrefDepositWriter.clean(crossref.depositorName ?? "").isEmpty || (crossref.depositorEmail ?? "").count < 6 {
            block(Messages.noDepositor.diagnostic("the journal file's `crossref:` needs `depositor-name` and `depositor-email` (Crossref writes to them about the deposit).", at: journalAt))
        }
        if issue.coverDate.flatMap(Self.year) == nil {
            block(Messages.noDate.diagnostic("the issue has no `cover-date` with a year from 1400 to 2200; Crossref needs the issue's publication date.", at: workflowAt))
        }
        var items: [CrossrefDepositWriter.Item] = []
        for o in context.articles {
            let p = ArticlePublication(entry: o.entry, article: o.article, issue: issue)
            let at = o.entry.declaredAt ?? workflowAt
            if p.title == nil { block(Messages.untitled.diagnostic("article '\(p.id)' has no title; Crossref needs one. Give it a `title:` in the workflow.", at: at)) }
            if let doi = p.doi {
                if !Self.isCrossrefDOI(doi) {
                    block(Messages.invalidDOI.diagnostic("article '\(p.id)' has the DOI “\(doi)”, which does not match Crossref's pattern 10.NNNN/suffix (4 to 9 prefix digits, 1 to 200 suffix characters); fix `doi:` or the journal's `doi-pattern`.", at: at))
                }
            } else {
                block(Messages.invalidDOI.diagnostic(issue.journal.doiPattern.map { pattern in
                    "article '\(p.id)' has no DOI: the journal's doi-pattern '\(pattern.text)' uses \(Self.missingValues(pattern, issue)), which the issue lacks; give the workflow `volume:` and `number:` (and `cover-date:` for {year}), or the article a `doi:`."
                } ?? "article '\(p.id)' has no DOI; give the journal file a `doi-pattern` or the article a `doi:`.", at: at))
            }
            if p.resourceURL.map({ (try? Self.resourcePattern.wholeMatch(in: $0)) != nil && $0.unicodeScalars.count <= 2048 }) != true {
                block(Messages.invalidResource.diagnostic(p.resourceURL == nil && issue.journal.resourceURLPattern != nil
                    ? "article '\(p.id)' has no resource URL: the journal's resource-url '\(issue.journal.resourceURLPattern!.text)' uses \(Self.missingValues(issue.journal.resourceURLPattern!, issue)), which the issue lacks; give the workflow `volume:` and `number:` (and `cover-date:` for {year})."
                    : "article '\(p.id)' has no http(s) resource URL (“\(p.resourceURL ?? "")”); give the journal file a `resource-url` pattern.", at: at))
            }
            for c in p.contributors where !CrossrefDepositWriter.isWritable(c) && !CrossrefDepositWriter.clean(c.name).isEmpty {
                context.emit(Messages.unwritableName.diagnostic(
                    "article '\(p.id)': the contributor name “\(CrossrefDepositWriter.clean(c.name))” has no letters once digits and '?' are removed (Crossref's name pattern), so the deposit leaves it out.",
                    at: at, fix: "Correct the page's byline, or give the author a name: with surname: and given-names: in the workflow."))
            }
            let date = p.publicationDate?.iso ?? issue.coverDate ?? ""
            items.append(CrossrefDepositWriter.Item(publication: p, article: o.article,
                                                    date: Self.year(date) == nil ? issue.coverDate ?? "" : date))
        }
        guard !blocked else { return }

        let deposit = Data(CrossrefDepositWriter.write(head: .init(batchID: batchID, timestamp: timestamp), issue: issue, items: items).utf8)
        let dois = items.compactMap { item in item.publication.doi.map { (article: item.publication.id, doi: $0) } }
        let ledgerURL = context.outputDirectory.appendingPathComponent(Self.ledgerPath)
        let ledger = DepositLedger(text: (try? String(contentsOf: ledgerURL, encoding: .utf8)) ?? "")
        let registry = DOIRegistry(text: (try? String(contentsOf: context.outputDirectory.appendingPathComponent(Self.doiRegistryPath), encoding: .utf8)) ?? "")
        let line = DepositLedger.Line(timestamp: timestamp, batchID: batchID.filter { !$0.isWhitespace }, sha256: Digests.sha256Hex(deposit))

        // Errors that make the deposit one Crossref must not receive; it is then not recorded.
        var refused: [Diagnostic] = []
        for (key, value) in [("issn-print", issue.journal.issnPrint), ("issn-online", issue.journal.issnOnline)] {
            guard let value, ISSN.isPlaceholder(value) else { continue }
            refused.append(Messages.placeholderISSN.diagnostic(
                "the journal file's `\(key)` “\(value)” is a placeholder (\(ISSN.hasSchemaForm(value) ? "all zeros or a wrong check digit" : "not an ISSN; left out of the deposit")); the deposit was written for review but must not be sent to Crossref until the real ISSN is in the journal file.",
                at: journalAt))
        }
        let verdict = ledger.verdict(for: line)
        if case .timestampNotIncreasing(let last) = verdict {
            refused.append(Messages.timestampNotIncreasing.diagnostic(
                "the deposit changed since the last recorded one (\(Self.ledgerPath)) but its timestamp \(timestamp) is not larger than that deposit's \(last); Crossref would ignore it. Raise `deposit: timestamp:` in the workflow (and give a new `batch-id`).",
                at: workflowAt))
        }
        if verdict == .new && ledger.reusesBatchID(line) {
            refused.append(Messages.batchIDReused.diagnostic(
                "the batch id “\(line.batchID)” was used by an earlier, different deposit (\(Self.ledgerPath)); Crossref wants a new `doi_batch_id` for every deposit. Give a new `deposit: batch-id:` in the workflow.",
                at: workflowAt))
        }
        for r in registry.reassignments(dois) {
            refused.append(Messages.doiReassigned.diagnostic(
                "article '\(r.article)' would get the DOI \(r.doi), which was deposited for article '\(r.owner)' (\(Self.doiRegistryPath)); a registered DOI never changes owner: give the new article its own DOI with `doi:` in its workflow entry, or restore the order.",
                at: context.articles.first { $0.entry.id == r.article }?.entry.declaredAt ?? workflowAt))
        }
        for d in refused { context.emit(d) }

        // The usual path holds the last recorded deposit once there is one; a refused deposit then goes
        // beside it (`.rejected.xml`) so the good one is not lost. Before any deposit is recorded, the
        // usual path holds the latest draft, refused or not.
        let path = Self.depositPath(workflow: context.workflowName)
        let rejectedPath = Self.rejectedPath(depositPath: path)
        if !refused.isEmpty && !ledger.lines.isEmpty {
            try context.writeArtifact(kind: "crossref-rejected", relativePath: rejectedPath, data: deposit)
            return
        }
        try context.writeArtifact(kind: "crossref", relativePath: path, data: deposit)
        if refused.isEmpty {
            try? FileManager.default.removeItem(at: context.outputDirectory.appendingPathComponent(rejectedPath))
        }
        if refused.isEmpty && verdict == .new {
            try context.writeArtifact(kind: "crossref-record", relativePath: Self.ledgerPath, data: Data(ledger.text(appending: line).utf8))
            try context.writeArtifact(kind: "crossref-record", relativePath: Self.doiRegistryPath, data: Data(registry.text(adding: dois).utf8))
        }
    }

    /// Where a refused deposit goes when an accepted one is already at `depositPath`:
    /// `crossref/<workflow>-deposit.rejected.xml`.
    static func rejectedPath(depositPath: String) -> String {
        (depositPath.hasSuffix(".xml") ? String(depositPath.dropLast(4)) : depositPath) + ".rejected.xml"
    }

    /// The year of an ISO 8601 date when Crossref accepts it (1400–2200).
    static func year(_ iso: String) -> Int? {
        guard let y = Int(iso.prefix(4)), iso.prefix(4).count == 4, (1400...2200).contains(y) else { return nil }
        return y
    }

    /// The placeholders `pattern` uses that the issue has no value for, as `{volume} and {number}`.
    static func missingValues(_ pattern: PublishingPattern, _ issue: IssueInfo) -> String {
        pattern.missing(PublishingPattern.values(issue: issue, articleID: "id", order: 1)).map { "{\($0)}" }.joined(separator: " and ")
    }
}
