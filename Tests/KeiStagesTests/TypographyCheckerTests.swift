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
        #expect(found.first?.safe == false, "an entity is not verbatim source: the fix is only suggested")
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
        #expect(found.map(\.match) == ["..."] && found.first?.replacement == "…" && found.first?.safe == true, "\(found)")
        #expect(try Self.find("The talks went on . . . and on … and on.", r).isEmpty)
        #expect(try Self.find("He said <q>we went on... and on</q> then.", r).isEmpty)
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
