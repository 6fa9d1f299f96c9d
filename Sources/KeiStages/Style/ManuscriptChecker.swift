import KeiCore
import KeiDocument

/// The `manuscript` rule kind: the article as a whole against what the journal asks of a manuscript
/// (``StyleSheet/manuscript``, from the journal file's `manuscript` section; Korea Policy's author
/// guidelines: 4,500–6,000 words excluding endnotes; a title, abstract, main text with endnotes and an
/// optional appendix, in that order). A rule's `check` says which it reports:
///
/// - `length`: the words of the main text outside `min-words`…`max-words`. Main text is the abstract and
///   the body: headings, paragraphs, list items, block quotations, tables and captions, and
///   acknowledgements; the title and subtitle (front matter, not text), notes and reference entries
///   (the guidelines exclude endnotes) are not counted. A word is a word or number token of the shared
///   analysis ("U.S.-ROK" and "1,200" are one each). Message values: `{words}`, `{min}`, `{max}`.
/// - `abstract`: no abstract when the journal requires one.
/// - `order`: parts out of the journal's `parts` order, as far as the model can show it. The model puts
///   the abstract, the sections and the notes in their own slots, so the order is read from where each
///   part stands in the source (its first and last line): the abstract, the main text, the notes and
///   the appendix (top-level sections titled "Appendix …" or "Annex …"). A section left in the main text
///   under an abstract heading ("Abstract", "Summary") counts as abstract, one under a notes or
///   references heading ("Notes", "Endnotes", "References") as notes. Reported: a part that starts after
///   a part the journal puts after it has started (at the abstract: "the abstract comes after the main
///   text"), and a main-text section that comes after an appendix or a notes heading (at its heading). The title
///   is always first in the model and is not checked. Message values: `{part}`, `{after}`, `{order}`.
///
/// **Location.** `length` and `abstract` concern the whole article: their findings stand on the title,
/// with its span, when the analysis's title unit has one (the page's `<h1>`); else at line 1 of the
/// article's source with no span (a title from metadata alone has no place in the text, and a span over
/// the whole text would not say more); a suppression covering the title (or line 1) silences them. `order` findings stand on the part that is out of place: a section's heading, or the
/// first sentence of the abstract or of the first note.
struct ManuscriptChecker: StyleChecker {
    static let kind = StyleRuleKind.manuscript
    let rules: [StyleRule]
    let spec: ManuscriptSpec

    init(rules: [StyleRule], sheet: StyleSheet) {
        self.rules = rules
        spec = sheet.manuscript
    }

    /// The parts of a manuscript as the journal file names them.
    enum Part: String, CaseIterable {
        case title, abstract, body, notes, appendix

        var shown: String {
            switch self {
            case .title: return "title"
            case .abstract: return "abstract"
            case .body: return "main text"
            case .notes: return "notes"
            case .appendix: return "appendix"
            }
        }
    }

