import Foundation
import Testing
import KeiCore
import KeiDocument
import KeiStages
import KeiTestSupport

/// The first-use rules of the shipped KEI style, run through the real loader and runner on small pages.
@Suite struct FirstUseCheckerTests {
    static let abstractNCG = "<h2>Abstract</h2><p>The Nuclear Consultative Group (NCG) matters, and the NCG should meet more often.</p>"

    static func run(_ body: String, title: String = "A Test Article on the Alliance") throws -> [Diagnostic] {
        try StylePageRun.run(StylePageRun.page(body, title: title), prefix: "style.")
            .filter { !$0.rule.hasPrefix("style.manuscript") }
    }

    static func summary(_ ds: [Diagnostic]) -> [String] {
        ds.map { "\($0.rule) \($0.excerpt ?? "-")" }
    }

    /// "rule excerpt" of each finding on a page of `body`.
    static func findings(_ body: String) throws -> [String] {
        summary(try run(body))
    }

    @Test func theBodyRestartsAfterTheAbstract() throws {
        let ds = try Self.run(Self.abstractNCG + "<h2>Introduction</h2><p>The NCG met in June.</p><p>The NCG met again.</p>")
        #expect(Self.summary(ds) == ["style.acronym-defined NCG"])
        #expect(ds[0].message.contains("main text"))
        #expect(ds[0].edits.map(\.replacement) == ["Nuclear Consultative Group (NCG)"])
        #expect(ds[0].edits.allSatisfy { !$0.isSafe })
    }

    @Test func aRedefinitionInTheBodyAfterTheAbstractIsFine() throws {
        let ds = try Self.run(Self.abstractNCG + "<h2>Introduction</h2><p>The Nuclear Consultative Group (NCG) met in June.</p><p>The NCG met again.</p>")
        #expect(ds.isEmpty, "\(Self.summary(ds))")
    }

    @Test func titleAndHeadingsNeitherDefineNorCountAsFirstUse() throws {
        let ds = try Self.run("<h2>Why the NCG (Nuclear Consultative Group) Matters</h2><p>The NCG met in June, and the NCG met again.</p>",
                              title: "OPCON and the NCG")
        #expect(Self.summary(ds) == ["style.acronym-defined NCG"])
    }

    @Test func aUseBeforeTheDefinitionIsReportedOnceAtTheFirstUse() throws {
        let ds = try Self.run("<p>The NCG met in June and the NCG met in July; the Nuclear Consultative Group (NCG) then agreed on guidelines, and the NCG will meet again.</p>")
        #expect(Self.summary(ds) == ["style.acronym-before-definition NCG"])
        // Use and definition share a line and a paragraph: the message says so rather than "(line N)".
        #expect(ds[0].message.contains("before its definition (later in this paragraph)"), "\(ds[0].message)")
        #expect(ds[0].edits.isEmpty)
        let apart = try Self.run("<p>The NCG met in June.</p>\n\n<p>The Nuclear Consultative Group (NCG) then agreed, and the NCG will meet again.</p>")
        #expect(Self.summary(apart) == ["style.acronym-before-definition NCG"])
        let line = try #require(apart.first).location.line
        #expect(apart[0].message.contains("before its definition (line \(line + 2))"), "\(apart[0].message)")
        let sameLine = try Self.run("<p>The NCG met in June.</p><p>The Nuclear Consultative Group (NCG) then agreed, and the NCG will meet again.</p>")
        #expect(sameLine.first?.message.contains("before its definition (later on line \(line))") == true, "\(Self.summary(sameLine))")
    }

    // MARK: Breaker findings (issue 7)

    @Test func aDefinitionInQuotedWordsDefines() throws {
        let cases: [(body: String, expected: [String])] = [
            // The reader learns what NCG means from the quotation: the later use needs no second spelling out.
            ("<p>He said “the Nuclear Consultative Group (NCG) is vital” and the NCG met.</p>", []),
            ("<blockquote><p>The Nuclear Consultative Group (NCG) is vital.</p></blockquote><p>The NCG met in June.</p>", []),
            // The author's own second definition after a quoted one is a repetition.
            ("<p>He said “the Nuclear Consultative Group (NCG) is vital.” The Nuclear Consultative Group (NCG) met, and the NCG agreed.</p>",
             ["style.acronym-defined-twice Nuclear Consultative Group (NCG)"]),
            // A cited title is a name, not a definition.
            ("<p>See <cite>The Nuclear Consultative Group (NCG) at Work</cite>; the NCG met, and the NCG agreed.</p>",
             ["style.acronym-defined NCG"]),
        ]
        for c in cases {
            #expect(try Self.findings(c.body) == c.expected, "\(c.body)")
        }
    }

