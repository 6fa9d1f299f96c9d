import Foundation
import Testing
import KeiCore
import KeiDocument
import KeiStages
import KeiTestSupport

/// The typography kind: the six KEI rules on paragraphs, what each reports and replaces, what it
/// leaves alone (quotations, titles, URLs, code, primes, spaced ellipses), and when the fix is safe.
@Suite struct TypographyCheckerTests {
    typealias F = ProseStyleCheck.Finding

    static func find(_ fragment: String, _ rule: String) throws -> [F] {
        try ProseStyleCheck.findings(fragment, rules: [rule])
    }

    @Test func straightQuotesBecomeCurlyByPosition() throws {
        let r = "style.straight-quotes"
        let found = try Self.find(#"He called it "a new chapter" and said it's Seoul's '90s policy on the states' rights."#, r)
        #expect(found.map(\.match) == ["\"", "\"", "'", "'", "'", "'"], "\(found)")
        #expect(found.map(\.replacement) == ["“", "”", "’", "’", "’", "’"], "\(found)")
        #expect(found.allSatisfy { $0.safe == true })
        // Single quotation marks: opening and closing.
        #expect(try Self.find("The so-called 'sunshine policy' failed.", r).map(\.replacement) == ["‘", "’"])
    }

    @Test func straightQuotesLeaveAlonePrimesQuotationsCodeAndURLs() throws {
        let r = "style.straight-quotes"
        #expect(try Self.find(#"The officer was 5'10" tall and the beam 12' long."#, r).isEmpty, "primes after figures")
        #expect(try Self.find("He wrote <q>it's over</q> in his diary.", r).isEmpty, "inside <q>")
        #expect(try Self.find("He wrote “it's over” in his diary.", r).isEmpty, "inside curly quotation marks")
        #expect(try Self.find("See <code>x = 'a'</code> in the script.", r).isEmpty)
        #expect(try Self.find("See <cite>Seoul's Choice</cite> on this.", r).isEmpty, "a cited title")
        // The marks delimiting a straight-quoted quotation are reported, the apostrophe inside it is not.
        #expect(try Self.find(#"He wrote "it's over" in his diary."#, r).map(\.replacement) == ["“", "”"])
    }

    @Test func aMarkFromAnEntityIsFixedOnlyByHand() throws {
        let found = try Self.find("He called it &quot;a new chapter&quot; in May.", "style.straight-quotes")
        #expect(found.map(\.replacement) == ["“", "”"] && found.allSatisfy { $0.safe == false }, "\(found)")
    }

    @Test(arguments: [
        ("The talks - held in secret - ended.", [" - ", " - "], "—"),
        ("The talks--held in secret--ended.", ["--", "--"], "—"),
        ("The talks -- held in secret -- ended.", [" -- ", " -- "], "—"),
        ("The treaty held from 1953 - 1963 unchanged.", [" - "], "–"),
    ])
    func hyphensAsDashes(_ text: String, _ matches: [String], _ dash: String) throws {
        let found = try Self.find(text, "style.hyphen-as-dash")
        #expect(found.map(\.match) == matches && found.allSatisfy { $0.replacement == dash && $0.safe == true }, "\(found)")
    }

    @Test(arguments: [
        "The state-owned firm grew.", "It fell to -5 degrees.", "Lists - ", "A --- B is a rule.", "x - - y",
        "See <code>git log --oneline</code> now.", "See https://kei.org/a--b for it.", "The years 1990–2000 passed.",
    ])
    func hyphensThatAreNoDashes(_ text: String) throws {
        #expect(try Self.find(text, "style.hyphen-as-dash").isEmpty, "\(text)")
    }

    @Test func spacedEmDashesAreClosedUp() throws {
        let found = try Self.find("The talks — held in secret —ended in May, and— then.", "style.spaced-em-dash")
        #expect(found.map(\.match) == [" — ", " —", "— "] && found.allSatisfy { $0.replacement == "—" && $0.safe == true }, "\(found)")
        #expect(try Self.find("The talks—held in secret—ended.", "style.spaced-em-dash").isEmpty)
        #expect(try Self.find("He said <q>this — and that</q> at the time.", "style.spaced-em-dash").isEmpty)
    }

    @Test func doubleSpacesFromEntities() throws {
        let r = "style.double-space"
        let found = try Self.find("It ended in May.&nbsp; The treaty held, see p.&nbsp;5.", r)
        #expect(found.map(\.match) == ["&nbsp; "] && found.first?.replacement == " ", "\(found)")
        #expect(found.first?.safe == true, "white space for white space: safe though the entity is not verbatim")
        #expect(try Self.find("It ended in May.&ensp;&ensp;The treaty held.", r).map(\.replacement) == [" "])
        #expect(try Self.find("It ended in May.  The treaty held.", r).isEmpty, "ordinary white space collapses in the model")
    }

    @Test func spacesBeforePunctuation() throws {
        let r = "style.space-before-punctuation"
        let found = try Self.find("It ended in May , and Seoul agreed ; Tokyo did not . Was it ready ?", r)
        #expect(found.map(\.match) == [" ,", " ;", " .", " ?"], "\(found)")
        #expect(found.map(\.replacement) == [",", ";", ".", "?"] && found.allSatisfy { $0.safe == true })
        for text in ["He paused . . . and left.", "The share rose by .5 points.", "Use the .NET runtime.", "A ratio of 3 :1 held."] {
            #expect(try Self.find(text, r).isEmpty, "\(text)")
        }
    }

    @Test func threePeriodsBecomeTheEllipsisCharacter() throws {
        let r = "style.ellipsis"
        let found = try Self.find("The talks went on... and on, and then.... Or so.", r)
        #expect(found.map(\.match) == ["...", "...."] && found.map(\.replacement) == ["…", ". …"] && found.allSatisfy { $0.safe == true }, "\(found)")
        #expect(try Self.find("Five dots..... are no ellipsis.", r).isEmpty)
        #expect(try Self.find("The talks went on . . . and on … and on.", r).isEmpty)
        #expect(try Self.find("He said <q>we went on... and on</q> then.", r).isEmpty)
    }

    /// Breaker report §1.7: between two names the dash may be a relation or an aside; only suggested.
    @Test func aHyphenBetweenTwoNamesSuggestsAnEnDash() throws {
        let found = try Self.find("The Seoul - Washington talks and the talks - held in secret - ended.", "style.hyphen-as-dash")
        #expect(found.map(\.replacement) == ["–", "—", "—"], "\(found)")
        #expect(found.map(\.safe) == [false, true, true], "\(found)")
        let ds = try ProseStyleCheck.run("The Seoul - Washington talks ended.", rules: ["style.hyphen-as-dash"])
        #expect(ds.first?.fix?.contains("relation") == true, "\(ds.map { $0.fix ?? "" })")
    }

    /// Breaker report §1.6: an elision's marks are apostrophes, never a quotation.
    @Test func elisionsTakeApostrophes() throws {
        let r = "style.straight-quotes"
        #expect(try Self.find("Rock 'n' roll diplomacy and 'Tis the season.", r).map(\.replacement) == ["’", "’", "’"])
        let em = try Self.find("He told 'em to wait, and rock 'n' roll won.", r)
        #expect(em.map(\.replacement) == ["’", "’", "’"], "\(em)")
        #expect(try Self.find("She wrote 'no' on the form.", r).map(\.replacement) == ["‘", "’"], "a quoted word stays a quotation")
        #expect(try Self.find("The 'nth degree' was meant.", r).map(\.replacement) == ["‘", "’"], "'n' must stand as a word")
    }

    /// Breaker report §1.4: a ratio with a spaced colon keeps its spaces.
    @Test func aSpacedRatioIsNoSpaceBeforePunctuation() throws {
        let r = "style.space-before-punctuation"
        #expect(try Self.find("The ratio was 3 : 1 and 10 :2 later.", r).isEmpty)
        #expect(try Self.find("The ratio was 3 : then 1.", r).map(\.match) == [" :"], "a word after the colon: no ratio")
    }

    @Test(arguments: [
        ("The deal is on pp. 12-14 and pages 3, 7-9 of it.", ["–", "–"]),
        ("The crisis of 1993-1994 and the war of 1950-53 shaped it.", ["–", "–"]),
        ("The vote was 5-4, and the Lions won 34-6.", ["–", "–"]),
        ("The book on ages 18-30 is cited.", ["–"]),
    ])
    func rangesScoresAndVotesTakeAnEnDash(_ text: String, _ want: [String]) throws {
        let found = try Self.find(text, "style.en-dash-range")
        #expect(found.map(\.replacement) == want && found.allSatisfy { $0.match == "-" && $0.safe == true }, "\(found)")
    }

    @Test(arguments: [
        "The F-35, KN-23 and Hwasong-17 flew on 2025-12-15.", "Resolution 2397 and COVID-19 mattered.",
        "Call 02-1234-5678 or 555-1234 now.", "See No. 2019-2020 and FY2019-20.", "It ran from 1990-2000.",
        "Between 12-14 envoys came.", "The 2011-12 budget and the 2025-12 file.", "A 3-2-1 count began.",
        "See https://kei.org/pp.12-14 for it.", "See <code>pp. 12-14</code> here.", "He said <q>pp. 12-14</q> twice.",
        "Table 3-2 and Figure 2-1 show it.", "The 5-4 split and a 2-1 ratio.", "It fell 12-14.5 points.",
        "It was pp. 12-14a of the draft.",
    ])
    func hyphensBetweenFiguresThatStay(_ text: String) throws {
        #expect(try Self.find(text, "style.en-dash-range").isEmpty, "\(text)")
    }

    /// In a note, a journal's pages after "(year):" are a range; page ranges need no label there.
    @Test func journalPagesInANote() throws {
        let note = { (text: String) in
            RenderFidelityTests.shortPage("<p>It held.<sup><a href=\"#fn1\" id=\"fnref1\">1</a></sup></p><ol class=\"footnotes\"><li id=\"fn1\"><p>\(text)</p></li></ol>")
        }
        let ds = try ProseStyleCheck.run("Kim, “Deterrence,” <em>Korea Policy</em> 2, no. 1 (2024): 12-34; see also pp. 3-5.",
                                         rules: ["style.en-dash-range"], wrap: note)
        #expect(ds.count == 2 && ds.allSatisfy { $0.edits.first?.replacement == "–" && $0.edits.first?.isSafe == true }, "\(ds.map(\.message))")
        let none = try ProseStyleCheck.run("Kim, 2024: 12-34 and R41481-2.", rules: ["style.en-dash-range"], wrap: note)
        #expect(none.isEmpty, "\(none.map(\.message))")
    }

    @Test func nothingInABlockQuotationOrANoteForNotesScopedOut() throws {
        let quote = try ProseStyleCheck.findings(#"He called it "a deal" -- then left..."#,
                                                 rules: ["style.straight-quotes", "style.hyphen-as-dash", "style.ellipsis"],
                                                 wrap: { RenderFidelityTests.shortPage("<blockquote><p>\($0)</p></blockquote>") })
        #expect(quote.isEmpty, "\(quote)")
    }

    @Test func aTitleWithoutSourceIsNotReported() throws {
        let html = RenderFidelityTests.shortPage("<p>It ended.</p>").replacingOccurrences(of: "<title>T</title>", with: "<title>Seoul's 'year' - KEI</title>")
            .replacingOccurrences(of: "<h1>T</h1>", with: "")
        let ds = try ProseStyleCheck.run("", rules: ["style.straight-quotes", "style.hyphen-as-dash"], wrap: { _ in html })
        #expect(ds.isEmpty, "\(ds.map(\.message))")
    }
}
