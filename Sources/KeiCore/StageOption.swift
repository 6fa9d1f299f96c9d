/// The declaration of one option a stage accepts: its name, type, default and meaning.
/// The workflow loader checks options against these, so a typo or wrong type fails before any work.
public struct StageOption: Sendable {
    public enum ValueType: Sendable, Hashable, CustomStringConvertible {
        case bool, int, string, stringList
        /// A string restricted to the listed values.
        case choice([String])

        public var description: String {
            switch self {
            case .bool: return "a boolean (true or false)"
            case .int: return "an integer"
            case .string: return "a string"
            case .stringList: return "a list of strings"
            case .choice(let c): return "one of " + c.joined(separator: ", ")
            }
        }
    }

    public var name: String
    public var type: ValueType
    public var defaultValue: OptionValue
    public var summary: String

    public init(_ name: String, _ type: ValueType, default defaultValue: OptionValue, _ summary: String) {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.summary = summary
    }
}
