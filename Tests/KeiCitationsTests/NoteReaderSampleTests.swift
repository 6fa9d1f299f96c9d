import Foundation
import Testing
import KeiCitations
import KeiTestSupport

@Suite struct NoteReaderSampleTests {
    @Test func dumpCorpus() throws {
        for name in ["Samples/issue-3-2/consultation-before-crisis.html", "Samples/issue-3-2/chips-trust-and-trade.html",
                     "../shared/testdata/readability/wikipedia/source.html", "../shared/testdata/readability/google-sre-book-1/source.html"] {
            let r = try NoteReading(file: TestPaths.root.appendingPathComponent(name))
            print("== \(name)\n\(r.dump)")
        }
    }
}
