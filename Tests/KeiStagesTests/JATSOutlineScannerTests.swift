import Foundation
import Testing
import KeiXML
@testable import KeiStages

/// The validator's fast path (``JATSOutlineScanner``) must read exactly what libxml2 reads, and
/// leave to libxml2 whatever it cannot vouch for.
@Suite struct JATSOutlineScannerTests {
    /// The libxml2 outline of `bytes`, or nil when libxml2 finds them not well-formed.
    static func libxml2Outline(_ bytes: [UInt8]) -> JATSOutline? {
        MarkupParser.parseXML(Data(bytes)).root.map { JATSOutline(root: $0) }
    }

    static func same(_ a: JATSOutline, _ b: JATSOutline) -> Bool {
        a.elements.count == b.elements.count && zip(a.elements, b.elements).allSatisfy {
            $0.name == $1.name && $0.line == $1.line && $0.parent == $1.parent && $0.id == $1.id && $0.rid == $1.rid
                && $0.dtdVersion == $1.dtdVersion
        }
    }

    static func writerOutputs() -> [String] {
        var out = [JATSWriter.write(JATSFixtures.richArticle(), issue: JATSFixtures.issue)]
        for seed in UInt64(1)...40 {
            var generator = JATSRandomArticles(seed: seed)
            out.append(JATSWriter.write(generator.article(), issue: generator.issue()))
        }
        return out
    }

    @Test func writerOutputIsReadByTheFastPathAsLibxml2ReadsIt() throws {
        for xml in Self.writerOutputs() {
            let bytes = Array(xml.utf8)
            let fast = try #require(JATSOutlineScanner.scan(bytes), "the fast path refused writer output")
            let slow = try #require(Self.libxml2Outline(bytes))
            #expect(Self.same(fast, slow))
        }
    }

    @Test func mutatedDocumentsGiveTheSameProblemsEitherWay() {
        // Seeded byte mutations of writer output: where the scanner answers, libxml2 agrees.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(max(n, 1)))
        }
        let pieces: [[UInt8]] = ["<", ">", "&", "&amp;", "&#0;", "&#x41;", "\"", "'", "/", "]]>", "<!-- c -->", "<?pi?>",
                                 "\n", "\r", "\t", " ", "x:y", "id=\"a\"", " rid=\"zz\"", "\u{FFFE}", "é", ":"]
            .map { Array($0.utf8) }
        var answered = 0
        for xml in Self.writerOutputs().prefix(12) {
            let original = Array(xml.utf8)
            for _ in 0..<80 {
                var bytes = original
                for _ in 0..<(1 + next(3)) {
                    let at = next(bytes.count)
                    switch next(3) {
                    case 0: bytes.insert(contentsOf: pieces[next(pieces.count)], at: at)
                    case 1: bytes.removeSubrange(at..<min(bytes.count, at + 1 + next(4)))
                    default: bytes.replaceSubrange(at..<min(bytes.count, at + 1), with: pieces[next(pieces.count)])
                    }
                }
                guard String(validating: bytes, as: UTF8.self) != nil, let fast = JATSOutlineScanner.scan(bytes) else { continue }
                answered += 1
                let slow = Self.libxml2Outline(bytes)
                #expect(slow != nil, "scanner accepted what libxml2 rejects: \(MarkupParser.parseXML(Data(bytes)).messages.map(\.message))")
                if let slow { #expect(Self.same(fast, slow)) }
            }
        }
        #expect(answered > 50)
    }

    @Test func unusualMarkupIsLeftToLibxml2() {
        for xml in ["", "<a><!-- c --></a>", "<a><![CDATA[x]]></a>", "<a>&nbsp;</a>", "<a\nb=\"1\"/>", "<a>\r</a>",
                    "<?xml version=\"1.1\"?><a/>", "<a/><b/>", "<a></b>", "<p:a/>", "<a x=\"1\" x=\"2\"/>"] {
            #expect(JATSOutlineScanner.scan(Array(xml.utf8)) == nil, "\(xml)")
        }
        #expect(JATSOutlineScanner.scan(Array("<a id=\"x&#x41;\"><b rid=\"x&amp;\"/></a>".utf8))?.elements.map(\.id) == ["xA", nil])
    }
}
