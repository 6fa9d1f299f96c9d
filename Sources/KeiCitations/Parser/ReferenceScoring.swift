import Foundation

/// Field-level scoring of parsed references against gold labels, measured on the CSL-JSON output
/// (what `kei-pipeline cite parse` prints), as the dev-set test and `make bench-cite` report it.
///
/// Gold labels (AnyStyle's) map to CSL keys: author, editor, translator → the same name lists;
/// title; container-title and journal → container-title; collection-title; volume → volume and
/// issue (AnyStyle's volume label includes the issue: "1(1)", "12, no. 3"); pages → page; date →
/// issued; location → publisher-place; publisher; edition; genre; url → URL; doi → DOI; isbn → ISBN;
/// note → note, except a note that is an access date ("Accessed May 29, 2013.") → accessed.
/// Labels with no CSL key (``unscoredLabels``: citation-number, source, medium, director, producer,
/// accessed) are not scored.
///
/// Both sides are normalised before comparison: lower case, white space collapsed, dash variants made
/// "-", surrounding punctuation, quotation marks and brackets removed, and "pp."/"p."/"pages"/"page"/
/// "vol."/"no."/"ed."/"url:"/"available:" prefixes and "ed."/"edn." words dropped; URLs also lose all
/// white space (a URL broken across lines). Names are compared as the set of their words without "and", "&", "et al.",
/// "eds."/"ed."/"trans." and "In"; volume as the words of volume and issue; dates by year (the text
/// when there is no year); DOI without "doi:" or a resolver. For each reference and key: equal values
/// are a true positive; a predicted value that differs is a false positive and a false negative; a
/// key only in the gold is a false negative, only in the prediction a false positive.
public enum ReferenceScoring {
    public static let labelToKey: [String: String] = [
        "author": "author", "editor": "editor", "translator": "translator", "title": "title",
        "container-title": "container-title", "journal": "container-title", "collection-title": "collection-title",
        "volume": "volume", "pages": "page", "date": "issued", "location": "publisher-place", "publisher": "publisher",
        "edition": "edition", "genre": "genre", "url": "URL", "doi": "DOI", "isbn": "ISBN", "note": "note",
    ]
    public static let unscoredLabels = ["accessed", "citation-number", "director", "medium", "producer", "source"]
    static let nameKeys: Set<String> = ["author", "editor", "translator"]

