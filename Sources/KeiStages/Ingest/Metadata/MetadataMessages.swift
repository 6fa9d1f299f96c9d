import KeiCore

/// The diagnostics ``MetadataExtractor`` can emit; ``IngestHTMLStage`` lists them in its description.
public enum MetadataMessages {
    /// Two sources give different values for one field; the higher-precedence one was used.
    public static let conflict = StageMessage("ingest.metadata-conflict", .warning,
        "Two metadata sources on the page disagree (e.g. citation_publication_date vs the visible date); the higher-precedence source was used.")
    /// A machine-readable date could not be read as a real calendar date and was ignored.
    public static let dateInvalid = StageMessage("ingest.date-invalid", .warning,
        "A machine-readable date (meta tag, <time datetime>, JSON-LD) is not a valid calendar date (e.g. 2025-13-45); it was ignored.")
    /// A machine or visible date is a placeholder (the Unix epoch, the WordPress zero date, 1900-01-01), ignored.
    public static let placeholderDate = StageMessage("ingest.placeholder-date", .warning,
        "A date is a placeholder that systems write when there is none (the Unix epoch 1970-01-01, the WordPress zero date 0000-00-00, 1900-01-01); it was ignored and any real date used.")
    /// No title, or no publication date, was found in any source.
    public static let missing = StageMessage("ingest.metadata-missing", .warning,
        "The page has no title or no publication date in any source the ingester reads.")
    /// A JSON-LD block could not be parsed as JSON and was skipped.
    public static let jsonLDInvalid = StageMessage("ingest.jsonld-invalid", .info,
        "A <script type=\"application/ld+json\"> block is not valid JSON; it was skipped.")

    /// Every message above, for ``IngestHTMLStage``'s description.
    public static let all: [StageMessage] = [conflict, dateInvalid, placeholderDate, missing, jsonLDInvalid]
}
