import Foundation

/// Which article each DOI of the issue was deposited for (`crossref/dois.txt` in the output folder), so that
/// `emit.crossref` can refuse a deposit that gives a registered DOI to another article (a DOI, once
/// registered with Crossref, names one work for good).
///
/// Format: UTF-8 text, `#` comment lines, then one line per DOI in the order they were first deposited:
/// `ARTICLE-ID DOI` (the workflow's article id, a single space, then the DOI to the end of the line; article
/// ids hold no spaces, a DOI may). Lines without a space are ignored. Written together with
/// `deposits.txt` (``DepositLedger``) when a deposit is recorded; a DOI already listed keeps its first owner.
public struct DOIRegistry: Sendable {
    struct Reassignment: Equatable {
        var doi: String
        /// The article id the DOI was deposited for.
        var owner: String
        /// The article id the new deposit gives it to.
        var article: String
    }

    /// Where the registry sits inside the output folder.
    public static let relativePath = "crossref/dois.txt"

    static let header = "# DOIs deposited for this issue, oldest first: article-id doi (written by emit.crossref)\n"

    /// (article id, DOI) in the order recorded.
    public var entries: [(article: String, doi: String)]

    public init(text: String) {
        entries = text.split(whereSeparator: \.isNewline).compactMap { raw in
            guard !raw.hasPrefix("#"), let space = raw.firstIndex(of: " ") else { return nil }
            let article = String(raw[..<space]), doi = String(raw[raw.index(after: space)...])
            return article.isEmpty || doi.isEmpty ? nil : (article, doi)
        }
    }

    /// The article id `doi` was first deposited for, if any.
    func owner(of doi: String) -> String? { entries.first { $0.doi == doi }?.article }

    /// The pairs of `deposit` (article id, DOI) whose DOI is recorded for another article, in `deposit` order.
    func reassignments(_ deposit: [(article: String, doi: String)]) -> [Reassignment] {
        deposit.compactMap { pair in
            guard let owner = owner(of: pair.doi), owner != pair.article else { return nil }
            return Reassignment(doi: pair.doi, owner: owner, article: pair.article)
        }
    }

    /// The file's text with the DOIs of `deposit` not yet listed appended.
    func text(adding deposit: [(article: String, doi: String)]) -> String {
        var all = entries
        for pair in deposit where !all.contains(where: { $0.doi == pair.doi }) { all.append(pair) }
        return Self.header + all.map { "\($0.article) \($0.doi)\n" }.joined()
    }
}
