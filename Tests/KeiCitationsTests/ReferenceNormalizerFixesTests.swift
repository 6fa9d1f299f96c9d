import Foundation
import Testing
@testable import KeiCitations

/// The normaliser, name splitting and type inference on the cases a tester found wrong (East Asian name
/// order, "in" before a container, blogs, theses, stray quotation marks, "Ibid.", unplaced text).
@Suite struct ReferenceNormalizerFixesTests {
    let parser = ReferenceParser.shared

    func name(_ text: String) -> CSLName? { NameListParser.parse(text).names.first }

    @Test func eastAsianNamesFamilyFirst() {
        #expect(name("Yoon Suk Yeol,") == CSLName(family: "Yoon", given: "Suk Yeol"))
        #expect(name("Kim Jong Un") == CSLName(family: "Kim", given: "Jong Un"))
        #expect(name("Kim Jong-un") == CSLName(family: "Kim", given: "Jong-un"))
        #expect(name("Lee Jae-myung") == CSLName(family: "Lee", given: "Jae-myung"))
        #expect(name("Choe Sang-Hun") == CSLName(family: "Choe", given: "Sang-Hun"))
        #expect(name("Moon Jae-in") == CSLName(family: "Moon", given: "Jae-in"))
        #expect(name("Xi Jinping") == CSLName(family: "Xi", given: "Jinping"))
        // Both words family names: the hyphenated one is the given name, in either order.
        #expect(name("Kim Min-ji") == CSLName(family: "Kim", given: "Min-ji"))
        #expect(name("Min-ji Kim") == CSLName(family: "Kim", given: "Min-ji"))
    }

    @Test func givenFirstNamesStayGivenFirst() {
        // The samples' authors.
        #expect(name("Min-seo Kwak") == CSLName(family: "Kwak", given: "Min-seo"))
        #expect(name("Tae-hoon Lim") == CSLName(family: "Lim", given: "Tae-hoon"))
        #expect(name("Hana Seo-Whitfield") == CSLName(family: "Seo-Whitfield", given: "Hana"))
        #expect(name("Sue Mi Terry") == CSLName(family: "Terry", given: "Sue Mi"))
        // A listed family name first, but the last word a family name too, or not a romanised syllable.
        #expect(name("Min Jin Lee") == CSLName(family: "Lee", given: "Min Jin"))
        #expect(name("Jung Chang") == CSLName(family: "Chang", given: "Jung"))
        #expect(name("Jo Johnson") == CSLName(family: "Johnson", given: "Jo"))
        #expect(name("Kim R. Holmes") == CSLName(family: "Holmes", given: "Kim R."))
        #expect(EastAsianNameOrder.isSyllables(Array("jinping"), maxCount: 2))
        #expect(!EastAsianNameOrder.isSyllables(Array("johnson"), maxCount: 2))
    }

    @Test func koreanOrderThroughTheParser() {
        let speech = parser.parse("Yoon Suk Yeol, “Address on the 104th March First Independence Movement Day” (speech, Seoul, March 1, 2023).").item
        #expect(speech.author == [CSLName(family: "Yoon", given: "Suk Yeol")])
        let news = parser.parse("Kim Jong Un, “Report to the Eighth Congress of the Workers’ Party of Korea,” Rodong Sinmun, January 9, 2021.").item
        #expect(news.author == [CSLName(family: "Kim", given: "Jong Un")])
    }

    @Test func containerTitleWithoutIn() {
        let item = parser.parse("Sheila A. Smith, “Japan, South Korea, and the Limits of Reconciliation,” in The Oxford Handbook of Japanese Politics, ed. Robert J. Pekkanen and Saadia M. Pekkanen (New York: Oxford University Press, 2022), 611–28.").item
        #expect(item.containerTitle == "The Oxford Handbook of Japanese Politics")
        #expect(item.type == .chapter)
    }

