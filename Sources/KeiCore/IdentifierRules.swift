/// The shapes the loader checks publishing identifiers and addresses against, so that a bad value is
/// refused at its line in the workflow or journal file instead of reaching a deposit.
public enum IdentifierRules {
    /// Whether `s` is a DOI as Crossref's schema 5.3.1 (`doi_t`) and its documentation take it:
    /// `10.` + 4 to 9 digits + `/` + a suffix of at least one character, no whitespace, no `"`, `<`, `>`.
    public static func isDOI(_ s: String) -> Bool {
        guard s.hasPrefix("10.") else { return false }
        let rest = s.dropFirst(3)
        guard let slash = rest.firstIndex(of: "/") else { return false }
        let prefix = rest[..<slash]
        let suffix = rest[rest.index(after: slash)...]
        return (4...9).contains(prefix.count) && prefix.allSatisfy { $0.isASCII && $0.isNumber } && !suffix.isEmpty
            && s.count <= 2048 && !s.unicodeScalars.contains { $0.properties.isWhitespace || "\"<>".unicodeScalars.contains($0) || $0.value < 0x20 }
    }

    /// Whether `s` looks like an e-mail address: one `@` with text on both sides, a dot in the domain,
    /// no whitespace and none of `<>&"` (what Crossref's `email_address` and JATS `email` can hold safely).
    public static func isEmailAddress(_ s: String) -> Bool {
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else { return false }
        return !s.unicodeScalars.contains { $0.properties.isWhitespace || "<>&\"".unicodeScalars.contains($0) || $0.value < 0x20 }
    }

    /// Whether `s` is an absolute `http:` or `https:` URL with a host and no whitespace (so no
    /// `javascript:`, `ftp:` or relative link becomes a resource URL).
    public static func isHTTPURL(_ s: String) -> Bool {
        let lower = s.lowercased()
        guard let scheme = ["https://", "http://"].first(where: { lower.hasPrefix($0) }) else { return false }
        let host = s.dropFirst(scheme.count).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return !host.isEmpty && !s.unicodeScalars.contains { $0.properties.isWhitespace || "\"<>".unicodeScalars.contains($0) || $0.value < 0x20 }
    }

    /// The `@article-type` values the PMC Style Checker 5.31 accepts (stylecheck-named-tests.xsl, which
    /// follows the JATS 1.3 Tag Library's suggested values).
    public static let articleTypes = [
        "abstract", "addendum", "admin", "advert", "announcement", "article-commentary", "book-review", "books-received",
        "brief-report", "calendar", "case-report", "chapter-article", "collection", "correction", "cover", "data-paper",
        "discussion", "editorial", "expression-of-concern", "filler", "in-brief", "index", "introduction", "letter",
        "meeting-report", "methods-article", "news", "obituary", "oration", "other", "product-review", "protocol",
        "rapid-communication", "reply", "report", "research-article", "retraction", "review-article", "systematic-review",
        "toc", "tutorial",
    ]
}
