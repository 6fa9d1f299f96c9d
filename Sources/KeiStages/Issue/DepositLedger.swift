import Foundation

/// The record of an issue's Crossref deposits (`crossref/deposits.txt` in the output folder), so that
/// `emit.crossref` can enforce Crossref's rule that a deposit's `timestamp` grows with every deposit of the
/// same DOIs (a deposit with a timestamp not above the last one is ignored by Crossref).
///
/// Format: UTF-8 text, `#` comment lines, then one line per deposit in the order they were made:
/// `TIMESTAMP BATCH-ID SHA256` (the timestamp digits, the `doi_batch_id`, the SHA-256 of the deposit's
/// bytes in hex), separated by single spaces. Lines that do not have this shape are ignored.
///
/// A deposit is recorded when `emit.crossref` wrote it without an error (one Crossref would accept).
/// An identical deposit (same bytes, so same timestamp) is the same deposit again, not a new one.
struct DepositLedger {
    struct Line: Equatable {
        var timestamp: String
        var batchID: String
        var sha256: String
    }

    enum Verdict: Equatable {
        /// The first deposit or one with a larger timestamp: record it.
        case new
        /// The same bytes as the last deposit: nothing to record.
        case unchanged
        /// Different bytes with the last deposit's timestamp or a smaller one.
        case timestampNotIncreasing(last: String)
    }

    static let header = "# Crossref deposits of this issue, oldest first: timestamp batch-id sha256-of-deposit (written by emit.crossref)\n"

    var lines: [Line]

    init(text: String) {
        lines = text.split(whereSeparator: \.isNewline).compactMap { raw in
            if raw.hasPrefix("#") { return nil }
            let f = raw.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            guard f.count == 3, DepositTimestamp.isDigits(f[0]), f[2].count == 64 else { return nil }
            return Line(timestamp: f[0], batchID: f[1], sha256: f[2])
        }
    }

    func verdict(for line: Line) -> Verdict {
        guard let last = lines.last else { return .new }
        if last.sha256 == line.sha256 && last.timestamp == line.timestamp { return .unchanged }
        if DepositTimestamp.compare(line.timestamp, last.timestamp) != .orderedDescending {
            return .timestampNotIncreasing(last: last.timestamp)
        }
        return .new
    }

    /// True when an earlier recorded deposit used `line`'s batch id for other bytes (Crossref wants a new
    /// `doi_batch_id` for every deposit).
    func reusesBatchID(_ line: Line) -> Bool {
        lines.contains { $0.batchID == line.batchID && $0.sha256 != line.sha256 }
    }

    /// The file's text with `line` appended.
    func text(appending line: Line) -> String {
        Self.header + (lines + [line]).map { "\($0.timestamp) \($0.batchID) \($0.sha256)\n" }.joined()
    }
}
