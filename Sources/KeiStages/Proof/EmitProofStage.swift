import Foundation
import KeiCore
import KeiDocument

/// Writes an HTML proof per article (`proof/<id>.html`, ``ProofPage``) and the issue dashboard
/// (`proof/index.html`, ``ProofDashboard``).
///
/// Not a publishing stage: it runs when articles fail their gate, which is when editors need it. List it
/// last among the issue stages so that it sees every diagnostic: the articles' and those of the issue
/// stages before it. An article without a model (ingest failed, manuscript awaited) gets no proof; the
/// dashboard says why. Output is deterministic (no clock, no absolute path) and loads nothing.
public struct EmitProofStage: IssueStage {
    public static let description = StageDescription(
        id: "emit.proof",
        summary: "Write an HTML proof per article (findings and --fix changes marked in place) and the issue dashboard; runs even when gates fail.",
        kind: .issue,
        messages: [Messages.noModel],
        examples: [],
        publishes: false
    )

    enum Messages {
        static let noModel = StageMessage("emit.proof.no-model", .info,
            "An article has no model (its source could not be read), so it has no proof; the dashboard lists it.")
    }

    /// Where the issue dashboard goes in the output folder (linked from `emit.issue`'s TOC and index).
    public static let dashboardPath = ProofDashboard.relativePath

    /// Where the proof of article `id` goes in the output folder.
    public static func proofPath(for id: String) -> String { "proof/\(id).html" }

    public init(options: StageOptions) throws {}

    public func run(_ context: inout IssueContext) throws {
        var proofs: [String: Artifact] = [:]
        for o in context.articles {
            guard let article = o.article else {
                context.emit(Messages.noModel.diagnostic("article '\(o.entry.id)' has no model, so no proof was written.",
                                                         at: o.entry.declaredAt ?? SourceLocation(file: context.workflowDisplayPath)))
                continue
            }
            let issueDiagnostics = context.diagnostics.filter { $0.article == o.entry.id }
            let page = ProofPage.render(o, article: article, issueDiagnostics: issueDiagnostics,
                                        publication: ArticlePublication(entry: o.entry, article: article, issue: context.issue))
            let path = Self.proofPath(for: o.entry.id)
            try context.writeArtifact(kind: "proof", relativePath: path, data: Data(page.html.utf8))
            proofs[o.entry.id] = Artifact(kind: "proof", relativePath: path)
        }
        let dashboard = ProofDashboard.render(context, proofs: proofs)
        try context.writeArtifact(kind: "proof-index", relativePath: Self.dashboardPath, data: Data(dashboard.utf8))
    }
}