    @Test func blogPostIsAWebPageInTheBlog() {
        let item = parser.parse("Ellen Kim, “South Korea’s Indo-Pacific Strategy and the Limits of Alignment,” The Peninsula (blog), Korea Economic Institute of America, January 12, 2024, https://keia.org/the-peninsula/south-koreas-indo-pacific-strategy/.").item
        #expect(item.type == .webpage)
        #expect(item.containerTitle == "The Peninsula")
        #expect(item.collectionTitle == nil)
        #expect(item.title == "South Korea’s Indo-Pacific Strategy and the Limits of Alignment")
        var plain = CSLItem(type: .book)
        plain.collectionTitle = "Studies in Asian Security"
        #expect(!ReferenceNormalizer.readBlog(into: &plain) && plain.collectionTitle == "Studies in Asian Security")
    }

    @Test func thesisGenreAndUniversity() {
        let item = parser.parse("Hyun-joo Lee, “Semiconductor Diplomacy” (PhD diss., Seoul National University, 2021), 44.").item
        #expect(item.type == .thesis)
        #expect(item.genre == "PhD diss.")
        #expect(item.publisher == "Seoul National University")
        #expect(ReferenceNormalizer.splitThesisGenre("(PhD diss., Seoul") ?? ("", "") == ("PhD diss.", "Seoul"))
        #expect(ReferenceNormalizer.splitThesisGenre("speech, Seoul") == nil)
    }

    @Test func strayQuotationMarkAndTranslatedTitle() {
        #expect(ReferenceNormalizer.cleanTitle("“Hanmi donmaeng-ui mirae” [The future of the ROK-US alliance],")
                == "Hanmi donmaeng-ui mirae [The future of the ROK-US alliance]")
        let item = parser.parse("Kim Hyun-wook, “Hanmi donmaeng-ui mirae” [The future of the ROK-US alliance], Oegyo 140 (2022): 33–51.").item
        #expect(item.title == "Hanmi donmaeng-ui mirae [The future of the ROK-US alliance]")
        #expect(item.author == [CSLName(family: "Kim", given: "Hyun-wook")])
    }

    @Test func ibidAndIdemInventNoSource() {
        let ibid = parser.parse("Ibid., 47–49.").item
        #expect(ibid.type == .other && ibid.note == "Ibid., 47–49." && ibid.page == "47–49")
        #expect(ibid.author == nil && ibid.editor == nil && ibid.title == nil)
        let bare = parser.parse("Ibid.").item
        #expect(bare.note == "Ibid." && bare.page == nil && bare.editor == nil)
        let idem = parser.parse("Idem, 12.").item
        #expect(idem.note == "Idem, 12." && idem.page == "12" && idem.author == nil)
        // "Idem, <work>": a source of its own, parsed, with no author named "Idem".
        let work = parser.parse("Idem, The Two Koreas: A Contemporary History (New York: Basic Books, 2014), 45.").item
        #expect(ReferenceNormalizer.backReference("Idem, The Two Koreas (New York: Basic Books, 2014).") == nil)
        #expect(!(work.author ?? []).contains { ($0.literal ?? $0.family ?? "").lowercased().hasPrefix("idem") })
        #expect(work.publisher == "Basic Books")
    }

    @Test func unplacedTextIsKeptAsNote() {
        let item = parser.parse("b").item
        #expect(item != CSLItem(type: item.type))
        let values = [item.note, item.title, item.containerTitle] + (item.author ?? []).map { $0.literal ?? $0.family }
        #expect(values.contains("b"))
        #expect(parser.parse("   ").item == CSLItem(type: .other))
    }
}

@Suite struct ISBNNormalisationTests {
    @Test(arguments: [
        ("Jane Doe, Seoul Rising (New York: Example Press, 2020), ISBN-10 0-8044-2957-X.", "0-8044-2957-X"),
        ("Kim Min-ji, Alliance (Seoul: Hanul, 2021), ISBN-13: 979-11-6285-077-0.", "979-11-6285-077-0"),
        ("John Roe, Pyongyang (London: Example Books, 2018), ISBN 978-0-306-40615-7.", "978-0-306-40615-7"),
    ])
    func theISBNIsTheNumberWithoutItsLabel(text: String, isbn: String) {
        #expect(ReferenceParser.shared.parse(text).item.isbn == isbn)
    }
}
