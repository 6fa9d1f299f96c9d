import KeiCore

/// Every built-in stage, one line each, alphabetical by id. A test checks this list against the
/// `*Stage.swift` files and their ids.
public enum BuiltInStages {
    public static let all: [any Stage.Type] = [
        CheckCitationsStage.self, // check.citations (alias check.notes)
        CheckDatesStage.self,     // check.dates
        CheckMetadataStage.self,  // check.metadata
        EmitCrossrefStage.self,   // emit.crossref
        EmitFOStage.self,         // emit.fo
        EmitIssueStage.self,      // emit.issue (alias issue.toc)
        EmitJATSStage.self,       // emit.jats
        EmitProofStage.self,      // emit.proof
        IngestHTMLStage.self,     // ingest.html
        IngestTextStage.self,     // ingest.text
        IssueConsistencyStage.self, // lint.issue-consistency
        LintStyleStage.self,      // lint.style
        RenderPDFStage.self,      // render.pdf
    ]

    public static let registry = StageRegistry(all)
}
