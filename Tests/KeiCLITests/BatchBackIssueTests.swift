import Foundation
import Testing
@testable import KeiCLI
@testable import KeiCore
import KeiTestSupport

/// `kei-pipeline batch` on back-issue folders: the manifest in the cache key, an oversized page failing only
/// its own article, `.txt` pages, a folder named twice, and the progress line's width.
@Suite struct BatchBackIssueTests {
    static let page = "<html><head><title>A</title></head><body><article><h1>A</h1><p>Enough text to be the body of an article here.</p></article></body></html>"
    static let textPage = "A Text Title\nPublished May 1, 2024\n\nEnough text to be the body of an article here, kept as plain text.\n"

    /// Summary rows by issue name (`articles cached errors warnings gate`).
    static func rows(_ out: String) -> [String: [String]] { BatchCommandTests.summaryRows(out) }

    /// Through the binary: editing issue.yml re-runs the issue (not cached) and its JATS carries the new title.
    @Test func editingTheManifestInvalidatesTheCache() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        try p.write("backs/vol-1/issue-1/a.html", Self.page)
        try p.write("backs/vol-1/issue-1/issue.yml", "title: The Old Issue Title\ndate: 2023-06-15\n")
        let first = try CLIHarness.runBinary(["batch", "backs"], in: p.root)
        #expect(Self.rows(first.out)["vol-1-issue-1"]?.prefix(2) == ["1", "0"], "\(first.out) \(first.err)")
        let again = try CLIHarness.runBinary(["batch", "backs"], in: p.root)
        #expect(Self.rows(again.out)["vol-1-issue-1"]?.prefix(2) == ["1", "1"], "unchanged: cached. \(again.out)")
        try p.write("backs/vol-1/issue-1/issue.yml", "title: The New Issue Title\ndate: 2023-06-15\n")
        let edited = try CLIHarness.runBinary(["batch", "backs"], in: p.root)
        #expect(Self.rows(edited.out)["vol-1-issue-1"]?.prefix(2) == ["1", "0"], "the manifest changed: not cached. \(edited.out)")
        let jats = try String(contentsOf: p.root.appendingPathComponent("out/batch/vol-1-issue-1/jats/a.xml"), encoding: .utf8)
        #expect(jats.contains("The New Issue Title") && !jats.contains("The Old Issue Title"))
    }

    @Test func anOversizedPageFailsOnlyItsOwnArticle() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        try p.write("Workflows/small.yml", "limits:\n  max-source-bytes: 400\nstages: [ingest.html]\n")
        try p.write("sub/a.html", Self.page)
        try p.write("sub/b.txt", Self.textPage)
        try p.write("sub/big.html", Self.page + String(repeating: " ", count: 500))
        let r = CLIHarness.run(["batch", "sub", "--workflow", "small"], in: p.root)
        #expect(r.code == 1, "\(r.err)")
        #expect(Self.rows(r.out)["sub"]?.prefix(3) == ["3", "0", "1"] && Self.rows(r.out)["sub"]?.last == "FAILED", "\(r.out)")
        #expect(r.out.contains("sub/big.html: error: stage ingest.html failed on article 'big'") && r.out.contains("[pipeline.stage-failed]"), "\(r.out)")
        #expect(!r.out.contains("batch.issue-not-run"))
        // check fails the stage for a page of either kind (no exit 2 for .txt only).
        try p.write("big.txt", Self.textPage + String(repeating: "x", count: 500))
        for file in ["sub/big.html", "big.txt"] {
            let c = CLIHarness.run(["check", file, "--workflow", "small"], in: p.root)
            #expect(c.code == 1 && c.out.contains("[pipeline.stage-failed]"), "\(file): \(c.out) \(c.err)")
        }
        // An issue that cannot run keeps its own name (it was `sub-2`).
        let missing = CLIHarness.run(["batch", "sub", "--workflow", "no-such-template"], in: p.root)
        #expect(missing.code == 2)
        #expect(Self.rows(missing.out)["sub"]?.last == "run" && Self.rows(missing.out)["sub-2"] == nil, "\(missing.out)")
    }

    @Test func textPagesAreBackIssuesAndAFolderNamedTwiceRunsOnce() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        try p.write("tree/html/a.html", Self.page)
        try p.write("tree/text/p.txt", Self.textPage)
        try p.write("tree/text/q.txt", Self.textPage.replacingOccurrences(of: "A Text Title", with: "Another Title"))
        let tree = CLIHarness.run(["batch", "tree", "tree/text", "tree/text/p.txt"], in: p.root)
        // The built-in default's checks find errors in these bare pages (exit 1); what counts is that every issue ran.
        #expect(tree.code == 1 && tree.out.contains("2 issue(s) run, 0 not run"), "\(tree.out) \(tree.err)")
        let rows = Self.rows(tree.out)
        #expect(rows["html"]?.first == "1" && rows["text"]?.first == "2", "the .txt-only folder is an issue: \(tree.out)")
        #expect(rows.count == 2 && rows["text-2"] == nil, "named again, it runs once: \(tree.out)")
        let glob = CLIHarness.run(["batch", "tree/text/*.txt"], in: p.root)
        #expect(glob.code == 1 && Self.rows(glob.out)["text"]?.first == "2", "a glob of .txt is pages: \(glob.out) \(glob.err)")
        let noPages = CLIHarness.run(["batch", "Workflows/styles"], in: p.root)
        #expect(noPages.out.contains("no pages (.html, .htm, .txt) in this folder tree"), "\(noPages.out)")
        // Through the binary, as an editor types it.
        let binary = try CLIHarness.runBinary(["batch", "tree/text/*.txt", "--report", "json:-"], in: p.root)
        #expect(binary.code == 1 && binary.out.contains("\"text/p\"") && binary.out.contains("\"text/q\""), "\(binary.out) \(binary.err)")
    }

    final class Lines: @unchecked Sendable {
        private let lock = NSLock()
        private var all: [String] = []
        func append(_ s: String) { lock.lock(); all.append(s); lock.unlock() }
        var drawn: [String] { lock.lock(); defer { lock.unlock() }; return all }
    }

    @Test func theProgressLineFitsTheTerminal() {
        let lines = Lines()
        let display = ProgressDisplay(total: 3, columns: 30, write: { lines.append($0) })
        display.update(issue: String(repeating: "long-issue-name-", count: 8), finished: true)
        display.update(issue: "x", finished: true)
        display.update(issue: "x", finished: true)
        #expect(display.width == 29)
        #expect(!lines.drawn.isEmpty)
        for line in lines.drawn { #expect(line.dropFirst().unicodeScalars.count <= 29, "\(line.debugDescription)") }
        #expect(ProgressDisplay(total: 1, write: { _ in }).width == 79)
        #expect(ProgressDisplay.terminalColumns(fd: -1) == nil)
    }
}
