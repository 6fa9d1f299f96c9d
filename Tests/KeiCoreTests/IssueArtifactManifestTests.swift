import Foundation
import Testing
@testable import KeiCore
import KeiTestSupport

@Suite struct IssueArtifactManifestTests {
    @Test func remembersWhatEachPublishingStageWroteWhileTheFilesExist() throws {
        let dir = TestPaths.temporaryDirectory("kei-manifest"); defer { try? FileManager.default.removeItem(at: dir) }
        var m = IssueArtifactManifest(outputDirectory: dir)
        #expect(m.lines.isEmpty)
        m.record(stage: "emit.issue", paths: ["issue-toc.xml", "index.html"])
        m.record(stage: "emit.crossref", paths: ["crossref/w deposit.xml"])
        m.record(stage: "emit.issue", paths: ["issue-toc.xml"])
        let read = IssueArtifactManifest(text: m.text + "garbage\n")
        #expect(read == m, "a path may hold a space; lines without one are ignored")
        try Data("x".utf8).write(to: dir.appendingPathComponent("issue-toc.xml"))
        #expect(read.existing(stage: "emit.issue", in: dir) == ["issue-toc.xml"])
        #expect(read.existing(stage: "emit.crossref", in: dir).isEmpty, "a file removed since is not stale")
    }
}
