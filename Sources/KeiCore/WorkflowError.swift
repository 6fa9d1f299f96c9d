import KeiDocument

/// Everything wrong with a workflow (or journal) file, each with file, line and column.
/// Loading reports all problems it can find at once; the CLI prints them and exits 2.
public struct WorkflowError: Error, Sendable, CustomStringConvertible {
    public struct Problem: Sendable, Hashable {
        public var location: SourceLocation
        public var message: String

        public init(_ location: SourceLocation, _ message: String) {
            self.location = location
            self.message = message
        }
    }

    public var problems: [Problem]

    public init(_ problems: [Problem]) {
        self.problems = problems
    }

    /// How many problems ``description`` lists; the rest are counted in one closing line.
    public static let listedProblems = 100

    /// The problems, one `file:line:column: error: message` line each: the first ``listedProblems``,
    /// then "… and N more problems" when there are more (a file broken throughout gives thousands). A line
    /// break or terminal control in a path or message is shown as `⟨U+000A⟩` (``ControlCharacters``).
    public var description: String {
        var lines = problems.prefix(Self.listedProblems).map { ControlCharacters.visible("\($0.location): error: \($0.message)") }
        let rest = problems.count - Self.listedProblems
        if rest > 0 {
            lines.append("… and \(rest) more problem\(rest == 1 ? "" : "s") (\(problems.count) in all): fix the ones above and run again")
        }
        return lines.joined(separator: "\n")
    }
}
