import KeiCore
import KeiDocument

/// The `first-use` rule kind: acronyms spelled out at their first use, and a person's full name before
/// the surname alone. Every rule reads the style's vocabulary (``StyleSheet/vocabulary``); its `check`
/// says which of these it reports (``StyleFirstUseCheck``):
///
/// - `acronym-defined`: the first use of an acronym in a part (the abstract; the body with its notes,
///   see ``FirstUsePlace``) is not its definition and no definition follows in that part. Reported at
///   that use, with "expansion (ACRONYM)" as the fix (none for an ambiguous acronym or a plural or
///   possessive use, where the expansion would need rewording). A definition in quoted words counts as
///   one (``FirstUsePlace/informs``); the message names the use's part (abstract, main text, notes).
/// - `acronym-before-definition`: an acronym used in a part before the definition that part gives
///   later. Reported at the first such use (the message counts the others and says where the definition
///   is: "later in this paragraph", "later on line N" or "line N"), with the same fix.
/// - `acronym-defined-twice`: a second definition of the same term in the same part (the body may
///   define again what the abstract defined; a note may define again what the body defined, as endnotes
///   are read on their own). Reported also when the acronym has no other use: written alone, the second
///   one is the use. The fix writes the acronym alone. Quoted definitions count but are not reported.
/// - `acronym-two-meanings`: a definition of another term with the same letters ("Ministry of
///   Unification (MOU)", then "memorandum of understanding (MOU)") in the same segment; reported at the
///   new term's definition, no fix. Terms are compared by ``AcronymScanner/sameMeaning(_:_:)``; a
///   definition whose expansion was not recognized is taken as the same term.
/// - `acronym-unused`: a part that defines an acronym and never uses it after its first definition, in
///   the author's words, a quotation, a table or a caption (CMOS 17th ed., 10.3: no abbreviation for a
///   term used once), and does not define it again (then `acronym-defined-twice` reports). Every
///   definition in the part is reported. The fix drops " (ACRONYM)" (or, for "ACRONYM (expansion)",
///   keeps the expansion).
/// - `full-name-first`: a surname alone ("Trump") before the person's full name ("Donald Trump") first
///   appears; reported only when the full name does appear later in the article (abstract, body and
///   notes in reading order; a full name in the abstract counts for the body), so a "Kim" who is
///   another Kim is not reported unless the article names a Kim of the vocabulary in full only later.
///   The fix writes the full name.
///
/// Acronyms in `never-spelled-out` are never reported. Findings are made only where the rule's scopes
/// apply (quotations, cited titles, URLs and code are outside the default scopes); which words count as
/// definitions and uses is ``FirstUsePlace``'s and ``AcronymScanner``'s.
struct FirstUseChecker: StyleChecker {
    static let kind = StyleRuleKind.firstUse
    let rules: [StyleRule]
    let acronyms: AcronymScanner
    let names: NameScanner
    let vocabulary: StyleVocabulary

    init(rules: [StyleRule], sheet: StyleSheet) {
        self.rules = rules
        vocabulary = sheet.vocabulary
        acronyms = AcronymScanner(vocabulary: sheet.vocabulary)
        names = NameScanner(vocabulary: sheet.vocabulary)
    }

