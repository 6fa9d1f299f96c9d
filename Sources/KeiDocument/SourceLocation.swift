/// Where something came from: a file (relative to the working directory where possible),
/// a 1-based line and, where known, a 1-based column.
public struct SourceLocation: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var file: String
    /// 1-based line; 0 when unknown.
    public var line: Int
    /// 1-based column, when known.
    public var column: Int?

    public init(file: String, line: Int = 0, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line[:column]`, omitting parts that are unknown.
    public var description: String {
        var s = file
        if line > 0 {
            s += ":\(line)"
            if let column { s += ":\(column)" }
        }
        return s
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        if a.file != b.file { return a.file < b.file }
        if a.line != b.line { return a.line < b.line }
        return (a.column ?? 0) < (b.column ?? 0)
    }
}
