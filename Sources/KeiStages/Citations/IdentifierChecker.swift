import KeiCitations
import KeiCore
import KeiDocument

/// Identifiers in notes and references:
/// - `doi-syntax`: a DOI that does not have the form the DOI Handbook gives (2.2: the prefix "10."
///   with a registrant code of digits, optionally subdivided by ".", then "/" and a non-empty
///   suffix), written after "doi:" / "DOI " or in a `doi.org` address;
/// - `isbn-invalid`: an ISBN (after "ISBN", "ISBN-10", "ISBN-13") that has neither 10 nor 13 digits,
///   or whose check digit is wrong (ISO 2108: ISBN-10 modulus 11 with weights 10…1, "X" for 10;
///   ISBN-13 modulus 10 with weights 1 and 3, prefix 978 or 979).
///
/// Spans are the identifier as written (for a DOI in an address, the DOI after "doi.org/").
struct IdentifierChecker: CitationChecker {
    enum Messages {
        static let doi = StageMessage("check.citations.doi-syntax", .warning,
            "A DOI that is not “10.” + registrant code + “/” + suffix (DOI Handbook 2.2).")
        static let isbn = StageMessage("check.citations.isbn-invalid", .warning,
            "An ISBN with the wrong number of digits or a wrong check digit (ISO 2108).")
    }

    static let messages = [Messages.doi, Messages.isbn]

    /// The stage examples of these rules (``CheckCitationsStage``'s examples include them).
    static let examples: [StageExample] = [
        StageExample("well-formed DOIs and ISBNs", html: CitationExamplePage.page(notes: [
            "Norman Paskin, “Digital Object Identifier (DOI) System,” 2010, doi:10.1000/182.",
            "Kim Min-ji, “Alliance Politics,” <em>Korean Journal of Defense Analysis</em> 31, no. 2 (2019), https://doi.org/10.22883/kjda.2019.31.2.004.",
            "Jane Doe, <em>Seoul Rising</em> (New York: Example Press, 2020), ISBN 978-0-306-40615-7; first edition ISBN 0-306-40615-2.",
        ])),
        StageExample("a DOI without a registrant code of four digits, and one without a suffix", html: CitationExamplePage.page(notes: [
            "Kim Min-ji, “Alliance Politics,” 2019, doi:⟦10.123/kjda.2019⟧.",
            "Lee Soo-jin, “Deterrence,” 2021, https://doi.org/⟦10.22883⟧.",
        ]), expect: ["check.citations.doi-syntax"]),
        StageExample("ISBNs with a wrong check digit and a wrong length", html: CitationExamplePage.page(notes: [
            "Jane Doe, <em>Seoul Rising</em> (New York: Example Press, 2020), ISBN ⟦978-0-306-40615-6⟧.",
            "John Roe, <em>Pyongyang</em> (London: Example Books, 2018), ISBN-10: ⟦0-306-4061⟧.",
        ]), expect: ["check.citations.isbn-invalid"]),
    ]