    func check(_ article: StyleArticle) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for rule in rules {
            switch rule.string("check") {
            case "length": out += length(rule, article)
            case "abstract": out += abstract(rule, article)
            case "order": out += order(rule, article)
            default: break
            }
        }
        return out
    }

    /// A whole-article finding of `rule`: on the title's words when the title unit has a source span,
    /// else at line 1 of the article's source with no span.
    func articleFinding(_ rule: StyleRule, _ article: StyleArticle, values: [String: String], fix: String) -> Diagnostic {
        if let title = article.analysis.units.first(where: { $0.scope == .title }) {
            let range = 0..<title.text.utf8Count
            if !range.isEmpty, title.span(of: range) != nil {
                return StyleFinding.make(rule, unit: title, range: range, values: values, fixText: fix)
            }
        }
        return rule.diagnostic(values, at: SourceLocation(file: article.article.source, line: 1), span: nil, fix: fix)
    }

    /// The words of the main text (see the type's documentation).
    static func mainTextWords(_ analysis: ArticleAnalysis) -> Int {
        var count = 0
        for unit in analysis.units {
            switch unit.scope {
            case .title, .subtitle, .note, .reference: continue
            default: count += unit.tokens.reduce(0) { $0 + ($1.kind == .word || $1.kind == .number ? 1 : 0) }
            }
        }
        return count
    }

    func length(_ rule: StyleRule, _ article: StyleArticle) -> [Diagnostic] {
        guard spec.minWords != nil || spec.maxWords != nil else { return [] }
        let words = Self.mainTextWords(article.analysis)
        let low = spec.minWords.map { words < $0 } ?? false
        let high = spec.maxWords.map { words > $0 } ?? false
        guard low || high else { return [] }
        let values = ["words": words.formatted(.number.grouping(.automatic).locale(.init(identifier: "en_US"))),
                      "min": spec.minWords.map { $0.formatted(.number.locale(.init(identifier: "en_US"))) } ?? "–",
                      "max": spec.maxWords.map { $0.formatted(.number.locale(.init(identifier: "en_US"))) } ?? "–",
                      "direction": low ? "short" : "long"]
        let fix = low ? "Add to the main text or agree the length with the editor." : "Cut the main text or move material to notes or an appendix."
        return [articleFinding(rule, article, values: values, fix: fix)]
    }

    func abstract(_ rule: StyleRule, _ article: StyleArticle) -> [Diagnostic] {
        guard spec.abstractRequired, !article.analysis.units.contains(where: { $0.scope == .abstract }) else { return [] }
        return [articleFinding(rule, article, values: [:], fix: "Add an abstract before the main text (a section headed “Abstract”).")]
    }

    // MARK: Order

    /// One part of the article where it stands in the source.
    struct Placed {
        var part: Part
        var first: Int
        var last: Int
        /// The unit a finding stands on.
        var unit: Int
    }

    /// The part a top-level section belongs to by its heading.
    static func part(ofSection title: [Inline]) -> Part {
        var key = InlineText.key(title.plainText)
        while let l = key.last, ":.".contains(l) { key.removeLast() }
        if SectionAssembler.abstractTitles.contains(key) { return .abstract }
        if FootnoteMarkup.backMatter(heading: title.plainText) != nil { return .notes }
        if key.hasPrefix("appendix") || key.hasPrefix("appendices") || key.hasPrefix("annex") { return .appendix }
        return .body
    }

    func order(_ rule: StyleRule, _ article: StyleArticle) -> [Diagnostic] {
        let rank = Dictionary(uniqueKeysWithValues: spec.parts.enumerated().compactMap { i, name in Part(rawValue: name).map { ($0, i) } })
        guard rank.count >= 2 else { return [] }
        // Each top-level section's part, by the section ids below it.
        var sectionPart: [String: Part] = [:]
        var topLevel: [(id: String, part: Part)] = []
        for section in article.article.sections {
            let part = Self.part(ofSection: section.title)
            topLevel.append((section.id, part))
            sectionPart[section.id] = part
        }
        func part(of unit: TextUnit) -> Part? {
            switch unit.scope {
            case .abstract: return .abstract
            case .note: return .notes
            case .title, .subtitle, .reference: return nil
            default:
                guard let id = unit.sectionID else { return nil }
                let top = String(id.split(separator: ".").first ?? Substring(id))
                return sectionPart[top] ?? .body
            }
        }
        var placed: [Part: Placed] = [:]
        for (i, unit) in article.analysis.units.enumerated() where unit.location.line > 0 {
            guard let p = part(of: unit), rank[p] != nil else { continue }
            let line = unit.location.line
            if var existing = placed[p] {
                existing.first = min(existing.first, line)
                existing.last = max(existing.last, line)
                if line < article.analysis.units[existing.unit].location.line { existing.unit = i }
                placed[p] = existing
            } else {
                placed[p] = Placed(part: p, first: line, last: line, unit: i)
            }
        }
        let order = spec.parts.compactMap(Part.init(rawValue:)).map(\.shown).joined(separator: ", ")
        var out: [Diagnostic] = []
        var reported = Set<Part>()
        // A part that starts after a part the journal puts after it has started.
        let present = placed.values.sorted { rank[$0.part]! < rank[$1.part]! }
        for (i, e) in present.enumerated() {
            guard let later = present[(i + 1)...].first(where: { $0.first < e.first }) else { continue }
            reported.insert(e.part)
            out += finding(rule, article, unit: e.unit, values: ["part": e.part.shown, "after": later.part.shown, "order": order])
        }
        // A main-text section after an appendix or a notes heading.
        var latest: (Part, Int)?
        for (id, p) in topLevel {
            guard let r = rank[p] else { continue }
            if let (after, lr) = latest, r < lr, !reported.contains(p),
               let unit = article.analysis.units.firstIndex(where: { $0.scope == .heading && $0.sectionID == id }) {
                out += finding(rule, article, unit: unit, values: ["part": p.shown, "after": after.shown, "order": order])
            }
            if latest == nil || r > latest!.1 { latest = (p, r) }
        }
        return out
    }

    func finding(_ rule: StyleRule, _ article: StyleArticle, unit index: Int, values: [String: String]) -> [Diagnostic] {
        let unit = article.analysis.units[index]
        let range = unit.scope == .heading ? 0..<unit.text.utf8Count : (unit.sentences.first ?? 0..<unit.text.utf8Count)
        guard rule.scopes.applies(to: unit, range: range) else { return [] }
        return [StyleFinding.make(rule, unit: unit, range: range, values: values,
                                  fixText: "Put the parts in the journal’s order: \(values["order"] ?? "")." )]
    }
}