    @Test func oneAcronymForTwoTermsIsItsOwnFinding() throws {
        let ds = try Self.run("<p>The Ministry of Unification (MOU) signed a memorandum of understanding (MOU) with the National Intelligence Service, and the MOU took effect.</p>")
        #expect(Self.summary(ds) == ["style.acronym-two-meanings memorandum of understanding (MOU)"])
        #expect(ds[0].message.contains("“memorandum of understanding”") && ds[0].message.contains("“Ministry of Unification”"), "\(ds[0].message)")
        #expect(!ds[0].message.contains("alone"))
        #expect(ds[0].edits.isEmpty)
        // The same term written two ways is one term.
        let same = try Self.run("<p>U.S. Forces Korea (USFK) moved. USFK grew, and United States Forces Korea (USFK) moved again.</p>")
        #expect(Self.summary(same) == ["style.acronym-defined-twice United States Forces Korea (USFK)"])
    }

    @Test func aSecondDefinitionOfAnOtherwiseUnusedAcronymIsDefinedTwice() throws {
        let ds = try Self.run("<p>North Korea (DPRK) fired a missile in 2023. The Democratic People’s Republic of Korea (DPRK) insists on its status.</p>")
        #expect(Self.summary(ds) == ["style.acronym-defined-twice Democratic People’s Republic of Korea (DPRK)"])
        #expect(ds[0].edits.map(\.replacement) == ["DPRK"])
        #expect(ds[0].message.contains("already spelled out (earlier in this paragraph)"), "\(ds[0].message)")
        // An acronym the article defines itself, twice and never used: also defined twice, not unused twice.
        let own = try Self.run("<p>Pick a long-term release (LTR) kernel.</p><p>Each long-term release (LTR) is kept for years.</p>")
        #expect(Self.summary(own) == ["style.acronym-defined-twice long-term release (LTR)"])
        // One definition and no use stays unused.
        let once = try Self.run("<p>Pick a long-term release (LTR) kernel.</p>")
        #expect(Self.summary(once) == ["style.acronym-unused (LTR)"])
    }

    @Test func aFindingInANoteSaysNotes() throws {
        let ds = try Self.run("""
            <p>The allies met in June.<sup><a href="#fn1" id="fnref1" class="footnote-ref" role="doc-noteref">1</a></sup></p>
            <section class="footnotes" role="doc-endnotes"><h2>Notes</h2><ol>
            <li id="fn1"><p>KCNA reported the meeting. <a href="#fnref1" class="footnote-back" role="doc-backlink">↩︎</a></p></li>
            </ol></section>
            """)
        #expect(Self.summary(ds) == ["style.acronym-defined KCNA"])
        #expect(ds[0].message.contains("is used in the notes without being spelled out"), "\(ds[0].message)")
    }

