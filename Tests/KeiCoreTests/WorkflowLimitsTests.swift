import Foundation
import KeiCore
import KeiTestSupport
import Testing

/// The workflow's `limits:` keys (`max-source-bytes`, `max-elements`, `max-words`).
@Suite struct WorkflowLimitsTests {
    @Test func bothLimitsAreRead() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        let wf = try p.load("limits:\n  max-source-bytes: 4096\n  max-elements: 250\nstages: [ingest.html]\n")
        #expect(wf.limits == Limits(maxSourceBytes: 4096, maxElements: 250))
        let defaults = try p.load("stages: [ingest.html]\n")
        #expect(defaults.limits == Limits())
    }

    @Test func aLimitMustBePositive() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        #expect(p.problems("limits:\n  max-elements: 0\nstages: [ingest.html]\n")
                == ["Workflows/w.yml:2:17: error: limits.max-elements must be positive"])
        #expect(p.problems("limits:\n  max-source-bytes: -1\nstages: [ingest.html]\n")
                == ["Workflows/w.yml:2:21: error: limits.max-source-bytes must be positive"])
    }

    @Test func maxWordsIsReadAndZeroMeansNoLimit() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        #expect(try p.load("limits:\n  max-words: 50\nstages: [ingest.html]\n").limits.maxWords == 50)
        #expect(try p.load("limits:\n  max-words: 0\nstages: [ingest.html]\n").limits.maxWords == 0)
        #expect(try p.load("stages: [ingest.html]\n").limits.maxWords == Limits().maxWords)
        #expect(p.problems("limits:\n  max-words: -1\nstages: [ingest.html]\n")
                == ["Workflows/w.yml:2:14: error: limits.max-words must be 0 (no limit) or positive"])
    }
}