    public struct Counts: Sendable, Hashable {
        public var truePositives = 0
        public var falsePositives = 0
        public var falseNegatives = 0
        public init() {}
        public var precision: Double { ratio(truePositives, truePositives + falsePositives) }
        public var recall: Double { ratio(truePositives, truePositives + falseNegatives) }
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
        func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }
        mutating func add(_ o: Counts) {
            truePositives += o.truePositives; falsePositives += o.falsePositives; falseNegatives += o.falseNegatives
        }
    }

    public struct Table: Sendable {
        public var fields: [String: Counts] = [:]
        public var references = 0
        public init() {}
        public var micro: Counts {
            var total = Counts()
            for c in fields.values { total.add(c) }
            return total
        }

        /// A fixed-width table: key, gold count, precision, recall, F1, then the micro average.
        public func render() -> String {
            var s = "field              gold  pred    P      R      F1\n"
            func row(_ name: String, _ c: Counts) -> String {
                let gold = c.truePositives + c.falseNegatives
                let pred = c.truePositives + c.falsePositives
                return name.padding(toLength: 17, withPad: " ", startingAt: 0)
                    + String(format: "%6d%6d  %.3f  %.3f  %.3f\n", gold, pred, c.precision, c.recall, c.f1)
            }
            for key in fields.keys.sorted() { s += row(key, fields[key]!) }
            s += row("micro", micro)
            s += "(\(references) references; not scored: \(ReferenceScoring.unscoredLabels.joined(separator: ", ")))\n"
            return s
        }
    }

    /// Adds one reference's comparison to `table`.
    /// - Parameters:
    ///   - gold: AnyStyle label → the raw slices of the string with that label.
    ///   - item: the parser's CSL item for the same string.
    public static func score(gold: [String: [String]], item: CSLItem, into table: inout Table) {
        let g = goldValues(gold)
        let p = predictedValues(item)
        for key in Set(g.keys).union(p.keys) {
            var c = Counts()
            switch (g[key], p[key]) {
            case let (a?, b?): if a == b { c.truePositives = 1 } else { c.falsePositives = 1; c.falseNegatives = 1 }
            case (_?, nil): c.falseNegatives = 1
            case (nil, _?): c.falsePositives = 1
            default: break
            }
            table.fields[key, default: Counts()].add(c)
        }
        table.references += 1
    }

    /// The keys where the normalised gold and predicted values differ: (key, gold, predicted), sorted by key.
    public static func differences(gold: [String: [String]], item: CSLItem) -> [(String, String?, String?)] {
        let g = goldValues(gold)
        let p = predictedValues(item)
        return Set(g.keys).union(p.keys).sorted().compactMap { g[$0] == p[$0] ? nil : ($0, g[$0], p[$0]) }
    }

    /// Gold values by CSL key, normalised.
    static func goldValues(_ gold: [String: [String]]) -> [String: String] {
        var raw: [String: [String]] = [:]
        for (label, slices) in gold {
            if label == "note" {
                for s in slices {
                    if ReferenceNormalizer.accessedDate(s) != nil { raw["accessed", default: []].append(s) }
                    else { raw["note", default: []].append(s) }
                }
                continue
            }
            guard let key = labelToKey[label] else { continue }
            raw[key, default: []].append(contentsOf: slices)
        }
        var out: [String: String] = [:]
        for (key, slices) in raw {
            let v: String
            switch key {
            case _ where nameKeys.contains(key): v = nameWords(slices.joined(separator: " "))
            case "volume": v = volumeWords(slices.joined(separator: " "))
            case "issued", "accessed": v = dateValue(slices.joined(separator: " "))
            case "DOI": v = normalise(ReferenceNormalizer.bareDOI(slices.joined(separator: " ")) ?? slices.joined(separator: " "))
            case "note": v = slices.map(normalise).joined(separator: " ")
            case "URL": v = urlValue(slices.joined(separator: " "))
            default: v = normalise(slices.joined(separator: " "))
            }
            if !v.isEmpty { out[key] = v }
        }
        return out
    }

    /// Predicted values by CSL key, normalised the same way.
    static func predictedValues(_ item: CSLItem) -> [String: String] {
        var out: [String: String] = [:]
        func names(_ list: [CSLName]?) -> String? {
            guard let list, !list.isEmpty else { return nil }
            return nameWords(list.map { [$0.given, $0.family, $0.literal].compactMap { $0 }.joined(separator: " ") }.joined(separator: " "))
        }
        out["author"] = names(item.author)
        out["editor"] = names(item.editor)
        out["translator"] = names(item.translator)
        out["title"] = item.title.map(normalise)
        out["container-title"] = item.containerTitle.map(normalise)
        out["collection-title"] = item.collectionTitle.map(normalise)
        if item.volume != nil || item.issue != nil {
            out["volume"] = volumeWords([item.volume, item.issue].compactMap { $0 }.joined(separator: " "))
        }
        out["page"] = item.page.map(normalise)
        out["issued"] = item.issued.map { $0.year.map(String.init) ?? normalise($0.literal ?? "") }
        out["accessed"] = item.accessed.map { $0.year.map(String.init) ?? normalise($0.literal ?? "") }
        out["publisher-place"] = item.publisherPlace.map(normalise)
        out["publisher"] = item.publisher.map(normalise)
        out["edition"] = item.edition.map(normalise)
        out["genre"] = item.genre.map(normalise)
        out["URL"] = item.url.map(urlValue)
        out["DOI"] = item.doi.map(normalise)
        out["ISBN"] = item.isbn.map(normalise)
        out["note"] = item.note.map(normalise)
        return out.filter { !$0.value.isEmpty }
    }

    static let prefixes = ["pp.", "p.", "pages ", "page ", "vol.", "no.", "ed.", "doi:", "isbn", "in ", "url:", "available:", "available at:"]

    /// Lower case, dashes as "-", white space collapsed, outer punctuation and brackets and the
    /// ``prefixes`` ("pp.", "pages", "url:"…) removed; "ed."/"edn."/"edition" words removed.
    public static func normalise(_ text: String) -> String {
        var s = text.lowercased()
        for dash in ["–", "—", "‐", "‑", "−"] { s = s.replacingOccurrences(of: dash, with: "-") }
        s = ReferenceTokenizer.collapsingWhitespace(s)
        var changed = true
        while changed {
            changed = false
            let t = s.trimmingCharacters(in: ReferenceNormalizer.outerPunctuation)
            if t != s { s = t; changed = true }
            for p in prefixes where s.hasPrefix(p) {
                s = String(s.dropFirst(p.count)).trimmingCharacters(in: .whitespaces); changed = true
            }
        }
        let words = s.split(separator: " ").filter { !["ed.", "edn.", "edn", "edition", "ed"].contains($0) }
        s = words.joined(separator: " ").replacingOccurrences(of: "- ", with: "-").replacingOccurrences(of: " -", with: "-")
        return s.trimmingCharacters(in: ReferenceNormalizer.outerPunctuation)
    }

    /// A URL normalised, then without white space (a URL holds none; line breaks put some in the text).
    static func urlValue(_ text: String) -> String {
        normalise(text).filter { !$0.isWhitespace }
    }

    static let nameStopWords: Set<String> = ["and", "&", "et", "al", "eds", "ed", "editor", "editors", "edited", "by",
                                             "in", "trans", "translated", "translator", "hrsg", "hg", "with"]

    /// The sorted set of a name list's words, lower case, without punctuation or role words.
    static func nameWords(_ text: String) -> String {
        let words = text.lowercased().split(whereSeparator: { $0.isWhitespace || $0 == "," || $0 == "." || $0 == "(" || $0 == ")" || $0 == ";" })
            .map { $0.trimmingCharacters(in: ReferenceNormalizer.outerPunctuation) }
            .filter { !$0.isEmpty && !nameStopWords.contains($0) }
        return Set(words).sorted().joined(separator: " ")
    }

    /// The letter-and-digit words of a volume (and issue), without "vol", "no", "issue".
    static func volumeWords(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) })
            .filter { !["vol", "vols", "volume", "no", "nos", "issue", "nr", "number"].contains($0) }
            .joined(separator: " ")
    }

    /// The year of a date ("(1999)." → "1999"), or its normalised text when it has none.
    static func dateValue(_ text: String) -> String {
        if let year = ReferenceDateParser.parse(text)?.year { return String(year) }
        return normalise(text)
    }
}