    func check(_ article: StyleArticle) -> [Diagnostic] {
        let checks = rules.map { rule in (rule, rule.string("check").flatMap(StyleFirstUseCheck.init(rawValue:))) }
        var out: [Diagnostic] = []
        let checksAcronyms = checks.contains(where: { $0.1 != .fullNameFirst && $0.1 != nil })
        let checksNames = !names.isEmpty && checks.contains(where: { $0.1 == .fullNameFirst })
        // Both scanners read the same word pieces: cut each unit once per article.
        let pieces = checksAcronyms || checksNames ? Self.pieces(of: article.analysis) : []
        if checksAcronyms {
            let occurrences = acronyms.scan(article.analysis, pieces: pieces)
            var byAcronym: [String: [AcronymOccurrence]] = [:]
            var order: [String] = []
            for o in occurrences {
                if byAcronym[o.acronym] == nil { order.append(o.acronym) }
                byAcronym[o.acronym, default: []].append(o)
            }
            let expansions = articleExpansions(occurrences)
            for acronym in order {
                for segment in [0, 1] {
                    let list = byAcronym[acronym]!.filter { $0.place.part.segment == segment }
                    guard !list.isEmpty else { continue }
                    for (rule, check) in checks {
                        guard let check else { continue }
                        out += findings(check, rule: rule, acronym: acronym, occurrences: list,
                                        expansions: expansions[acronym] ?? [], article: article)
                    }
                }
            }
        }
        if checksNames {
            for (rule, check) in checks where check == .fullNameFirst {
                out += fullNameFindings(rule, article: article, pieces: pieces)
            }
        }
        return out
    }

    /// The word pieces (``WordPiece/pieces(of:)``) of each unit of `analysis` that stands in a first-use
    /// part (``FirstUsePlace/part(of:)``), empty for the others: `pieces[i]` for `analysis.units[i]`.
    static func pieces(of analysis: ArticleAnalysis) -> [[WordPiece]] {
        analysis.units.map { FirstUsePlace.part(of: $0.scope) == nil ? [] : WordPiece.pieces(of: $0) }
    }

    /// What each acronym stands for: the article's own expansion (its first definition that gives one,
    /// the author's before a quotation's), else the vocabulary's.
    func articleExpansions(_ occurrences: [AcronymOccurrence]) -> [String: [String]] {
        var out: [String: [String]] = [:]
        for active in [true, false] {
            for o in occurrences where o.kind == .definition && o.place.informs && o.place.isActive == active {
                if out[o.acronym] == nil, let e = o.expansion, !e.isEmpty { out[o.acronym] = [e] }
            }
        }
        for entry in vocabulary.acronyms where out[entry.acronym] == nil { out[entry.acronym] = entry.expansions }
        return out
    }

    // MARK: Acronyms

