import Foundation
import Testing
import KeiTestSupport

/// `kei-pipeline run issue-3-2` through the real binary: the notes' sources become a DTD-valid
/// `ref-list` (each `ref` an `element-citation` and a `mixed-citation`), every note citation links to a
/// `ref` and every `ref` is linked from a note, and the PMC Style Checker finds nothing in the notes or
/// the reference list.
@Suite(.serialized) struct CitationJATSEndToEndTests {
    static let articles = ["chips-trust-and-trade", "consultation-before-crisis"]

    func ids(_ xml: String, after marker: String) -> [String] {
        xml.components(separatedBy: marker).dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    @Test func notesBecomeALinkedReferenceList() throws {
        let out = TestPaths.temporaryDirectory("kei-cite-e2e")
        defer { try? FileManager.default.removeItem(at: out) }
        let r = try CLIHarness.runBinary(["run", "issue-3-2", "--output", out.path])
        // The gate fails only on the journal's placeholder ISSNs (emit.crossref.placeholder-issn, issue 10).
        #expect(SampleIssueGate.failsOnlyOnPlaceholderISSNs(r), "exit \(r.code): \(r.err)")
        for id in Self.articles {
            let file = out.appendingPathComponent("jats/\(id).xml")
            let xml = try String(contentsOf: file, encoding: .utf8)
            if XMLLint.dtdsAvailable {
                let lint = try XMLLint.validate(file: file)
                #expect(lint.passed, "\(id): \(lint.stderr)")
            }
            let back = String(xml[try #require(xml.range(of: "<ref-list>"), "\(id) has a ref-list").lowerBound...])
            let refs = ids(back, after: "<ref id=\"")
            #expect(refs.count >= 3, "\(id): \(refs)")
            for ref in back.components(separatedBy: "<ref id=\"").dropFirst() {
                #expect(ref.contains("<element-citation publication-type=\"") && ref.contains("<mixed-citation"), "\(id): \(ref)")
            }
            let linked = ids(xml, after: "<xref ref-type=\"bibr\" rid=\"")
            #expect(Set(linked) == Set(refs), "\(id): every citation link resolves and every ref is linked")
            let notes = CitationLinks.notes(in: xml)
            #expect(!notes.isEmpty && !notes.contains("bibr"))

            if PMCStyleChecker.available {
                let findings = PMCStyleChecker.findingsInNotesAndReferences(try PMCStyleChecker.check(file: file))
                #expect(findings.isEmpty, "\(id): PMC style checker on the notes and ref-list: \(findings)")
            }
        }
    }
}
