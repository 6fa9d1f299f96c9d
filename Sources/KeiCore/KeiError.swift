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

    public var description: String {
        switch self {
        case .workflow(let loc, let message): return "\(loc): error: \(message)"
        case .input(let path, let message): return "\(path): error: \(message)"
        case .output(let path, let message): return "\(path): error: cannot write output: \(message)"
        case .stage(let message): return message
        case .usage(let message): return "error: \(message)"
        }
    }

    /// The process exit code for this error: every KeiError that reaches the CLI is a usage,
    /// configuration or input error.
    public var exitCode: Int32 { 2 }
}

import KeiDocument
