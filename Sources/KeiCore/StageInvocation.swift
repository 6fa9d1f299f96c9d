/// One entry of a workflow's stage chain: the stage type, its effective options, and where it was named.
public struct StageInvocation: Sendable {
    public var type: any Stage.Type
    public var options: StageOptions
    public var location: SourceLocation

    public init(type: any Stage.Type, options: StageOptions, location: SourceLocation) {
        self.type = type
        self.options = options
        self.location = location
    }

    public var id: String { type.description.id }
    public var kind: StageKind { type.description.kind }
}

import KeiDocument
