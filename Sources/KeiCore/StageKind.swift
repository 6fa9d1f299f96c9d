/// What a stage does, which decides when the runner calls it.
public enum StageKind: String, Sendable, Hashable, CaseIterable {
    /// Reads a source file and builds the article model. Runs first.
    case ingest
    /// Changes the article model, in workflow order.
    case transform
    /// Reads the model and emits diagnostics; never changes it.
    case check
    /// Writes artifacts (JATS, XSL-FO…) from the model.
    case emit
    /// Runs once per issue, after every article stage, over all articles.
    case issue
}
