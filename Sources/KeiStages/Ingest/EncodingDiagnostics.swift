import Foundation
import KeiCore
import KeiDocument
import KeiXML

/// The ingest stage's diagnostics about reading the page's bytes: the encoding (how it was chosen,
/// invalid bytes, unknown or late declarations, text that looks mis-decoded), control characters, and
/// text that libxml2 never put in the tree (``ReadingStop``).
enum EncodingDiagnostics {
    static let declaration = StageMessage("ingest.encoding-declaration", .warning,
        "An encoding declaration was not followed: an unknown label, a declaration after the first 1024 bytes, or an encoding option no converter knows.")
    static let undeclared = StageMessage("ingest.encoding-undeclared", .warning,
        "The page declares no encoding and is not valid UTF-8; it was read as windows-1252, as browsers read such pages (or as UTF-16 when a NUL stands in every other byte).")
    static let unsupported = StageMessage("ingest.encoding-unsupported", .error,
        "The page declares an encoding browsers refuse to decode (iso-2022-kr, iso-2022-cn, hz-gb-2312); nothing of it could be read.")
    static let suspect = StageMessage("ingest.encoding-suspect", .warning,
        "The text looks like UTF-8 read as windows-1252 or Latin-1 (\u{201C}Ã©\u{201D}, \u{201C}â€™\u{201D}).")
    static let control = StageMessage("ingest.control-character", .warning,
        "Control characters (NUL, other C0 and C1 controls), literal or as numeric references, were replaced by U+FFFD or removed.")
    static let truncated = StageMessage("ingest.truncated", .error,
        "Reading the page stopped before its end: text of the source is missing from the article.")

    static var messages: [StageMessage] { [declaration, undeclared, unsupported, suspect, control, truncated] }

    /// The diagnostics for `document`, parsed from `data`; `location` gives a location for a line.
    static func diagnostics(for document: DOMDocument, data: Data, index: SourceLineIndex,
                            location: (Int) -> SourceLocation) -> [Diagnostic] {
        var out: [Diagnostic] = []
        func at(_ span: SourceSpan?, line: Int = 0) -> SourceLocation {
            location(span.map { index.position(of: min($0.start, index.utf8Count)).line } ?? line)
        }
        let fix = "Set the ingest.html option encoding to the page's real encoding, or re-save the page as UTF-8 with <meta charset=\"utf-8\">."
        guard let decoding = document.decoding else { return [] }
        let name = decoding.encoding

        if !decoding.isReadable {
            let label = decoding.declaration?.label ?? name
            out.append(unsupported.diagnostic(
                "The page declares the encoding “\(label)”, which the Encoding Standard maps to the replacement encoding: browsers show such a page as a single U+FFFD and nothing of it was read.",
                at: at(decoding.declaration?.span, line: decoding.declaration?.line ?? 0),
                fix: "Convert the page to UTF-8, or set the ingest.html option encoding to a converter name (e.g. ISO-2022-KR) to read it anyway.",
                span: decoding.declaration?.span))
        }
        for ignored in decoding.ignoredDeclarations {
            let message: String
            if ignored.span == nil {
                message = "The encoding option “\(ignored.label)” names no encoding the Encoding Standard or a converter knows; it was ignored and the page was read as \(name) (\(decoding.basis.rawValue))."
            } else if ignored.encoding == nil {
                message = "The page declares the unknown encoding label “\(ignored.label)”; it was ignored and the page was read as \(name) (\(decoding.basis.rawValue))."
            } else {
                message = "The page declares “\(ignored.label)” where browsers do not look for it; it was ignored and the page was read as \(name) (\(decoding.basis.rawValue))."
            }
            out.append(declaration.diagnostic(message, at: at(ignored.span, line: ignored.line), fix: fix, span: ignored.span))
        }
        // A late declaration matters when some byte reads differently in it.
        if decoding.basis == .lateMetaDeclaration, let d = decoding.declaration, data.contains(where: { $0 >= 0x80 }) {
            out.append(declaration.diagnostic(
                "The page is not valid UTF-8 and its only encoding declaration, “\(d.label)”, comes after the first 1024 bytes, where the HTML standard's prescan does not look; it was followed (as a browser's parser does when it meets it), but browsers may show the page differently.",
                at: at(d.span),
                fix: "Move <meta charset=\"\(d.label)\"> to the start of <head>, or re-save the page as UTF-8.", span: d.span))
        }
        if decoding.basis == .defaultWindows1252 {
            let first = IngestHTMLStage.firstInvalidUTF8Line(data) ?? 0
            out.append(undeclared.diagnostic(
                "The page declares no encoding and is not valid UTF-8 (first at line \(first)); it was read as windows-1252, as browsers read such pages. If it is in another encoding, its non-ASCII characters are wrong.",
                at: location(first), fix: fix))
        }
        if decoding.basis == .detectedUTF16 {
            out.append(undeclared.diagnostic(
                "The page has no byte order mark and no encoding declaration readable in its bytes, but a NUL byte stands in every other position: it was read as \(name). Browsers would show it as windows-1252 with a NUL between letters.",
                at: location(1), fix: "Re-save the page as UTF-8 with <meta charset=\"utf-8\"> (or add a UTF-16 byte order mark)."))
        }
        if !decoding.invalidBytes.isEmpty, decoding.isReadable {
            let r = decoding.invalidBytes
            let line = r.first.map { index.position(of: $0.start).line } ?? 0
            out.append(IngestHTMLStage.Messages.encoding.diagnostic(
                "The page is read as \(name) (\(decoding.basis.rawValue)) but \(r.count) byte sequence(s) are not valid \(name) (first at line \(line)); each was replaced by U+FFFD and the rest of the page was read as \(name).",
                at: at(r.first), fix: fix, span: r.first))
        }
        if !decoding.controlCharacters.isEmpty {
            let r = decoding.controlCharacters
            out.append(control.diagnostic(
                "The page holds \(r.count) control character(s) that HTML text cannot hold (NUL, other C0 controls, DEL, C1 controls U+0080–U+009F or U+FFFE/U+FFFF); each was replaced by U+FFFD.",
                at: at(r.first), fix: "Remove the control characters from the page (a C1 control usually means a windows-1252 page was declared as ISO-8859-1 elsewhere).",
                span: r.first))
        }
        if !document.controlReferences.isEmpty {
            let r = document.controlReferences
            out.append(control.diagnostic(
                "The page has \(r.count) numeric character reference(s) to characters HTML text cannot hold (a control, a surrogate, a value past U+10FFFF or a windows-1252 hole such as &#129;); each was removed or replaced by U+FFFD.",
                at: at(r.first), fix: "Replace the reference with the character meant.", span: r.first))
        }
        if let found = Mojibake.find(in: document.sourceText) {
            var message = "The text looks like UTF-8 read as windows-1252 or Latin-1: “\(found.garbled)” would read “\(found.intended)” (\(found.count) such sequence(s); the first is here)."
            if decoding.basis != .validUTF8, name != "UTF-8", IngestHTMLStage.firstInvalidUTF8Line(data) == nil {
                message += " The page's bytes are valid UTF-8 but it was read as \(name) (\(decoding.basis.rawValue))."
            }
            out.append(suspect.diagnostic(message, at: at(found.first),
                                          fix: "If the page is UTF-8, declare it with <meta charset=\"utf-8\"> or set the ingest.html option encoding to utf-8; otherwise correct the garbled text in the source.",
                                          span: found.first))
        }
        for stop in document.readingStops {
            out.append(truncatedDiagnostic(stop, at: at(stop.span, line: stop.line)))
        }
        return out
    }

