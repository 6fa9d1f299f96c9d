import Foundation
import KeiCore
import KeiDocument

/// One run's connection to the ledger database (`.kei/ledger.sqlite`): the article result cache the runner
/// consults (``ArticleResultCache``) and the recorder of the run (``finish(_:workflow:command:started:)``).
///
/// One SQLite connection per run, guarded by a lock (the runner's workers call in concurrently); stored
/// outcomes are buffered and committed in batches of ``batchSize`` in one transaction each, and the rest with
/// the run's record at the end. Any SQLite failure (corrupt or locked file, unwritable folder) turns the cache
/// off for the rest of the run and is kept in ``problem``: the run goes on, the caller reports it once.
/// The file is checked with `PRAGMA quick_check` when opened, so a partly corrupt database (one SQLite
/// reads without error until a statement reaches the damaged page) is never used.
public final class LedgerSession: ArticleResultCache, @unchecked Sendable {
    /// `pipeline.cache-unavailable` (info, so the gate and exit code do not change).
    public static let unavailable = StageMessage("pipeline.cache-unavailable", .info,
        "The ledger database (.kei/ledger.sqlite) could not be used: the run went on without the cache and was not recorded.")
    public static let messages = [unavailable]
    /// Outcomes committed per transaction.
    public static let batchSize = 500

    /// The database file.
    public let url: URL
    /// Read cached outcomes (false with `--no-cache` and `--force`).
    public let readCache: Bool
    /// Write outcomes to the cache (false with `--no-cache`).
    public let writeCache: Bool
    /// Hashed into every key: `--fix`, `--check-links`, `--strict` as given.
    public let flags: [String]
    /// The workflow name runs are recorded under (`runs.workflow`, `article_results.workflow`, `cache.workflow`);
    /// nil records ``workflowID(_:)``.
    public var workflowName: String?
    /// Why the ledger is off (first failure), nil while it works.
    public private(set) var problem: String?

    private var db: SQLiteDatabase?
    private let lock = NSLock()
    private var workflowParts: [String: Data] = [:]
    private var keys: [String: String] = [:]
    private var pending: [[SQLiteValue]] = []
    /// Each article's artifacts with size and hash, from the cache or as stored this run.
    private var files: [String: [CachedOutcome.File]] = [:]

    /// Size, modification time and SHA-256 of each artifact that can be read (from its bytes, read once).
    static func hashed(_ artifacts: [Artifact], in output: URL) -> [CachedOutcome.File] {
        artifacts.compactMap { a in
            let url = output.appendingPathComponent(a.relativePath)
            guard let before = FileStat(url), let data = try? Data(contentsOf: url) else { return nil }
            // A file changed while being read keeps no time, so the next lookup compares hashes.
            let stable = FileStat(url) == before && before.size == data.count
            return .init(kind: a.kind, relativePath: a.relativePath, size: data.count, sha256: CacheKey.sha256(data),
                         mtime: stable ? before.mtime : nil)
        }
    }

