import KeiDocument

/// A kind-specific value of a style rule (``StyleRuleKind/parameters``), as read from a style file.
public enum StyleParameter: Sendable, Hashable {
    case bool(Bool)
    case int(Int)
    case string(String)
    case list([String])
    /// Ordered key → value pairs (`terms: {US: U.S.}`); keys are unique.
    case map([StylePair])
    /// A list of lists of strings (consistency groups).
    case groups([[String]])
}

/// One entry of a ``StyleParameter/map``.
public struct StylePair: Sendable, Hashable {
    public var key: String
    public var value: String
    public init(_ key: String, _ value: String) {
        self.key = key
        self.value = value
    }
}

/// The declaration of one kind-specific key of a style rule.
public struct StyleParameterSpec: Sendable, Hashable {
    public enum ValueType: Sendable, Hashable, CustomStringConvertible {
        case bool, int, string, list, map, groups
        case choice([String])

        public var description: String {
            switch self {
            case .bool: return "true or false"
            case .int: return "an integer"
            case .string: return "a string"
            case .list: return "a list of strings"
            case .map: return "a mapping of strings to strings"
            case .groups: return "a list of lists of strings"
            case .choice(let c): return "one of " + c.joined(separator: ", ")
            }
        }
    }

    public var name: String
    public var type: ValueType
    public var required: Bool
    public var summary: String

    public init(_ name: String, _ type: ValueType, required: Bool = false, _ summary: String) {
        self.name = name
        self.type = type
        self.required = required
        self.summary = summary
    }
}
