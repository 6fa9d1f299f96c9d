import Foundation

/// The ledger's tables (SQLite, `PRAGMA user_version` = ``version``).
///
/// - `runs`: one row per run: id, `started`/`finished` (UTC, ISO 8601), `command` (the command line),
///   `workflow` (``LedgerSession/workflowID(_:)``: the file relative to the project root, or a batch back
///   issue's name), `tool_version`, `articles`, `cached`, `errors`, `warnings`, `infos` (after `--baseline`),
///   `baselined` (findings the baseline dropped), `gate` (`fail-on` name), `gate_passed` (0/1), `exit_code`.
/// - `article_results`: one row per article and run: `run_id`, `workflow`, `article`, `source`,
///   `source_sha256` (64 hex, the source as the run ended; null when unreadable), `cache_key` (64 hex), `state` (`commissioned`, `received`, `edited`, `approved`, `failed`),
///   `errors`, `warnings`, `infos`, `gate_passed` (0/1), `cached` (0/1).
/// - `artifacts`: `run_id`, `article`, `path` (relative to the output folder), `size` (bytes), `sha256` (hex).
/// - `cache`: `key` (64 hex) → `outcome` (JSON of ``CachedOutcome``), with `workflow` and `article`.
///
/// Migration: a database without tables (version 0) is created; an older version's tables are dropped
/// and rebuilt (the ledger restarts, the cache is refilled); a newer version is refused with a message.
enum LedgerSchema {
    static let version = 2

    static let create = [
        """
        CREATE TABLE IF NOT EXISTS runs (id INTEGER PRIMARY KEY AUTOINCREMENT, started TEXT NOT NULL, finished TEXT NOT NULL,
          command TEXT NOT NULL, workflow TEXT NOT NULL, tool_version TEXT NOT NULL, articles INTEGER NOT NULL,
          cached INTEGER NOT NULL, errors INTEGER NOT NULL, warnings INTEGER NOT NULL, infos INTEGER NOT NULL,
          baselined INTEGER NOT NULL, gate TEXT NOT NULL, gate_passed INTEGER NOT NULL, exit_code INTEGER NOT NULL)
        """,
        """
        CREATE TABLE IF NOT EXISTS article_results (run_id INTEGER NOT NULL REFERENCES runs(id), workflow TEXT NOT NULL,
          article TEXT NOT NULL, source TEXT, source_sha256 TEXT, cache_key TEXT, state TEXT NOT NULL, errors INTEGER NOT NULL,
          warnings INTEGER NOT NULL, infos INTEGER NOT NULL, gate_passed INTEGER NOT NULL, cached INTEGER NOT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS article_results_by_article ON article_results (workflow, article, run_id)",
        """
        CREATE TABLE IF NOT EXISTS artifacts (run_id INTEGER NOT NULL REFERENCES runs(id), article TEXT,
          path TEXT NOT NULL, size INTEGER NOT NULL, sha256 TEXT NOT NULL)
        """,
        "CREATE TABLE IF NOT EXISTS cache (key TEXT PRIMARY KEY, workflow TEXT NOT NULL, article TEXT NOT NULL, outcome BLOB NOT NULL)",
    ]

    static let tables = ["cache", "artifacts", "article_results", "runs"]

    /// Brings `db` to ``version``; throws ``LedgerError/newerSchema`` for a database from a newer tool.
    static func migrate(_ db: SQLiteDatabase) throws {
        let found = try db.query("PRAGMA user_version").first?.first?.int ?? 0
        if found == version { return }
        if found > version { throw LedgerError.newerSchema(found: found, supported: version) }
        try db.execute("BEGIN IMMEDIATE")
        do {
            for t in tables { try db.execute("DROP TABLE IF EXISTS \(t)") }
            for sql in create { try db.execute(sql) }
            try db.execute("PRAGMA user_version = \(version)")
            try db.execute("COMMIT")
        } catch {
            try? db.execute("ROLLBACK")
            throw error
        }
    }
}

/// Why the ledger could not be used.
enum LedgerError: Error, CustomStringConvertible {
    case newerSchema(found: Int, supported: Int)
    /// The state folder (named) exists as a file.
    case folderIsFile(String)

    var description: String {
        switch self {
        case .folderIsFile(let name):
            return "\(name) is a file, not the ledger's folder: move or delete it, or pass --state-dir"
        case .newerSchema(let found, let supported):
            return "the database has schema version \(found), newer than this kei-pipeline's \(supported): use a newer kei-pipeline, or delete the file to start a new ledger"
        }
    }
}
