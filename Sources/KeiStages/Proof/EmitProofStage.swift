import Foundation
import KeiCore
import KeiDocument

/// Writes an HTML proof per article (``proofPath(for:)``, `proof/<id>.html`, ``ProofPage``) and the issue
/// dashboard (``dashboardPath``, `proof/_dashboard.html`, ``ProofDashboard``).
///
/// Not a publishing stage: it runs when articles fail their gate, which is when editors need it. List it
/// last among the issue stages so that it sees every diagnostic: the articles' and those of the issue
/// stages before it (when a stage follows it, the info `emit.proof.not-last` says so and the dashboard
/// says which stages' findings it does not include). An article without a model (ingest failed,
/// manuscript awaited) gets a short "no proof" page at its proof path (so no proof of an earlier run is
/// left there); the dashboard says why. Output is deterministic (no clock, no absolute path) and loads
/// nothing.
public struct EmitProofStage: IssueStage {
    public static let description = StageDescription(
        id: "emit.proof",
        summary: "Write an HTML proof per article (findings and --fix changes marked in place) and the issue dashboard; runs even when gates fail.",
        kind: .issue,
        messages: [Messages.noModel, Messages.notLast],
        examples: [],
        publishes: false
    )

    /// The dashboard's path in the output folder. Article ids start with a letter or digit
    /// (`WorkflowLoader.isValidID`), so no proof can take this path.
    public static let dashboardPath = "proof/_dashboard.html"

    /// The path of article `id`'s proof in the output folder (`proof/<id>.html`).
    public static func proofPath(for id: String) -> String { "proof/\(id).html" }

    enum Messages {
        static let noModel = StageMessage("emit.proof.no-model", .info,
            "An article has no model (its source could not be read), so it has no proof; the dashboard lists it.")
        static let notLast = StageMessage("emit.proof.not-last", .info,
            "Issue stages run after emit.proof, so their findings are not in the proofs or the dashboard.")
    }

    public init(options: StageOptions) throws {}

    public func run(_ context: inout IssueContext) throws {
        let me = context.currentStage ?? Self.description.id
        let later = context.issueStages.firstIndex(of: me).map { Array(context.issueStages[($0 + 1)...]) } ?? []
        if !later.isEmpty {
            context.emit(Messages.notLast.diagnostic(
                "\(me) is followed by \(later.joined(separator: ", ")): their findings are not in the proofs or the dashboard.",
                at: SourceLocation(file: context.workflowDisplayPath),
                fix: "List \(me) last among the stages of \(context.workflowDisplayPath)."))
        }
        var proofs: [String: Artifact] = [:]
        for o in context.articles {
            let path = Self.proofPath(for: o.entry.id)
            guard let article = o.article else {
                context.emit(Messages.noModel.diagnostic("article '\(o.entry.id)' has no model, so no proof was written.",
                                                         at: o.entry.declaredAt ?? SourceLocation(file: context.workflowDisplayPath)))
                let why = o.entry.awaitingManuscript ? "its manuscript is awaited" : "its source could not be read (ingest failed)"
                try context.writeArtifact(kind: "proof", relativePath: path,
                                          data: Data(ProofPage.noProof(id: o.entry.id, reason: why).utf8))
                continue
            }
            let issueDiagnostics = context.diagnostics.filter { $0.article == o.entry.id }
            let page = ProofPage.render(o, article: article, issueDiagnostics: issueDiagnostics,
                                        publication: ArticlePublication(entry: o.entry, article: article, issue: context.issue),
                                        stageOrder: context.articleStages + context.issueStages)
            try context.writeArtifact(kind: "proof", relativePath: path, data: Data(page.html.utf8))
            proofs[o.entry.id] = Artifact(kind: "proof", relativePath: path)
        }
        let dashboard = ProofDashboard.render(context, proofs: proofs, laterStages: later)
        try context.writeArtifact(kind: "proof-index", relativePath: Self.dashboardPath, data: Data(dashboard.utf8))
    }
}
