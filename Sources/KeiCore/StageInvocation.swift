import KeiDocument

/// One entry of a workflow's stage chain: the stage, built once from its effective options, and where
/// it was named.
///
/// The workflow loader builds each stage when it validates the entry's options and keeps that instance
/// here; the runner uses it for every article (stages are immutable `Sendable` values, so one instance
/// serves parallel articles) and never builds stages itself. A `Workflow` therefore holds ready stages,
/// and a stage whose options fail is a workflow error before any work, never a surprise mid-run.
public struct StageInvocation: Sendable {
    /// The stage instance every article (or the issue) runs.
    public let stage: any Stage
    /// The effective options it was built from (defaults merged with the workflow's).
    public let options: StageOptions
    public let location: SourceLocation

    /// Wraps a stage already built from `options`.
    public init(stage: any Stage, options: StageOptions, location: SourceLocation) {
        self.stage = stage
        self.options = options
        self.location = location
    }

    /// Builds the stage from `options` (the loader's way, and for workflows assembled in code).
    public init(type: any Stage.Type, options: StageOptions, location: SourceLocation) throws {
        self.init(stage: try type.init(options: options), options: options, location: location)
    }

    public var type: any Stage.Type { Swift.type(of: stage) }
    public var id: String { type.description.id }
    public var kind: StageKind { type.description.kind }
}
