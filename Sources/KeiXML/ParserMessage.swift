/// One complaint libxml2 raised while parsing (it recovered and went on unless `level` is `.fatal`).
public struct ParserMessage: Sendable, Hashable {
    public enum Level: String, Sendable, Hashable {
        case warning, error, fatal
    }

    public var level: Level
    /// libxml2's error code (`xmlParserErrors`), stable across runs.
    public var code: Int
    /// 1-based line, 0 when unknown.
    public var line: Int
    /// 1-based column, 0 when unknown.
    public var column: Int
    /// libxml2's message, trimmed.
    public var message: String

    public init(level: Level, code: Int, line: Int, column: Int, message: String) {
        self.level = level
        self.code = code
        self.line = line
        self.column = column
        self.message = message
    }
}
