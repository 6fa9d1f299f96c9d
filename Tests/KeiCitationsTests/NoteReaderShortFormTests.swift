import Foundation
import Testing
import KeiCitations
import KeiTestSupport

/// Short forms that look like full citations (a quoted title with the period inside and no page, a
/// volume:page locator, a page that reads as a year, an unclosed parenthesis), title-only short forms of
/// unsigned works, and short forms that match several full citations.
@Suite struct NoteReaderShortFormTests {
    @Test func shortFormsWithUnusualLocatorsResolveToTheEarlierFullCitation() throws {
        let r = try NoteReading(notes: [
            "Bruce Cumings, <em>The Origins of the Korean War</em>, vol. 1, <em>Liberation and the Emergence of Separate Regimes, 1945–1947</em> (Princeton, NJ: Princeton University Press, 1981), 101–5.",
            "Cumings, <em>Origins of the Korean War</em>, 1:120.",
            "Ellen Kim, “South Korea’s Indo-Pacific Strategy and the Limits of Alignment,” <em>The Peninsula</em> (blog), January 12, 2024, https://keia.org/the-peninsula/x/.",
            "Kim, “South Korea’s Indo-Pacific Strategy.”",
            "Ibid., 4.",
            "Andrew Yeo, <em>Markets and the State in North Korea</em> (Cambridge: Cambridge University Press, 2021), 54.",
            "Yeo, <em>Markets and the State</em>, 1950.",
            "Lee Jae-min, <em>China’s Hegemony</em> (New York: Columbia University Press, 2022), 3.",
            "Lee, <em>China’s Hegemony</em>, 22 (emphasis added.",
            "<em>FRUS, 1952–1954</em>, 15:1830.",
        ])
        #expect(r.summary("2") == ["short-form:Cumings, Origins of the Korean War, 1:120.→ref1"], "\(r.dump)")
        #expect(r.note("2").first?.locator == "1:120")
        #expect(r.summary("4") == ["short-form:Kim, “South Korea’s Indo-Pacific Strategy.”→ref2"], "\(r.dump)")
        #expect(r.summary("5") == ["ibid:Ibid., 4.→ref2"], "\(r.dump)")
        #expect(r.summary("7") == ["short-form:Yeo, Markets and the State, 1950.→ref3"], "\(r.dump)")
        #expect(r.note("7").first?.locator == "1950")
        #expect(r.summary("9").first == "short-form:Lee, China’s Hegemony, 22 (emphasis added.→ref4", "\(r.dump)")
        // An abbreviation matches no full title: still a short form (unresolved), not a new source.
        #expect(r.note("10").map(\.kind) == [.shortForm], "\(r.dump)")
        #expect(r.index.sources.count == 4, "\(r.index.sources.map(\.reference.text))")
    }

    @Test func aYearAfterATitleStillDatesAWorkCitedForTheFirstTime() throws {
        let r = try NoteReading(notes: [
            "Andrew Yeo, <em>Markets and the State in North Korea</em> (Cambridge: Cambridge University Press, 2021), 54.",
            "Ministry of Unification, <em>Unification White Paper</em>, 2021.",
        ])
        #expect(r.note("2").map(\.kind) == [.full], "\(r.dump)")
        #expect(r.index.sources.count == 2)
    }

    @Test func aTitleOnlyShortFormOfAnUnsignedWork() throws {
        let r = try NoteReading(notes: [
            "“North Korea Fires Ballistic Missile toward East Sea,” <em>Yonhap News Agency</em>, November 21, 2024.",
            "“North Korea Fires Ballistic Missile,” 2.",
            "“North Korea Fires Ballistic Missile.”",
            "Ibid.",
        ])
        #expect(r.summary("2") == ["short-form:“North Korea Fires Ballistic Missile,” 2.→ref1"], "\(r.dump)")
        #expect(r.summary("3") == ["short-form:“North Korea Fires Ballistic Missile.”→ref1"], "\(r.dump)")
        #expect(r.summary("4") == ["ibid:Ibid.→ref1"], "\(r.dump)")
    }

    @Test func twoSourcesJoinedByAndOrNamedInACommentarySentence() throws {
        let r = try NoteReading(notes: [
            "Sheila A. Smith, “Japan, South Korea, and the Limits of Reconciliation,” in <em>The Oxford Handbook of Japanese Politics</em>, ed. Robert J. Pekkanen (New York: Oxford University Press, 2021), 610.",
            "Victor D. Cha, <em>The Impossible State: North Korea, Past and Future</em> (New York: Ecco, 2012), 45.",
            "On the summit, see Cha, <em>Impossible State</em>, 80, and the discussion in Smith, “Japan, South Korea,” 620.",
            "Ibid., 81.",
            "Cha, <em>Impossible State</em>, 90. The point is also made in Smith, “Japan, South Korea,” 621.",
            "Lee Min-ho, <em>Chips and States</em> (Seoul: Hanbit, 2021), 45, and 67.",
        ])
        #expect(r.note("3").filter { $0.kind != .commentary }.map(\.sourceID) == ["ref2", "ref1"], "\(r.dump)")
        #expect(r.index.citing(r.article.notes[2].id).count == 2)
        #expect(r.note("5").map(\.kind) == [.shortForm, .commentary, .shortForm], "\(r.dump)")
        #expect(r.note("5").last?.text == "Smith, “Japan, South Korea,” 621.", "\(r.dump)")
        #expect(r.note("5").last?.sourceID == "ref1", "\(r.dump)")
        // ", and" followed by no title joins nothing.
        #expect(r.note("6").map(\.kind) == [.full], "\(r.dump)")
    }

    @Test func ibidAsAWordOfACitedTitleIsNoIbid() throws {
        let r = try NoteReading(notes: [
            "Mark Dunn, <em>Ibid: A Life</em> (San Francisco: MacAdam/Cage, 2004), 12.",
            "Dunn, <em>Ibid</em>, 14.",
            "<em>Ibid.</em>, 15.",
            "Ibidem, 16.",
        ])
        #expect(r.note("1").map(\.kind) == [.full], "\(r.dump)")
        #expect(r.summary("2") == ["short-form:Dunn, Ibid, 14.→ref1"], "\(r.dump)")
        #expect(r.summary("3") == ["ibid:Ibid., 15.→ref1"], "\(r.dump)")
        #expect(r.summary("4") == ["ibid:Ibidem, 16.→ref1"], "\(r.dump)")
    }

    @Test func italicsRunningOnFromIbidIntoTheNextCitation() throws {
        let r = try NoteReading(notes: [
            "Bruce Cumings, <em>Korea’s Place in the Sun</em> (New York: Norton, 1997), 4.",
            "<em>Ibid.; Victor D. Cha, The Impossible State: North Korea, Past and Future</em> (New York: Ecco, 2012), 45.",
        ])
        #expect(r.note("2").map(\.kind) == [.ibid, .full], "\(r.dump)")
        #expect(r.note("2").last?.text.hasPrefix("Victor D. Cha") == true, "\(r.dump)")
        #expect(r.index.sources.last?.reference.text.hasPrefix("Victor D. Cha") == true)
    }
}