    @Test func theFieldsCommonAcronymsAreInTheVocabulary() throws {
        let ds = try Self.run("<p>KAMD and KMPR need funding; the HEU program makes CVID unrealistic, says the DoD.</p>")
        #expect(Self.summary(ds) == ["style.acronym-defined KAMD", "style.acronym-defined KMPR", "style.acronym-defined HEU",
                                     "style.acronym-defined CVID", "style.acronym-defined DoD"])
        #expect(ds.first { $0.excerpt == "CVID" }?.edits.map(\.replacement) == ["complete, verifiable, and irreversible denuclearization (CVID)"])
        // An expansion with the commas of a series is recognized as a definition's start (the fix for a second one).
        let twice = try Self.run("<p>Complete, verifiable, and irreversible denuclearization (CVID) failed. CVID is dead; complete, verifiable, and irreversible denuclearization (CVID) is a slogan.</p>")
        #expect(twice.first?.edits.map(\.replacement) == ["CVID"], "\(Self.summary(twice))")
    }

    @Test func aSecondDefinitionWithoutARecognizedExpansionGetsNoEdit() throws {
        let ds = try Self.run("<p>The allies’ joint staff (NCG) met in June. The NCG agreed, and the group (NCG) met again.</p>")
        #expect(Self.summary(ds) == ["style.acronym-defined-twice (NCG)"])
        #expect(ds[0].edits.isEmpty)
        let dotted = try Self.run("<p>U.S. Forces Korea (USFK) moved. USFK grew, and U.S. Forces Korea (USFK) moved again.</p>")
        #expect(Self.summary(dotted) == ["style.acronym-defined-twice U.S. Forces Korea (USFK)"])
        #expect(dotted.first?.edits.map(\.replacement) == ["USFK"])
    }

    @Test func aSecondDefinitionInTheSamePartIsReported() throws {
        let ds = try Self.run("<p>The Nuclear Consultative Group (NCG) met in June.</p><p>The NCG agreed on guidelines, and a second Nuclear Consultative Group (NCG) session followed.</p>")
        #expect(Self.summary(ds) == ["style.acronym-defined-twice Nuclear Consultative Group (NCG)"])
        #expect(ds[0].edits.map(\.replacement) == ["NCG"])
    }

    @Test func aNoteMayDefineAgainWhatTheBodyDefined() throws {
        let ds = try Self.run("""
            <p>The Nuclear Consultative Group (NCG) met in June.<sup><a href="#fn1" id="fnref1" class="footnote-ref" role="doc-noteref">1</a></sup> The NCG met again.</p>
            <section class="footnotes" role="doc-endnotes"><h2>Notes</h2><ol>
            <li id="fn1"><p>On the Nuclear Consultative Group (NCG), see the NCG’s own statement. <a href="#fnref1" class="footnote-back" role="doc-backlink">↩︎</a></p></li>
            </ol></section>
            """)
        #expect(ds.isEmpty, "\(Self.summary(ds))")
    }

    @Test func aFirstUseInANoteNeedsADefinitionToo() throws {
        let ds = try Self.run("""
            <p>The allies met in June.<sup><a href="#fn1" id="fnref1" class="footnote-ref" role="doc-noteref">1</a></sup></p>
            <section class="footnotes" role="doc-endnotes"><h2>Notes</h2><ol>
            <li id="fn1"><p>Statement of the USFK commander, June 2025. <a href="#fnref1" class="footnote-back" role="doc-backlink">↩︎</a></p></li>
            </ol></section>
            """)
        #expect(Self.summary(ds) == ["style.acronym-defined USFK"])
        #expect(ds[0].edits.map(\.replacement) == ["United States Forces Korea (USFK)"])
    }

    @Test func anUnusedDefinitionDropsTheParenthesisWithItsSpace() throws {
        let ds = try Self.run("<p>Seoul sought the return of wartime operational control (OPCON) before 2028.</p>")
        #expect(Self.summary(ds) == ["style.acronym-unused (OPCON)"])
        let edit = try #require(ds[0].edits.first)
        #expect(edit.replacement == "")
        #expect(edit.span.end - edit.span.start == " (OPCON)".utf8.count)
    }

    @Test func pluralsPossessivesAndCompoundsAreUses() throws {
        let ds = try Self.run("<p>United States Forces Korea (USFK) and operational control (OPCON) are linked: USFK’s posture and the two OPCONs, and the USFK-led plans.</p>")
        #expect(ds.isEmpty, "\(Self.summary(ds))")
    }

    @Test func quotationsAreNotReportedButCountAsUses() throws {
        // Quoted acronym before any definition: not reported; the quoted, unused definition is not reported either.
        let quoted = try Self.run("<p>The minister said <q>OPCON must come back</q> and spoke of “the Nuclear Consultative Group (NCG)” at length.</p>")
        #expect(quoted.isEmpty, "\(Self.summary(quoted))")
        // A later quoted use keeps a definition from being unused.
        let used = try Self.run("<p>Seoul sought wartime operational control (OPCON); <q>OPCON will return</q>, an aide said.</p>")
        #expect(used.isEmpty, "\(Self.summary(used))")
        // A block quotation is quoted too.
        let block = try Self.run("<blockquote><p>The NCG is a ritual.</p></blockquote><p>The allies disagree.</p>")
        #expect(block.isEmpty, "\(Self.summary(block))")
    }

    @Test func neverSpelledOutAcronymsAndNonAcronymsAreNotReported() throws {
        let ds = try Self.run("""
            <p>U.S. forces, UN agencies and NATO partners compared GDP figures (PDF) in Part II (II) of the report; \
            I saw 5 kg (KG) of paper at https://example.kr/ROK/USFK and in THE ANNEX.</p>
            """)
        #expect(ds.isEmpty, "\(Self.summary(ds))")
    }

    @Test func anAcronymTheArticleDefinesItselfIsChecked() throws {
        // "Korea Policy Forum (KPF)" is not in the vocabulary: its initials make it a definition.
        let ds = try Self.run("""
            <h2>Abstract</h2><p>The KPF meets yearly in Seoul.</p>
            <h2>Introduction</h2><p>The Korea Policy Forum (KPF) met in Seoul, and the KPF will meet again; the Ministry of Foreign Affairs (MOFA) agreed.</p>
            """)
        #expect(Self.summary(ds).sorted() == ["style.acronym-defined KPF", "style.acronym-unused (MOFA)"])
        #expect(ds.first { $0.rule == "style.acronym-defined" }?.edits.map(\.replacement) == ["Korea Policy Forum (KPF)"])
    }

    @Test func theReverseFormIsADefinition() throws {
        let ds = try Self.run("<p>The transfer of OPCON (operational control) was delayed, and OPCON remains debated.</p>")
        #expect(ds.isEmpty, "\(Self.summary(ds))")
        let unused = try Self.run("<p>The transfer of OPCON (operational control) was delayed.</p>")
        #expect(Self.summary(unused) == ["style.acronym-unused OPCON (operational control)"])
        #expect(unused.first?.edits.map(\.replacement) == ["operational control"])
    }

    @Test func anAmbiguousAcronymGetsNoEditButBothExpansions() throws {
        let ds = try Self.run("<p>The MOU was signed, and the MOU took effect.</p>")
        #expect(Self.summary(ds) == ["style.acronym-defined MOU"])
        #expect(ds[0].edits.isEmpty)
        #expect(ds[0].fix?.contains("Ministry of Unification or memorandum of understanding") == true)
    }

    // MARK: full-name-first

    @Test func aSurnameBeforeTheFullNameIsReportedWithTheFullNameAsFix() throws {
        let ds = try Self.run("<p>Trump’s envoy arrived first; Trump followed, and President Donald Trump met Lee Jae Myung.</p>")
        #expect(Self.summary(ds) == ["style.full-name-first Trump"])
        #expect(ds[0].message.contains("Donald Trump (later in this paragraph)"), "\(ds[0].message)")
        #expect(ds[0].edits.map(\.replacement) == ["Donald Trump"])
    }

    @Test func surnamesThatMayBeSomeoneElseAreNotReported() throws {
        // No Kim of the vocabulary is named in full later: this Kim may be anyone.
        let ds = try Self.run("<p>Kim spoke first, and Lee Myung-bak wrote; Lee then agreed.</p>")
        #expect(ds.isEmpty, "\(Self.summary(ds))")
        // "Sung Kim" is another name; "Kim Yo Jong" is named in full.
        let other = try Self.run("<p>Ambassador Sung Kim met Kim Yo Jong in Panmunjom.</p>")
        #expect(other.isEmpty, "\(Self.summary(other))")
        // But a Kim before the full name of the only Kim the article names is reported.
        #expect(try Self.findings("<p>Kim spoke first. Kim Yo Jong then answered.</p>") == ["style.full-name-first Kim"])
    }

    @Test func aFullNameInTheAbstractCountsForTheBody() throws {
        let ds = try Self.run("<h2>Abstract</h2><p>The Lee Jae Myung administration faces threats.</p><h2>Introduction</h2><p>Lee met Putin, and Vladimir Putin answered.</p>")
        #expect(Self.summary(ds) == ["style.full-name-first Putin"])
    }

    @Test func aQuotedSurnameIsNotReported() throws {
        let ds = try Self.run("<p>“Lee will decide,” the aide said of Lee Jae Myung.</p>")
        #expect(ds.isEmpty, "\(Self.summary(ds))")
    }
}
