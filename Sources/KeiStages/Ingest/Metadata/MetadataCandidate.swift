/// One value for one metadata field, with where it came from.
struct MetadataCandidate: Sendable, Hashable {
    /// The normalised value.
    var value: String
    /// A label an editor recognises: `citation_title`, `JSON-LD headline`, `<h1>`, `visible "Published …" text`.
    var source: String
    /// The 1-based line of the element that carried the value (0 when unknown).
    var line: Int
    /// Whether a disagreement with the winning value is reported (false for weak heuristics).
    var checksConflicts: Bool = true
    /// Where the value is in the source, for the span (line and column) of a diagnostic about it.
    var origin: ValueOrigin?

    init(value: String, source: String, line: Int, checksConflicts: Bool = true, origin: ValueOrigin? = nil) {
        self.value = value
        self.source = source
        self.line = line
        self.checksConflicts = checksConflicts
        self.origin = origin
    }
}
