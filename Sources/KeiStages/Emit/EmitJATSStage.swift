import Foundation
import KeiCore
import KeiDocument

/// Writes one JATS 1.3 article per input. PLACEHOLDER until the writer lands.
public struct EmitJATSStage: ArticleStage {
    public static let description = StageDescription(
        id: "emit.jats",
        summary: "Write the article as JATS 1.3 Journal Publishing XML (jats/<article>.xml).",
        kind: .emit
    )

    public init(options: StageOptions) throws {}

    public func run(_ context: inout ArticleContext) throws {
        guard let article = context.article else { return }
        let xml = JATSWriter.write(article, issue: context.issue)
        try context.writeArtifact(kind: "jats", relativePath: "jats/\(context.entry.id).xml", data: Data(xml.utf8))
    }
}
