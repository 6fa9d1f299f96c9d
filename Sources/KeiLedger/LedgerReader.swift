import Foundation

/// Read-only queries of the ledger for `status` and `history`.
public enum LedgerReader {
    /// One recorded run (a row of `runs`).
    public struct Run: Codable, Sendable, Equatable {
        public var id: Int
        /// UTC, ISO 8601.
        public var started: String
        public var finished: String
        public var command: String
        public var workflow: String
        public var toolVersion: String
        public var articles: Int
        public var cached: Int
        public var errors: Int
        public var warnings: Int
        /// Counts after `--baseline`, as the run's report gave them.
        public var infos: Int
        /// Findings `--baseline` dropped.
        public var baselined: Int
        /// Whether the run passed its gate.
        public var gatePassed: Bool
        /// The gate's `fail-on` level (`error`, `warning`).
        public var failOn: String
        public var exitCode: Int
    }

    /// An article's result in its latest run.
    public struct ArticleRun: Codable, Sendable, Equatable {
        public var run: Int
        /// UTC, ISO 8601 (the run's start).
        public var date: String
        public var state: String
        public var errors: Int
        public var warnings: Int
        public var gatePassed: Bool
        public var cached: Bool
        /// SHA-256 (hex) of the source as that run ended; nil when it could not be read.
        public var sourceSHA256: String?
    }

    /// The database at `url` when it exists, nil when no run was recorded yet. Throws ``SQLiteError`` for
    /// a file that is not a usable ledger.
    static func open(_ url: URL) throws -> SQLiteDatabase? {
        var isDir: ObjCBool = false
        let folder = url.deletingLastPathComponent()
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDir), !isDir.boolValue {
            throw LedgerError.folderIsFile(folder.lastPathComponent)
        }
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let db = try SQLiteDatabase(url: url)
        try LedgerSchema.migrate(db)
        return db
    }

    /// The latest `limit` runs, newest first; empty when the database does not exist.
    public static func runs(in url: URL, limit: Int) throws -> [Run] {
        guard let db = try open(url) else { return [] }
        defer { db.close() }
        return try db.query("""
            SELECT id, started, finished, command, workflow, tool_version, articles, cached, errors, warnings, infos, baselined, gate, gate_passed, exit_code
            FROM runs ORDER BY id DESC LIMIT ?
            """, [.int(Int64(limit))]).map { r in
            Run(id: r[0].int, started: r[1].text ?? "", finished: r[2].text ?? "", command: r[3].text ?? "",
                workflow: r[4].text ?? "", toolVersion: r[5].text ?? "", articles: r[6].int, cached: r[7].int,
                errors: r[8].int, warnings: r[9].int, infos: r[10].int, baselined: r[11].int, gatePassed: r[13].int == 1,
                failOn: r[12].text ?? "", exitCode: r[14].int)
        }
    }

    /// Each article's latest result under `workflow` (``LedgerSession/workflowID(_:)``), by article id.
    public static func latest(in url: URL, workflow: String) throws -> [String: ArticleRun] {
        guard let db = try open(url) else { return [:] }
        defer { db.close() }
        var out: [String: ArticleRun] = [:]
        for r in try db.query("""
            SELECT a.article, a.run_id, r.started, a.state, a.errors, a.warnings, a.gate_passed, a.cached, a.source_sha256
            FROM article_results a JOIN runs r ON r.id = a.run_id WHERE a.workflow = ? ORDER BY a.run_id
            """, [.text(workflow)]) {
            out[r[0].text ?? ""] = ArticleRun(run: r[1].int, date: r[2].text ?? "", state: r[3].text ?? "", errors: r[4].int,
                                              warnings: r[5].int, gatePassed: r[6].int == 1, cached: r[7].int == 1, sourceSHA256: r[8].text)
        }
        return out
    }

    /// Whether any run is recorded (false when the database does not exist).
    public static func hasRuns(in url: URL) throws -> Bool {
        guard let db = try open(url) else { return false }
        defer { db.close() }
        return try db.query("SELECT 1 FROM runs LIMIT 1").isEmpty == false
    }

    /// SHA-256 (hex) of `url`'s bytes, nil when it cannot be read (as ``ArticleRun/sourceSHA256`` records it).
    public static func sha256(of url: URL) -> String? {
        (try? Data(contentsOf: url, options: .mappedIfSafe)).map(CacheKey.sha256)
    }
}