    private static func truncatedDiagnostic(_ stop: ReadingStop, at location: SourceLocation) -> Diagnostic {
        let libxml2 = stop.detail.isEmpty ? "" : " (libxml2: \(stop.detail))"
        let message: String
        let fix: String
        switch stop.kind {
        case .textMissing:
            message = "Reading the page stopped here\(libxml2): about \(stop.lostLetters) letters of text after this point are not in the article."
            fix = "Repair the markup at this line (or report the page: the parser stopped without recovering)."
        case .parserStopped:
            message = "libxml2 stopped reading the page here (\(stop.detail)); text after this point may be missing from the article."
            fix = "Repair the markup at this line."
        case .unterminatedComment:
            message = "A comment opened here is never closed with -->: the rest of the page (about \(stop.lostLetters) letters of text in markup) is comment, hidden from the article as browsers hide it."
            fix = "Close the comment with --> where it should end."
        case .unterminatedRawText:
            message = "A <\(stop.detail)> opened here is never closed with </\(stop.detail)>: browsers read the rest of the page (about \(stop.lostLetters) letters of text in markup) as its raw content, and the article leaves it out."
            fix = "Close the element with </\(stop.detail)> where it should end."
        case .unterminatedElement:
            message = "A <\(stop.detail)> opened here is never closed with </\(stop.detail)>: the parser reads the rest of the page (about \(stop.lostLetters) letters of text in markup) as its content, which the article leaves out."
            fix = "Close the element with </\(stop.detail)> where it should end."
        case .unterminatedTag:
            message = "The <\(stop.detail)> tag that starts here never ends: an attribute value's quote is never closed, so the rest of the page (about \(stop.lostLetters) letters of text in markup) is read as that value, and the article leaves it out."
            fix = "Close the attribute value with the quote it opened with (\" or ')."
        }
        return truncated.diagnostic(message, at: location, fix: fix, span: stop.span)
    }
}
