import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Draws ``ProgressBar`` lines on stderr with `\r`, at most ten times a second, and clears the line at
/// the end. Thread safe: articles finish on several workers at once.
final class ProgressDisplay: @unchecked Sendable {
    private let lock = NSLock()
    private let write: @Sendable (String) -> Void
    private let start = DispatchTime.now().uptimeNanoseconds
    private var lastDraw: UInt64 = 0
    private var drawn = 0
    private var state: ProgressBar.State
    /// The longest line drawn, in Unicode scalars: one less than the terminal's columns, so that the
    /// line never wraps (a wrapped line cannot be redrawn with `\r`).
    let width: Int

    /// `columns`: the terminal's width (``terminalColumns(fd:)``), nil counting as 80; lines are at least 9 wide.
    init(total: Int, columns: Int? = nil, write: @escaping @Sendable (String) -> Void) {
        self.write = write
        width = max(10, columns ?? 80) - 1
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
        let line = ProgressBar.render(state, width: width)
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

    /// The columns of the terminal on `fd` (TIOCGWINSZ), nil when `fd` is not a terminal or reports 0.
    static func terminalColumns(fd: Int32 = 2) -> Int? {
        var size = winsize()
        guard ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
