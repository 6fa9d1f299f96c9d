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

    public var description: String {
        problems.map { "\($0.location): error: \($0.message)" }.joined(separator: "\n")
    }
}
