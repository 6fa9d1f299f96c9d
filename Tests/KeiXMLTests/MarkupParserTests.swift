import Foundation
import Testing
@testable import KeiXML

@Suite struct MarkupParserTests {
    @Test func parsesHTMLIntoValues() {
        let html = "<html><head><meta charset=\"utf-8\"><title>T</title></head>\n<body><p class=\"a b\">Hello&nbsp;<b>world</b></p></body></html>"
        let doc = MarkupParser.parseHTML(Data(html.utf8))
        let p = doc.root?.firstDescendant(named: "p")
        #expect(p?.classList == ["a", "b"])
        #expect(p?.textContent == "Hello\u{00A0}world")
        #expect(p?.line == 2)
    }

    @Test func recoveredErrorsBecomeMessages() {
        let doc = MarkupParser.parseHTML(Data("<html><body><p>unclosed <b>bold</p></body></html><foo>".utf8))
        #expect(!doc.messages.isEmpty)
        #expect(doc.root != nil)
    }

    @Test func honoursDeclaredWindows1252() {
        var bytes = Array("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"></head><body><p>".utf8)
        bytes += [0x93, 0x71, 0x94, 0x20, 0x96, 0x20, 0xE9] // “q” – é
        bytes += Array("</p></body></html>".utf8)
        let doc = MarkupParser.parseHTML(Data(bytes))
        #expect(doc.root?.firstDescendant(named: "p")?.textContent == "\u{201C}q\u{201D} \u{2013} \u{E9}")
    }

    @Test func emptyInputIsAFatalMessageNotACrash() {
        let doc = MarkupParser.parseHTML(Data())
        #expect(doc.root == nil)
        #expect(doc.messages.contains { $0.level == .fatal })
    }

    @Test func xmlExternalEntitiesAreNeverLoaded() {
        let xml = """
        <?xml version="1.0"?>
        <!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
        <r>&x;</r>
        """
        let doc = MarkupParser.parseXML(Data(xml.utf8))
        #expect(!(doc.root?.textContent.contains("root:") ?? false))
    }

    @Test func malformedXMLHasNoRootAndAnError() {
        let doc = MarkupParser.parseXML(Data("<a><b></a>".utf8))
        #expect(doc.root == nil)
        #expect(doc.messages.contains { $0.level == .fatal || $0.level == .error })
    }
}

@Suite struct EncodingSniffTests {
    @Test func undeclaredValidUTF8IsReadAsUTF8() {
        let doc = MarkupParser.parseHTML(Data("<html><body><p>“Seoul” – 서울</p></body></html>".utf8))
        #expect(doc.root?.firstDescendant(named: "p")?.textContent == "“Seoul” – 서울")
    }

    @Test func undeclaredNonUTF8IsReadAsWindows1252() {
        let doc = MarkupParser.parseHTML(Data([0x3C, 0x70, 0x3E, 0xE9, 0x3C, 0x2F, 0x70, 0x3E]))
        #expect(doc.root?.firstDescendant(named: "p")?.textContent == "é")
    }
}
