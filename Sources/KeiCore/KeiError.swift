/// An error that stops work: the runner or CLI turns it into a message naming the file (and line)
/// and a documented exit code.
public enum KeiError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A workflow or journal file is wrong (exit 2). Location names file, line and column where known.
    case workflow(SourceLocation, String)
    /// An input file is missing, unreadable, too large, or not what it should be (exit 2).
    case input(path: String, String)
    /// An output could not be written (exit 2).
    case output(path: String, String)
    /// A stage could not continue on one article (reported as an error diagnostic; others go on).
    case stage(String)
    /// A command-line usage problem (exit 2).
    case usage(String)

    /// `file:line: error: message` (or the message alone for `.stage`), with line breaks and terminal
    /// controls from paths and messages shown as `⟨U+000A⟩` tokens (``ControlCharacters``): a file name
    /// holding a line feed cannot forge a second stderr line. `.stage` and `.usage` keep their own line breaks.
    public var description: String {
        switch self {
        case .workflow(let loc, let message): return ControlCharacters.visible("\(loc): error: \(message)")
        case .input(let path, let message): return ControlCharacters.visible("\(path): error: \(message)")
        case .output(let path, let message): return ControlCharacters.visible("\(path): error: cannot write output: \(message)")
        case .stage(let message): return ControlCharacters.visibleLines(message)
        case .usage(let message): return ControlCharacters.visibleLines("error: \(message)")
        }
    }

    /// The process exit code for this error: every KeiError that reaches the CLI is a usage,
    /// configuration or input error.
    public var exitCode: Int32 { 2 }
}

import KeiDocument