    func check(_ input: CitationCheckInput) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for unit in input.analysis.units where unit.scope == .note || unit.scope == .reference {
            let bytes = Array(unit.text.string.utf8)
            for (range, doi) in Self.dois(in: bytes) {
                guard let why = Self.doiProblem(doi) else { continue }
                out.append(Messages.doi.diagnostic("the DOI “\(doi)” is not well formed: \(why).", at: unit.location,
                                                   fix: "Copy the DOI from the work’s landing page or Crossref; it reads 10.NNNN/suffix (https://doi.org/10.NNNN/suffix).",
                                                   span: unit.span(of: range)))
            }
            for (range, isbn) in ISBNScanner.isbns(in: bytes) {
                guard let why = ISBN.problem(isbn) else { continue }
                out.append(Messages.isbn.diagnostic("the ISBN “\(isbn)” is not valid: \(why).", at: unit.location,
                                                    fix: "Copy the ISBN from the book’s copyright page or the publisher’s catalogue.",
                                                    span: unit.span(of: range)))
            }
        }
        return out
    }

    // MARK: DOIs

    /// The DOIs written in `bytes` (a unit's UTF-8 text): after "doi:" (any case, a space allowed) and
    /// after "doi.org/"; each with its UTF-8 range, up to white space, without trailing punctuation.
    static func dois(in bytes: [UInt8]) -> [(Range<Int>, String)] {
        var out: [(Range<Int>, String)] = []
        var i = 0
        while i + 3 < bytes.count {
            guard lower(bytes[i]) == UInt8(ascii: "d"), lower(bytes[i + 1]) == UInt8(ascii: "o"), lower(bytes[i + 2]) == UInt8(ascii: "i") else {
                i += 1
                continue
            }
            let boundary = i == 0 || !isWordByte(bytes[i - 1]) || bytes[i - 1] == UInt8(ascii: ".")
            var start: Int?
            if boundary, bytes[i + 3] == UInt8(ascii: ":") {
                start = i + 4
            } else if bytes[i + 3] == UInt8(ascii: "."), i + 7 < bytes.count,
                      String(decoding: bytes[(i + 3)..<(i + 8)], as: UTF8.self).lowercased() == ".org/" {
                start = i + 8
            }
            guard var s = start else { i += 3; continue }
            while s < bytes.count, bytes[s] == 0x20 { s += 1 }
            var e = s
            while e < bytes.count, !isSpace(bytes, e) { e += 1 }
            while e > s {
                if e - 3 >= s, isClosingQuote(bytes, e) { e -= 3; continue }
                let b = bytes[e - 1]
                if ".,;:]\"'".utf8.contains(b) { e -= 1; continue }
                if b == UInt8(ascii: ")"), bytes[s..<e].filter({ $0 == UInt8(ascii: "(") }).count < bytes[s..<e].filter({ $0 == b }).count {
                    e -= 1
                    continue
                }
                break
            }
            out.append((s..<e, String(decoding: bytes[s..<e], as: UTF8.self)))
            i = max(e, i + 4)
        }
        return out
    }

    /// Why `doi` is not a DOI (DOI Handbook 2.2), or nil.
    static func doiProblem(_ doi: String) -> String? {
        if doi.isEmpty { return "nothing follows the DOI label" }
        guard doi.hasPrefix("10.") else { return "a DOI starts with the directory code “10.”" }
        guard let slash = doi.firstIndex(of: "/") else { return "the “/” between prefix and suffix is missing" }
        let registrant = doi[doi.index(doi.startIndex, offsetBy: 3)..<slash]
        let parts = registrant.split(separator: ".", omittingEmptySubsequences: false)
        guard !registrant.isEmpty, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else {
            return "the registrant code “\(registrant)” is not digits (10.NNNN)"
        }
        guard parts[0].count >= 4 else { return "the registrant code “\(registrant)” has fewer than four digits" }
        if doi[doi.index(after: slash)...].isEmpty { return "the suffix after “/” is empty" }
        return nil
    }

    // MARK: Bytes

    static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 32 : b }
    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    static func isWordByte(_ b: UInt8) -> Bool { isDigit(b) || WrittenURL.isASCIILetter(b) || b >= 0x80 }
    /// White space: ASCII space, tab, line feed, a no-break space (C2 A0) or U+FFFC (EF BF BC).
    static func isSpace(_ bytes: [UInt8], _ i: Int) -> Bool {
        let b = bytes[i]
        if b == 0x20 || b == 0x09 || b == 0x0A { return true }
        if b == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0xA0 { return true }
        return b == 0xEF && i + 2 < bytes.count && bytes[i + 1] == 0xBF && bytes[i + 2] == 0xBC
    }
    /// Whether the three bytes before `end` are ” or ’ (E2 80 9D / E2 80 99).
    static func isClosingQuote(_ bytes: [UInt8], _ end: Int) -> Bool {
        end >= 3 && bytes[end - 3] == 0xE2 && bytes[end - 2] == 0x80 && (bytes[end - 1] == 0x9D || bytes[end - 1] == 0x99)
    }
}
