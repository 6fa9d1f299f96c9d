/// The stages a runner knows, looked up by id. Built-in stages are listed in
/// `KeiStages/BuiltInStages.swift`; tests may build registries of their own.
public struct StageRegistry: Sendable {
    public let stages: [any Stage.Type]

    public init(_ stages: [any Stage.Type]) {
        self.stages = stages
    }

    /// The stage with this id, or whose ``StageDescription/aliases`` list it.
    public func stage(id: String) -> (any Stage.Type)? {
        stages.first { $0.description.id == id } ?? stages.first { $0.description.aliases.contains(id) }
    }

    public var ids: [String] { stages.map { $0.description.id } }
}
