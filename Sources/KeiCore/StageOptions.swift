import KeiDates

/// The effective options of one stage in one workflow: declared defaults overridden by the workflow.
public struct StageOptions: Sendable, Hashable {
    public private(set) var values: [String: OptionValue]
    /// The workflow's merged house style (journal layers plus the workflow's overrides), set by the
    /// workflow loader for every stage; nil when the workflow names no style.
    public var style: StyleSheet?
    /// The timeline knowledge base (`timeline:` in the journal file or the workflow, loaded by
    /// `TimelineLoader`), set by the workflow loader for every stage; nil when none is named.
    public var timeline: Timeline?

    public init(_ values: [String: OptionValue] = [:]) {
        self.values = values
    }

    /// The defaults a description declares, overridden by `overrides`.
    public init(defaultsOf description: StageDescription, overrides: [String: OptionValue] = [:]) {
        var v: [String: OptionValue] = [:]
        for o in description.options { v[o.name] = o.defaultValue }
        for (k, value) in overrides { v[k] = value }
        self.values = v
    }

    public func bool(_ name: String, default d: Bool = false) -> Bool {
        if case .bool(let b)? = values[name] { return b }
        return d
    }

    public func int(_ name: String, default d: Int = 0) -> Int {
        if case .int(let i)? = values[name] { return i }
        return d
    }

    public func string(_ name: String) -> String? {
        if case .string(let s)? = values[name] { return s }
        return nil
    }

    public func stringList(_ name: String) -> [String] {
        if case .stringList(let l)? = values[name] { return l }
        return []
    }
}
