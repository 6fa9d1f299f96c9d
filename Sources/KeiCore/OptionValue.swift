/// A value of a stage option, as given in a workflow file or defaulted by the stage.
public enum OptionValue: Sendable, Hashable, CustomStringConvertible {
    case bool(Bool)
    case int(Int)
    case string(String)
    case stringList([String])

    public var description: String {
        switch self {
        case .bool(let b): return String(b)
        case .int(let i): return String(i)
        case .string(let s): return s
        case .stringList(let l): return "[" + l.joined(separator: ", ") + "]"
        }
    }
}
