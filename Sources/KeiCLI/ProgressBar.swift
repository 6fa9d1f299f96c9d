import Foundation
import KeiCore

/// The batch progress line drawn on a terminal's stderr: articles done/total, rate, ETA, current issue.
///
/// ``render(_:width:)`` is pure (tests call it); ``ProgressDisplay`` decides when to draw it.
struct ProgressBar {
    struct State: Sendable, Equatable {
        /// Articles finished so far (ran or from the cache), across the whole batch.
        var done: Int
        /// Articles in the batch.
        var total: Int
        /// Seconds since the batch started.
        var elapsed: Double
        /// The issue whose articles are running (its workflow name).
        var issue: String
    }

    /// One line without a newline, at most `width` characters (Unicode scalars) long:
    /// `[#####.....]  120/480 articles  35.2/s  ETA 0:10  vol-1-issue-1`. The rate is articles per second
    /// of elapsed time; the ETA (m:ss, or h:mm:ss) is the remaining articles at that rate, `--:--` until
    /// one article has finished. Control characters in the issue name (it comes from a workflow or folder
    /// name) are shown as `⟨U+001B⟩` tokens, so the name can neither move the cursor nor drive the terminal.
    static func render(_ s: State, width: Int = 80) -> String {
        let total = max(s.total, 0)
        let done = min(max(s.done, 0), total)
        let cells = 20
        let filled = total == 0 ? cells : done * cells / total
        let bar = "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: cells - filled) + "]"
        let rate = s.elapsed > 0 ? Double(done) / s.elapsed : 0
        let eta = done > 0 && rate > 0 ? clock(Double(total - done) / rate) : "--:--"
        var line = "\(bar) \(done)/\(total) articles  " + String(format: "%.1f/s", rate) + "  ETA \(eta)  \(ControlCharacters.visible(s.issue, keeping: { _ in false }))"
        if line.unicodeScalars.count > width { line = String(String.UnicodeScalarView(line.unicodeScalars.prefix(width))) }
        return line
    }

    /// `m:ss`, or `h:mm:ss` from an hour on.
    static func clock(_ seconds: Double) -> String {
        let t = Int(seconds.rounded())
        let h = t / 3600, m = (t % 3600) / 60, sec = t % 60
        return h > 0 ? String(format: "%d:%02d:%02d", h, m, sec) : String(format: "%d:%02d", m, sec)
    }
}