    /// The findings of `check` for one acronym's `occurrences` in one segment (the abstract, or the body
    /// with its notes), in reading order.
    func findings(_ check: StyleFirstUseCheck, rule: StyleRule, acronym: String, occurrences: [AcronymOccurrence],
                  expansions: [String], article: StyleArticle) -> [Diagnostic] {
        // The definitions that tell the reader what the letters mean (the author's or quoted words).
        let definitions = occurrences.filter { $0.kind == .definition && $0.place.informs }
        let expansion = expansions.joined(separator: " or ")
        switch check {
        case .acronymDefined, .acronymBeforeDefinition:
            // The author's uses and every definition, in reading order.
            let relevant = occurrences.filter { $0.kind == .definition ? $0.place.informs : $0.place.isActive }
            guard let first = relevant.first, first.kind == .use else { return [] }
            let definedLater = !definitions.isEmpty
            guard definedLater == (check == .acronymBeforeDefinition) else { return [] }
            let usesBefore = relevant.prefix { $0.kind == .use }.count
            var values = ["acronym": acronym, "expansion": expansion, "uses": String(usesBefore), "part": first.part.shown]
            if let d = definitions.first { values["defined-at"] = where_(d, from: first, article: article) }
            guard !expansions.isEmpty || definedLater else { return [] }
            return report(rule, first, article: article, values: values,
                          spelledOut: spelledOut(first, acronym: acronym, expansions: expansions, article: article))
        case .acronymDefinedTwice:
            var out: [Diagnostic] = []
            for (i, d) in definitions.enumerated() where repeats(d, definitions[..<i]) {
                let unit = article.analysis.units[d.unit]
                // The acronym alone replaces the whole definition, when its expansion was recognized.
                let range = d.whole ?? d.range
                guard d.place.isActive, rule.scopes.applies(to: unit, range: range) else { continue }
                let earlier = definitions[..<i].first { $0.part == d.part }!
                out.append(StyleFinding.make(rule, unit: unit, range: range, replacement: d.whole.map { _ in unit.string(of: d.core) },
                                             values: ["acronym": acronym, "expansion": expansion, "part": d.part.shown,
                                                      "defined-at": where_(earlier, from: d, article: article)]))
            }
            return out
        case .acronymTwoMeanings:
            // Each definition whose expansion differs from every earlier one in the segment.
            var out: [Diagnostic] = []
            for (i, d) in definitions.enumerated() {
                guard let e = d.expansion,
                      let other = definitions[..<i].first(where: { $0.expansion != nil && !AcronymScanner.sameMeaning($0.expansion!, e) }),
                      !definitions[..<i].contains(where: { $0.expansion.map { AcronymScanner.sameMeaning($0, e) } ?? false }) else { continue }
                let unit = article.analysis.units[d.unit]
                guard d.place.isActive, rule.scopes.applies(to: unit, range: d.range) else { continue }
                out.append(StyleFinding.make(rule, unit: unit, range: d.whole ?? d.range,
                                             values: ["acronym": acronym, "expansion": e, "other": other.expansion!,
                                                      "part": d.part.shown, "defined-at": where_(other, from: d, article: article)],
                                             fixText: "Give one of the terms another abbreviation, or write it out in full throughout."))
            }
            return out
        case .acronymUnused:
            // Unused: no use follows the segment's first definition, and no second definition of the same
            // term in its part (acronym-defined-twice reports that one: written as the acronym alone, it is
            // the use). Then every definition is reported: each should lose its acronym.
            guard let first = definitions.first, let at = occurrences.firstIndex(where: { $0.range == first.range && $0.unit == first.unit }),
                  !occurrences[(at + 1)...].contains(where: { $0.kind == .use }),
                  !definitions.indices.contains(where: { repeats(definitions[$0], definitions[..<$0]) }) else { return [] }
            var out: [Diagnostic] = []
            for o in definitions {
                let unit = article.analysis.units[o.unit]
                guard rule.scopes.applies(to: unit, range: o.range) else { continue }
                out.append(StyleFinding.make(rule, unit: unit, range: o.range, replacement: o.drop?.replacement,
                                             values: ["acronym": acronym, "expansion": expansion, "part": o.part.shown],
                                             fixText: o.drop.map { $0.replacement.isEmpty ? "Delete “\(unit.string(of: $0.range))”." : "Write “\($0.replacement)”." },
                                             editRange: o.drop?.range))
            }
            return out
        case .fullNameFirst:
            return []
        }
    }

    /// Whether definition `d` spells out again, in the same part, a term an `earlier` definition spelled
    /// out (an unrecognized expansion counts as the same term).
    func repeats(_ d: AcronymOccurrence, _ earlier: ArraySlice<AcronymOccurrence>) -> Bool {
        earlier.contains { e in
            e.part == d.part && (e.expansion == nil || d.expansion == nil || AcronymScanner.sameMeaning(e.expansion!, d.expansion!))
        }
    }

    /// Where occurrence `o` stands, as a message says it to a reader at occurrence `from`.
    func where_(_ o: AcronymOccurrence, from: AcronymOccurrence, article: StyleArticle) -> String {
        Self.place(unit: o.unit, offset: o.range.lowerBound, from: (from.unit, from.range.lowerBound), article: article)
    }

    /// Where the words at UTF-8 `offset` of unit `unit` stand, for a message read at `from` (unit,
    /// offset): "later in this paragraph" (or "earlier …", "… in this note") in the same unit, "later on
    /// line N" in another unit on the same source line, else "line N" (1-based source line of the unit).
    static func place(unit: Int, offset: Int, from: (unit: Int, offset: Int), article: StyleArticle) -> String {
        let target = article.analysis.units[unit]
        let direction = (unit, offset) > from ? "later" : "earlier"
        if unit == from.unit { return "\(direction) in this \(target.scope.blockName)" }
        let line = target.location.line
        return line == article.analysis.units[from.unit].location.line ? "\(direction) on line \(line)" : "line \(line)"
    }

