import Foundation
import Testing
@testable import KeiXML

/// ``HTMLSourceScanner/find(_:from:before:)``: a search bounded by a span (issue 12: the attribute-value
/// pass of ``SourceRepair`` searched each value for `&` to the end of the page, quadratic in the number
/// of attributes on a page without `&`).
@Suite struct SourceScannerRangeTests {
    static func find(_ text: String, _ byte: Character, from: Int, before end: Int) -> Int {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { HTMLSourceScanner($0).find(byte.asciiValue!, from: from, before: end) }
    }

    @Test func findStopsAtTheEndOfTheSpan() {
        #expect(Self.find("ab&cd&", "&", from: 0, before: 6) == 2)
        #expect(Self.find("ab&cd&", "&", from: 3, before: 6) == 5)
        #expect(Self.find("ab&cd&", "&", from: 3, before: 5) == 5, "a byte at or after the end is not found: the end")
        #expect(Self.find("abcd&", "&", from: 0, before: 2) == 2)
        #expect(Self.find("abc", "&", from: 0, before: 99) == 3, "an end past the input is the input's end")
        #expect(Self.find("abc", "&", from: 5, before: 3) == 3)
        #expect(Self.find("", "&", from: 0, before: 0) == 0)
    }

    /// A reference right after an attribute value is not the value's; one inside is repaired.
    @Test func onlyReferencesInsideTheValueAreRepaired() {
        var bytes = Array(#"<p id="a">&#1;</p><p id="b&#1;">x</p>"#.utf8)
        let repair = SourceRepair(&bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == #"<p id="a">&#1;</p><p id="b&#xFFFD;">x</p>"#)
        #expect(repair.attributeReferences.count == 1)
    }
}