    /// `KeiCLI.version` plus the executable's size and modification time (a cheap build identifier).
    public static func toolVersion(_ version: String) -> String {
        guard let path = Bundle.main.executableURL?.path,
              let a = try? FileManager.default.attributesOfItem(atPath: path) else { return version }
        let size = (a[.size] as? NSNumber)?.intValue ?? 0
        let time = (a[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(version)+\(size).\(Int(time))"
    }
    private let toolVersion: String

    /// Opens (creating `directory` and the database if needed) `directory/ledger.sqlite`. Never throws:
    /// a failure leaves the session off with ``problem`` set. With `confinedTo` (the project root, for the
    /// default `.kei` folder) a `directory` that a symbolic link leads out of that folder is not used either.
    public init(directory: URL, readCache: Bool, writeCache: Bool, flags: [String], toolVersion: String, confinedTo root: URL? = nil) {
        url = directory.appendingPathComponent("ledger.sqlite")
        self.readCache = readCache
        self.writeCache = writeCache
        self.flags = flags
        self.toolVersion = toolVersion
        if let root, !PathPolicy.isInside(directory, root: root) {
            let real = PathPolicy.resolve(directory.standardizedFileURL.path) ?? "an unresolvable path"
            problem = "its folder \(directory.lastPathComponent) is a symbolic link leading outside the project (\(real)); kei-pipeline "
                + "does not write the ledger through it: remove the link, or pass --state-dir (or KEI_STATE_DIR) to keep the ledger there"
            return
        }
        do {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDir), !isDir.boolValue {
                problem = "its folder \(directory.lastPathComponent) is a file, not a folder: move or delete the file, or pass --state-dir"
                return
            }
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let db = try SQLiteDatabase(url: url)
            // A partly corrupt file can answer some queries and take inserts: check it once before use.
            do { try db.quickCheck() } catch { db.close(); throw error }
            try LedgerSchema.migrate(db)
            self.db = db
        } catch {
            problem = "\(error)"
        }
    }

    /// How the ledger names `workflow`: its file's path relative to the project root (`Workflows/issue-3-2.yml`),
    /// the same from any working directory; the workflow's name when it was not loaded from a file.
    public static func workflowID(_ workflow: Workflow) -> String {
        guard let file = workflow.configurationFiles.first else { return workflow.name }
        return FileIO.displayPath(file, relativeTo: workflow.projectRoot)
    }

    private func fail(_ error: Error) {
        if problem == nil { problem = "\(error)" }
        db?.close()
        db = nil
    }

    /// The key of `entry` (hashing its source outside the lock, so workers hash in parallel).
    private func key(for entry: ArticleEntry, workflow: Workflow) -> String? {
        lock.lock()
        if let k = keys[entry.id] { lock.unlock(); return k }
        let id = workflow.displayPath
        let part = workflowParts[id] ?? CacheKey.workflowPart(workflow, flags: flags, toolVersion: toolVersion)
        workflowParts[id] = part
        lock.unlock()
        let k = CacheKey.key(entry: entry, workflowPart: part)
        lock.lock()
        keys[entry.id] = k
        lock.unlock()
        return k
    }

    public func cachedOutcome(for entry: ArticleEntry, workflow: Workflow) -> ArticleOutcome? {
        guard let key = key(for: entry, workflow: workflow), readCache else { return nil }
        let found: Data?
        do {
            lock.lock(); defer { lock.unlock() }
            guard let db else { return nil }
            found = try db.query("SELECT outcome FROM cache WHERE key = ?", [.text(key)]).first?.first?.blob
        } catch {
            fail(error)
            return nil
        }
        guard let blob = found, let cached = try? JSONDecoder().decode(CachedOutcome.self, from: blob) else { return nil }
        // Every artifact must still hold the stored bytes (same size and time, else same SHA-256), else the
        // article re-runs, rewriting it.
        for f in cached.artifacts where !f.matches(workflow.outputDirectory.appendingPathComponent(f.relativePath)) {
            return nil
        }
        lock.lock()
        files[entry.id] = cached.artifacts
        lock.unlock()
        return cached.outcome(entry: entry)
    }

    public func store(_ outcome: ArticleOutcome, workflow: Workflow) {
        guard writeCache, !outcome.failed, !outcome.diagnostics.contains(where: { $0.rule.hasPrefix("pipeline.") && $0.severity == .error && $0.rule != FindingsCap.capped.rule })
        else { return }
        // Hash the artifacts outside the lock (the workers do this in parallel).
        let files = Self.hashed(outcome.artifacts, in: workflow.outputDirectory)
        guard files.count == outcome.artifacts.count else { return }
        let value = CachedOutcome(
sourceDisplayPath: outcome.sourceDisplayPath, diagnostics: outcome.diagnostics,
                                  changes: outcome.changes, artifacts: files, suppressed: outcome.suppressed,
                                  superseded: outcome.superseded, digest: outcome.digest)
        guard let blob = try? JSONEncoder().encode(value), let key = key(for: outcome.entry, workflow: workflow) else { return }
        lock.lock(); defer { lock.unlock() }
        guard db != nil else { return }
        self.files[outcome.entry.id] = files
        pending.append([.text(key), .text(workflowName ?? Self.workflowID(workflow)), .text(outcome.entry.id), .blob(blob)])
        if pending.count >= Self.batchSize { flush() }
    }

    /// Commits the buffered outcomes in one transaction (lock held).
    private func flush() {
        guard let db, !pending.isEmpty else { return }
        do {
            try db.execute("BEGIN IMMEDIATE")
            do {
                try db.executeMany("INSERT OR REPLACE INTO cache (key, workflow, article, outcome) VALUES (?, ?, ?, ?)", pending)
                try db.execute("COMMIT")
            } catch {
                try? db.execute("ROLLBACK")
                throw error
            }
            pending.removeAll()
        } catch {
            fail(error)
        }
    }

    /// Commits the remaining outcomes and records the run (runs, article_results, artifacts) in one
    /// transaction, then closes the connection. `started` is the run's start; both times are stored in UTC.
    /// Returns the run id, nil when the ledger is off.
    @discardableResult
    public func finish(_ result: RunResult, workflow: Workflow, command: String, started: Date) -> Int64? {
        // Each source's SHA-256 as it is now (`status` compares it with the current file), outside the lock.
        let sourceHashes = result.outcomes.map { o in
            o.entry.sourceURL.flatMap { try? Data(contentsOf: $0, options: .mappedIfSafe) }.map(CacheKey.sha256)
        }
        let name = workflowName ?? Self.workflowID(workflow)
        lock.lock(); defer { lock.unlock() }
        flush()
        guard let db else { return nil }
        defer { db.close(); self.db = nil }
        let summary = result.summary
        let time = ISO8601DateFormatter()
        do {
            try db.execute("BEGIN IMMEDIATE")
            do {
                try db.execute("""
                    INSERT INTO runs (started, finished, command, workflow, tool_version, articles, cached, errors, warnings, infos, baselined, gate, gate_passed, exit_code)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, [.text(time.string(from: started)), .text(time.string(from: Date())), .text(command),
                          .text(name), .text(toolVersion), .int(Int64(result.outcomes.count)),
                          .int(Int64(result.outcomes.filter(\.cached).count)), .int(Int64(summary.errors)),
                          .int(Int64(summary.warnings)), .int(Int64(summary.infos)), .int(Int64(result.baselined)), .text(result.gate.name),
                          .int(summary.gatePassed ? 1 : 0),
                          .int(Int64(result.exitCode))])
                let run = db.lastInsertRowID
                var rows: [[SQLiteValue]] = [], files: [[SQLiteValue]] = []
                for (o, sourceHash) in zip(result.outcomes, sourceHashes) {
                    let count = { (s: Severity) in Int64(o.diagnostics.filter { $0.severity == s }.count) }
                    let passed = !o.failed && !o.diagnostics.contains { result.gate.fails($0.severity) }
                    let state = o.entry.awaitingManuscript ? "commissioned" : o.failed ? "failed"
                        : !passed ? "received" : o.entry.status == .approved ? "approved" : "edited"
                    rows.append([.int(run), .text(name), .text(o.entry.id), o.entry.source.map { .text($0) } ?? .null,
                                 sourceHash.map { .text($0) } ?? .null,
                                 keys[o.entry.id].map { .text($0) } ?? .null, .text(state), .int(count(.error)),
                                 .int(count(.warning)), .int(count(.info)), .int(passed ? 1 : 0), .int(o.cached ? 1 : 0)])
                    for f in self.files[o.entry.id] ?? Self.hashed(o.artifacts, in: workflow.outputDirectory) {
                        files.append([.int(run), .text(o.entry.id), .text(f.relativePath), .int(Int64(f.size)), .text(f.sha256)])
                    }
                }
                try db.executeMany("""
                    INSERT INTO article_results (run_id, workflow, article, source, source_sha256, cache_key, state, errors, warnings, infos, gate_passed, cached)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, rows)
                try db.executeMany("INSERT INTO artifacts (run_id, article, path, size, sha256) VALUES (?, ?, ?, ?, ?)", files)
                try db.execute("COMMIT")
                return run
            } catch {
                try? db.execute("ROLLBACK")
                throw error
            }
        } catch {
            if problem == nil { problem = "\(error)" }
            return nil
        }
    }

    /// The diagnostic that says the ledger was off (nil while it works), located at the database file
    /// as shown from the working directory.
    public func unavailableNotice(display: String) -> Diagnostic? {
        guard let problem else { return nil }
        var d = Self.unavailable.diagnostic(
            "\(display): the ledger database could not be used (\(problem)); the run went on without the cache and was not recorded.",
            at: SourceLocation(file: display, line: 0),
            fix: "If the file is corrupt, delete it (the cache is rebuilt on the next run); if another run holds it, run again when it ends; or pass --state-dir with a writable folder.")
        d.stage = "pipeline"
        return d
    }
}
