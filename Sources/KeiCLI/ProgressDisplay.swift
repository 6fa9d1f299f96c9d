import Foundation

/// Draws ``ProgressBar`` lines on stderr with `\r`, at most ten times a second, and clears the line at
/// the end. Thread safe: articles finish on several workers at once.
final class ProgressDisplay: @unchecked Sendable {
    private let lock = NSLock()
    private let write: @Sendable (String) -> Void
    private let start = DispatchTime.now().uptimeNanoseconds
    private var lastDraw: UInt64 = 0
    private var drawn = 0
    private var state: ProgressBar.State

    init(total: Int, write: @escaping @Sendable (String) -> Void) {
        self.write = write
        state = ProgressBar.State(done: 0, total: total, elapsed: 0, issue: "")
    }

    /// Records one more finished article (or, with `finished: false`, only the issue now running) and
    /// redraws when 100 ms have passed since the last drawing (the first and the last are always drawn).
    func update(issue: String, finished: Bool) {
        lock.lock(); defer { lock.unlock() }
        if finished { state.done += 1 }
        state.issue = issue
        let now = DispatchTime.now().uptimeNanoseconds
        guard drawn == 0 || now - lastDraw >= 100_000_000 || state.done == state.total else { return }
        state.elapsed = Double(now - start) / 1e9
        let line = ProgressBar.render(state)
        write("\r" + line + String(repeating: " ", count: max(0, drawn - line.unicodeScalars.count)))
        drawn = line.unicodeScalars.count
        lastDraw = now
    }

    /// Erases the bar (spaces over it, then `\r`), so what follows starts on a clean line.
    func clear() {
        lock.lock(); defer { lock.unlock() }
        if drawn > 0 { write("\r" + String(repeating: " ", count: drawn) + "\r") }
        drawn = 0
    }
}