    /// "expansion (ACRONYM)" to replace a bare use, when one expansion fits and the use has no ending.
    func spelledOut(_ use: AcronymOccurrence, acronym: String, expansions: [String], article: StyleArticle) -> String? {
        guard expansions.count == 1, let expansion = expansions.first, use.core == use.range else { return nil }
        let unit = article.analysis.units[use.unit]
        var text = expansion
        if unit.sentences.contains(where: { $0.lowerBound == use.range.lowerBound }), let f = text.first, f.isLowercase {
            text = f.uppercased() + text.dropFirst()
        }
        return "\(text) (\(unit.string(of: use.core)))"
    }

    func report(_ rule: StyleRule, _ o: AcronymOccurrence, article: StyleArticle, values: [String: String],
                spelledOut: String?) -> [Diagnostic] {
        let unit = article.analysis.units[o.unit]
        guard rule.scopes.applies(to: unit, range: o.range) else { return [] }
        let fixText = spelledOut == nil && !(values["expansion"] ?? "").isEmpty
            ? "Spell it out at its first use: \(values["expansion"]!) (\(values["acronym"]!))." : nil
        return [StyleFinding.make(rule, unit: unit, range: o.range, replacement: spelledOut, values: values, fixText: fixText)]
    }

    // MARK: People

    func fullNameFindings(_ rule: StyleRule, article: StyleArticle, pieces: [[WordPiece]]) -> [Diagnostic] {
        let mentions = names.scan(article.analysis, pieces: pieces)
        var firstFull: [Int: Int] = [:]
        for (i, m) in mentions.enumerated() where m.kind == .fullName {
            if firstFull[m.people[0]] == nil { firstFull[m.people[0]] = i }
        }
        var reported = Set<String>()
        var out: [Diagnostic] = []
        for (i, m) in mentions.enumerated() where m.kind == .surname && m.place.isActive {
            let surname = names.people[m.people[0]].surname
            guard !reported.contains(surname) else { continue }
            let named = m.people.filter { firstFull[$0] != nil }
            // Named in full before, or never in full (perhaps another person of that surname): not reported.
            guard !named.isEmpty, named.allSatisfy({ firstFull[$0]! > i }) else { continue }
            reported.insert(surname)
            let unit = article.analysis.units[m.unit]
            guard rule.scopes.applies(to: unit, range: m.range) else { continue }
            let fullNames = named.map { names.people[$0].fullName }
            let full = mentions[named.map { firstFull[$0]! }.min()!]
            let later = Self.place(unit: full.unit, offset: full.range.lowerBound, from: (m.unit, m.range.lowerBound), article: article)
            out.append(StyleFinding.make(rule, unit: unit, range: m.core, replacement: fullNames.count == 1 ? fullNames[0] : nil,
                                         values: ["surname": surname, "name": fullNames.joined(separator: " or "),
                                                  "named-at": later]))
        }
        return out
    }
}

private extension AcronymOccurrence {
    var part: FirstUsePlace.Part { place.part }
}

private extension FirstUsePlace.Part {
    /// The part as a message names it.
    var shown: String {
        switch self {
        case .abstract: return "abstract"
        case .body: return "main text"
        case .notes: return "notes"
        }
    }
}

private extension TextScope {
    /// What a reader calls a block of this scope ("later in this paragraph").
    var blockName: String {
        switch self {
        case .abstract, .paragraph: return "paragraph"
        case .listItem: return "list item"
        case .quotation: return "quotation"
        case .tableCell: return "table cell"
        case .caption: return "caption"
        case .note: return "note"
        case .title, .subtitle, .heading, .reference: return "line"
        }
    }
}
