import Foundation
import KeiDocument
import Yams

extension StyleLoader {
    static let vocabularyKeys = ["acronyms", "never-spelled-out", "people"]

    /// Merges one layer's `vocabulary` section into `vocabulary`, entry by entry (see ``StyleLoader``):
    /// an entry given replaces the lower layer's entry of the same acronym or name, `~` removes it, and
    /// entries not named stay. Problems are recorded with their file, line and column.
    func applyVocabulary(_ node: Node, to vocabulary: inout StyleVocabulary, reader r: inout YAMLReader) {
        for e in r.entries(node, in: "vocabulary", allowed: Self.vocabularyKeys) ?? [] {
            switch e.key {
            case "acronyms": mergeAcronyms(e.value, into: &vocabulary, reader: &r)
            case "never-spelled-out": mergeNeverSpelledOut(e.value, into: &vocabulary, reader: &r)
            default: mergePeople(e.value, into: &vocabulary, reader: &r)
            }
        }
    }

    /// Whether `acronym` can be one: space-separated words, each of letters, digits, `&`, `.` and `-`
    /// with at least one capital letter ("OPCON", "U.S.", "KORUS FTA", "G7", "Quad").
    static func isValidAcronym(_ acronym: String) -> Bool {
        let words = acronym.split(separator: " ", omittingEmptySubsequences: false)
        return !words.isEmpty && words.allSatisfy { word in
            !word.isEmpty && word.contains { $0.isUppercase }
                && word.allSatisfy { $0.isLetter || $0.isNumber || $0 == "&" || $0 == "." || $0 == "-" }
        }
    }

    private func mergeAcronyms(_ node: Node, into vocabulary: inout StyleVocabulary, reader r: inout YAMLReader) {
        guard let mapping = node.mapping else {
            r.problem(node, "vocabulary.acronyms must be a mapping of acronyms to their expansions")
            return
        }
        var seen = Set<String>()
        for (k, v) in mapping {
            guard let acronym = k.scalar?.string, Self.isValidAcronym(acronym) else {
                r.problem(k, "vocabulary.acronyms: '\(k.scalar?.string ?? "?")' is not an acronym (words of letters, digits, '&', '.', '-', each with a capital letter)")
                continue
            }
            guard seen.insert(acronym).inserted else { r.problem(k, "vocabulary.acronyms: '\(acronym)' appears twice"); continue }
            if v.tag == Tag(.null) {
                vocabulary.acronyms.removeAll { $0.acronym == acronym }
                continue
            }
            guard let expansions = r.stringList(v, "the expansion of \(acronym)") else { continue }
            let cleaned = expansions.map { $0.trimmingCharacters(in: .whitespaces) }
            guard !cleaned.isEmpty, cleaned.allSatisfy({ !$0.isEmpty }) else {
                r.problem(v, "vocabulary.acronyms: the expansion of '\(acronym)' must be a non-empty string (or a list of them)")
                continue
            }
            vocabulary.set(StyleAcronym(acronym, cleaned))
        }
    }

    private func mergeNeverSpelledOut(_ node: Node, into vocabulary: inout StyleVocabulary, reader r: inout YAMLReader) {
        func add(_ acronym: String, _ at: Node) {
            guard Self.isValidAcronym(acronym) else {
                r.problem(at, "vocabulary.never-spelled-out: '\(acronym)' is not an acronym (words of letters, digits, '&', '.', '-', each with a capital letter)")
                return
            }
            if !vocabulary.neverSpelledOut.contains(acronym) { vocabulary.neverSpelledOut.append(acronym) }
        }
        if let mapping = node.mapping {
            for (k, v) in mapping {
                guard let acronym = k.scalar?.string else { r.problem(k, "vocabulary.never-spelled-out: a key must be an acronym"); continue }
                if v.tag == Tag(.null) {
                    vocabulary.neverSpelledOut.removeAll { $0 == acronym }
                } else if let keep = r.bool(v, "vocabulary.never-spelled-out.\(acronym) (true adds it, ~ or false removes it)") {
                    if keep { add(acronym, k) } else { vocabulary.neverSpelledOut.removeAll { $0 == acronym } }
                }
            }
            return
        }
        guard let sequence = node.sequence else {
            r.problem(node, "vocabulary.never-spelled-out must be a list of acronyms (or a mapping of acronyms to true, or ~ to remove one)")
            return
        }
        for item in sequence {
            guard let acronym = item.scalar?.string else { r.problem(item, "vocabulary.never-spelled-out must be a list of acronyms"); continue }
            add(acronym, item)
        }
    }

    private func mergePeople(_ node: Node, into vocabulary: inout StyleVocabulary, reader r: inout YAMLReader) {
        guard let mapping = node.mapping else {
            r.problem(node, "vocabulary.people must be a mapping of full names to the surname a later reference uses")
            return
        }
        var seen = Set<String>()
        for (k, v) in mapping {
            guard let name = k.scalar?.string.trimmingCharacters(in: .whitespaces), !name.isEmpty else {
                r.problem(k, "vocabulary.people: a full name must be a non-empty string")
                continue
            }
            guard seen.insert(name).inserted else { r.problem(k, "vocabulary.people: '\(name)' appears twice"); continue }
            if v.tag == Tag(.null) {
                vocabulary.people.removeAll { $0.fullName == name }
                continue
            }
            guard let surname = r.string(v, "the surname of \(name)") else { continue }
            let words = name.split(separator: " ").map(String.init)
            guard words.count >= 2 else {
                r.problem(k, "vocabulary.people: '\(name)' is not a full name (give at least two words)")
                continue
            }
            guard words.contains(surname) else {
                r.problem(v, "vocabulary.people: the surname '\(surname)' is not one of the words of '\(name)'")
                continue
            }
            vocabulary.set(StylePerson(name, surname: surname))
        }
    }
}
