import Foundation
import Testing
import KeiCore
import KeiTestSupport

/// The style files' top-level `vocabulary`: merged across layers entry by entry, errors at file:line:column.
@Suite struct StyleVocabularyTests {
    /// Loads `files` (name → text; the last one is the top layer) from a fresh folder.
    static func load(_ files: [(String, String)]) throws -> StyleSheet {
        let dir = TestPaths.temporaryDirectory("kei-style")
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
        return try StyleLoader(display: { $0.lastPathComponent }).load([dir.appendingPathComponent(files.last!.0)])
    }

    static func problems(_ files: [(String, String)]) -> [String] {
        guard case .failure(let error as WorkflowError) = Result(catching: { try load(files) }) else { return [] }
        return error.problems.map { "\($0.location): \($0.message)" }
    }

    static let base = """
        name: base
        vocabulary:
          acronyms:
            OPCON: operational control
            NCG: Nuclear Consultative Group
            MOU: [Ministry of Unification, memorandum of understanding]
          never-spelled-out: [U.S., UN, NATO]
          people:
            Lee Jae Myung: Lee
            Donald Trump: Trump
        """

    @Test func aLaterLayerAddsChangesAndRemovesSingleEntries() throws {
        let journal = """
            name: journal
            extends: base.yml
            vocabulary:
              acronyms:
                OPCON: wartime operational control
                NCG: ~
                USFK: United States Forces Korea
              never-spelled-out: {NATO: ~, GDP: true}
              people:
                Donald Trump: ~
                Kim Jong Un: Kim
            """
        let v = try Self.load([("base.yml", Self.base), ("journal.yml", journal)]).vocabulary
        #expect(v.acronyms.map(\.acronym) == ["OPCON", "MOU", "USFK"])
        #expect(v.acronym("OPCON")?.expansions == ["wartime operational control"])
        #expect(v.acronym("MOU")?.expansions == ["Ministry of Unification", "memorandum of understanding"])
        #expect(v.neverSpelledOut == ["U.S.", "UN", "GDP"])
        #expect(v.people.map(\.fullName) == ["Lee Jae Myung", "Kim Jong Un"])
        #expect(v.people.last?.surname == "Kim")
    }

    @Test func aLayerWithoutVocabularyOrWithAListKeepsTheLowerEntries() throws {
        let listOnly = "name: top\nextends: base.yml\nvocabulary:\n  never-spelled-out: [EU]\n"
        let v = try Self.load([("base.yml", Self.base), ("top.yml", listOnly)]).vocabulary
        #expect(v.acronyms.count == 3)
        #expect(v.neverSpelledOut == ["U.S.", "UN", "NATO", "EU"])
        #expect(v.people.count == 2)
        let none = try Self.load([("base.yml", Self.base), ("top.yml", "name: top\nextends: base.yml\n")]).vocabulary
        #expect(none == (try Self.load([("base.yml", Self.base)])).vocabulary)
    }

    @Test func problemsAreReportedAtFileLineAndColumn() {
        let bad = """
            name: bad
            vocabulary:
              acronyms:
                opcon: operational control
                NCG: [ ]
              never-spelled-out: U.S.
              people:
                Trump: Trump
                Lee Jae Myung: Park
              peoples: {}
            """
        let problems = Self.problems([("bad.yml", bad)])
        #expect(problems.contains { $0.hasPrefix("bad.yml:4:5: vocabulary.acronyms: 'opcon' is not an acronym") })
        #expect(problems.contains { $0.hasPrefix("bad.yml:5:10: vocabulary.acronyms: the expansion of 'NCG' must be a non-empty string") })
        #expect(problems.contains { $0.hasPrefix("bad.yml:6:22: vocabulary.never-spelled-out must be a list") })
        #expect(problems.contains { $0.hasPrefix("bad.yml:8:5: vocabulary.people: 'Trump' is not a full name") })
        #expect(problems.contains { $0.hasPrefix("bad.yml:9:20: vocabulary.people: the surname 'Park' is not one of the words of 'Lee Jae Myung'") })
        #expect(problems.contains { $0.hasPrefix("bad.yml:10:3: unknown key 'peoples' in vocabulary (did you mean 'people'?)") })
        #expect(problems.count == 6)
    }

    @Test func theShippedStyleHasTheFieldsAcronymsAndPeople() throws {
        let sheet = try StyleLoader().load([TestPaths.workflows.appendingPathComponent("styles/korea-policy.yml")])
        let v = sheet.vocabulary
        #expect(v.acronyms.count >= 40)
        for a in ["OPCON", "USFK", "CFC", "NCG", "ROK", "DPRK", "KORUS FTA", "THAAD", "ICBM", "MOU"] {
            #expect(v.acronym(a) != nil, "\(a)")
        }
        #expect(v.acronym("MOU")?.expansions.count == 2)
        #expect(v.neverSpelledOut.contains("U.S."))
        #expect(v.people.contains(StylePerson("Lee Jae Myung", surname: "Lee")))
        #expect(v.people.contains(StylePerson("Sergey Lavrov", surname: "Lavrov")))
        for a in ["KAMD", "KMPR", "HEU", "CVID", "DoD"] { #expect(v.acronym(a) != nil, "\(a)") }
        #expect(sheet.rules(of: .firstUse).count == 6)
        #expect(sheet.rules(of: .manuscript).count == 3)
    }
}
