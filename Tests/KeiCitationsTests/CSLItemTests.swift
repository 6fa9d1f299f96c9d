import Foundation
import Testing
@testable import KeiCitations

@Suite struct CSLItemTests {
    @Test func encodesCSLKeys() throws {
        var item = CSLItem(type: .journalArticle)
        item.containerTitle = "Korea Trade Review"
        item.publisherPlace = "Seoul"
        item.issued = CSLDate(year: 2025, month: 4)
        item.doi = "10.1/x"
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(item), as: UTF8.self)
        #expect(json == #"{"DOI":"10.1\/x","container-title":"Korea Trade Review","issued":{"date-parts":[[2025,4]]},"publisher-place":"Seoul","type":"article-journal"}"#)
        #expect(item.issued?.iso8601 == "2025-04")
    }
}
