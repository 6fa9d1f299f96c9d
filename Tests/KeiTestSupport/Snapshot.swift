import Foundation

/// Golden files: compares output with a reviewed baseline. With `RECORD_SNAPSHOTS` set it writes the
/// baseline instead and reports a failure, so that a new baseline is always read before it is trusted.
public enum Snapshot {
    public static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil }

    /// Nil when `actual` equals the snapshot; otherwise what to report (first differing line, or how to record).
    public static func mismatch(_ actual: String, snapshot url: URL) -> String? {
        if recording {
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(actual.utf8).write(to: url)
                return "Recorded \(url.lastPathComponent); review it, then run again without RECORD_SNAPSHOTS."
            } catch {
                return "Could not record \(url.path): \(error)"
            }
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return "No snapshot \(url.path). Record it with: RECORD_SNAPSHOTS=1 swift test (or make snapshots), then review the file."
        }
        let expected = String(decoding: data, as: UTF8.self)
        guard actual != expected else { return nil }
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let b = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let line = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
        return """
            \(url.lastPathComponent) differs at line \(line + 1):
              got:      \(line < a.count ? String(a[line]) : "<end of output>")
              expected: \(line < b.count ? String(b[line]) : "<end of snapshot>")
            Re-record with RECORD_SNAPSHOTS=1 if the change is intended.
            """
    }
}
