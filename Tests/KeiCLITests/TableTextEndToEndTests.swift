import Foundation
import Testing
import KeiTestSupport

/// Text in tables through the real `kei-pipeline check` binary: the tester's pages (a short table
/// nested in a cell, a single one, nesting hundreds of tables deep) keep their cell text in
/// DTD-valid JATS; a table removed as chrome is reported with `--show-info`.
@Suite(.serialized) struct TableTextEndToEndTests {
    let harness = RenderedReadingEndToEndTests()

    static let head = """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>T</title></head><body><article><h1>T</h1><p class="byline">By Jane Doe</p><p>This opening paragraph has more than twenty five words so that the article has enough running text to be chosen as the main content of the page.</p>
        """

    static func nested(_ depth: Int) -> String {
        String(repeating: "<table><tr><td>", count: depth) + "Cell DEEPTEXT." + String(repeating: "</td></tr></table>", count: depth)
    }

    @Test(arguments: [1, 2, 3, 171, 400])
    func shortTableTextIsKept(_ depth: Int) throws {
        let (dir, file) = try harness.writePage(Self.head + Self.nested(depth) + "<p>Closing paragraph.</p></article></body></html>", name: "table-\(depth)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let c = try harness.check(file, ["--show-info"])
        #expect(c.code == 0)
        #expect(c.body.contains("Cell DEEPTEXT.") && c.body.contains("Closing paragraph."), "\(c.body)")
        #expect(c.rules("ingest.chrome-removed").isEmpty)
    }

    @Test func aTableRemovedAsChromeIsReported() throws {
        let page = Self.head + "<table class=\"sidebar\"><tr><td>Cell DEEPTEXT.</td></tr></table><p>Closing paragraph.</p></article></body></html>"
        let (dir, file) = try harness.writePage(page, name: "table-sidebar")
        defer { try? FileManager.default.removeItem(at: dir) }
        let c = try harness.check(file, ["--show-info"])
        #expect(c.code == 0)
        #expect(!c.body.contains("DEEPTEXT"))
        let removed = c.rules("ingest.chrome-removed")
        #expect(removed.count == 1, "\(removed)")
        let info = try #require(removed.first)
        #expect(info["severity"] as? String == "info" && info["line"] as? Int == 1 && info["column"] as? Int != nil)
        #expect((info["message"] as? String ?? "").contains("<table>") && (info["message"] as? String ?? "").contains("Cell DEEPTEXT."))
    }
}
