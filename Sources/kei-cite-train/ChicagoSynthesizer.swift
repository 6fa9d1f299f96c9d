import KeiCitations

/// Builds extra labelled training references in the Chicago forms of CMOS 17 chapter 14 (notes and
/// bibliography entries for books, edited and translated books, chapters, journal articles, news and
/// web pages) from the parts of the real training references: their people's names, titles, journals,
/// book titles, places, publishers and URLs, recombined by templates with a fixed-seed generator.
///
/// Why: AnyStyle's data is mostly author–date and numbered science references; the pipeline's input
/// is Chicago notes. The templates teach the labeller Chicago's punctuation (names in natural order
/// in notes, "(Place: Publisher, Year)", "in … , ed. …", "12, no. 3 (2024): 211–29") on real words.
/// Only parts of the references given are used, so cross-validation folds can build their own.
struct ChicagoSynthesizer {
    struct Person { var given: String; var family: String }

    var people: [Person] = []
    var titles: [String] = []
    var journals: [String] = []
    var books: [String] = []
    var places: [String] = []
    var publishers: [String] = []
    var urls: [String] = []
    var rng: SplitMix64

    static let koreanPeople = [
        Person(given: "Dong-hyun", family: "Kim"), Person(given: "Ji-won", family: "Park"), Person(given: "Sang-hyun", family: "Lee"),
        Person(given: "Min-jung", family: "Choi"), Person(given: "Eun-ji", family: "Jung"), Person(given: "Hyun-woo", family: "Kang"),
        Person(given: "Seung-hoon", family: "Yoon"), Person(given: "Soo-jin", family: "Han"), Person(given: "Jae-won", family: "Shin"),
        Person(given: "Young-ho", family: "Oh"),
    ]
    static let newsOutlets = ["New York Times", "Washington Post", "Korea Herald", "Korea JoongAng Daily", "Yonhap News Agency",
                              "Financial Times", "Wall Street Journal", "The Guardian", "Reuters", "Nikkei Asia",
                              "Los Angeles Times", "Chosun Ilbo", "Hankyoreh", "The Economist", "Bloomberg"]
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                         "October", "November", "December"]

    init(from references: [LabelledReference], seed: UInt64) {
        rng = SplitMix64(seed: seed)
        var seenPeople = Set<String>()
        for r in references {
            for (label, text) in zip(r.segmentLabels, r.segmentTexts) {
                switch label {
                case "author", "editor":
                    for name in NameListParser.parse(text).names {
                        guard let family = name.family, let given = name.given, family.count > 1,
                              given.filter(\.isLetter).count >= 3, !given.contains("."),
                              family.allSatisfy({ $0.isLetter || $0 == "-" || $0 == "'" }) else { continue }
                        if seenPeople.insert(given + " " + family).inserted { people.append(Person(given: given, family: family)) }
                    }
                case "title": add(text, to: &titles, words: 3...18)
                case "journal": add(text, to: &journals, words: 1...8)
                case "container-title": add(text, to: &books, words: 3...14, droppingIn: true)
                case "location": add(text, to: &places, words: 1...4)
                case "publisher": add(text, to: &publishers, words: 1...6)
                case "url":
                    if let u = text.split(separator: " ").first(where: { $0.hasPrefix("http") }) {
                        var url = String(u)
                        while let last = url.last, ".,;".contains(last) { url.removeLast() }
                        urls.append(url)
                    }
                default: continue
                }
            }
        }
        people += Self.koreanPeople
        for list in [titles, journals, books, places, publishers] where list.isEmpty { _ = list; return }
    }

    private func add(_ text: String, to list: inout [String], words: ClosedRange<Int>, droppingIn: Bool = false) {
        var t = text
        while let last = t.last, ",.;:)”\"".contains(last) { t.removeLast() }
        while let first = t.first, "(“\"".contains(first) { t.removeFirst() }
        if droppingIn, t.hasPrefix("In ") || t.hasPrefix("in ") { t.removeFirst(3) }
        let count = t.split(separator: " ").count
        guard words.contains(count), !t.contains("“"), !t.contains("\""), !t.contains("("), t.first?.isUppercase == true else { return }
        list.append(t)
    }

    var isUsable: Bool {
        people.count > 10 && titles.count > 10 && journals.count > 5 && books.count > 5 && places.count > 5 && publishers.count > 5
    }

    private mutating func pick<T>(_ list: [T]) -> T { list[Int(rng.next() % UInt64(list.count))] }
    private mutating func chance(_ percent: UInt64) -> Bool { rng.next() % 100 < percent }
    private mutating func number(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(rng.next() % UInt64(range.count)) }

    private mutating func natural(_ count: Int) -> String {
        let names = (0..<count).map { _ in pick(people) }.map { "\($0.given) \($0.family)" }
        if count == 1 { return names[0] }
        if count == 2 { return names[0] + " and " + names[1] }
        return names.dropLast().joined(separator: ", ") + ", and " + names.last!
    }

    private mutating func inverted(_ count: Int) -> String {
        let first = pick(people)
        var s = "\(first.family), \(first.given)"
        if count == 1 { return s }
        let rest = (1..<count).map { _ in pick(people) }.map { "\($0.given) \($0.family)" }
        s += count == 2 ? " and " + rest[0] : ", " + rest.dropLast().joined(separator: ", ") + ", and " + rest.last!
        return s
    }

    private mutating func pages() -> String {
        let start = number(3...480)
        return chance(30) ? "\(start)" : "\(start)–\(start + number(2...40))"
    }

    private mutating func fullDate() -> String { "\(pick(Self.months)) \(number(1...28)), \(number(1995...2024))" }
    private mutating func authorCount() -> Int { chance(70) ? 1 : chance(70) ? 2 : 3 }

    /// The facts of publication: "(Place: Publisher, Year), pages." in a note, "Place: Publisher, Year."
    /// in a bibliography entry.
    private mutating func publication(note: Bool, year: String) -> [(label: String, text: String)] {
        if note {
            return [("location", "(\(pick(places)):"), ("publisher", pick(publishers) + ","), ("date", year + "),"), ("pages", pages() + ".")]
        }
        return [("location", pick(places) + ":"), ("publisher", pick(publishers) + ","), ("date", year + ".")]
    }

    /// `count` references, in template order chosen by the generator.
    mutating func make(_ count: Int) -> [LabelledReference] {
        guard isUsable else { return [] }
        return (0..<count).map { _ in one() }
    }

    private mutating func one() -> LabelledReference {
        var s: [(label: String, text: String)] = []
        let year = String(number(1950...2024))
        let note = chance(60)
        switch number(0...6) {
        case 0:  // book
            if note {
                s.append(("author", natural(authorCount()) + ","))
                s.append(("title", pick(titles)))
                if chance(15) { s.append(("translator", "trans. \(natural(1))")) }
                s += publication(note: true, year: year)
            } else {
                s.append(("author", inverted(authorCount()) + "."))
                s.append(("title", pick(titles) + "."))
                s += publication(note: false, year: year)
            }
        case 1:  // edited book
            if note {
                s.append(("editor", natural(authorCount()) + ", " + (chance(50) ? "ed.," : "eds.,")))
                s.append(("title", pick(titles)))
                s += publication(note: true, year: year)
            } else {
                s.append(("editor", inverted(authorCount()) + ", " + (chance(50) ? "ed." : "eds.")))
                s.append(("title", pick(titles) + "."))
                s += publication(note: false, year: year)
            }
        case 2:  // chapter
            if note {
                s.append(("author", natural(authorCount()) + ","))
                s.append(("title", "“\(pick(titles)),”"))
                s.append(("container-title", "in \(pick(books)),"))
                s.append(("editor", "ed. \(natural(chance(60) ? 1 : 2))"))
                s += publication(note: true, year: year)
            } else {
                s.append(("author", inverted(authorCount()) + "."))
                s.append(("title", "“\(pick(titles)).”"))
                s.append(("container-title", "In \(pick(books)),"))
                s.append(("editor", "edited by \(natural(chance(60) ? 1 : 2)),"))
                s.append(("pages", pages() + "."))
                s += publication(note: false, year: year)
            }
        case 3, 4:  // journal article
            let volume = "\(number(1...120))" + (chance(75) ? ", no. \(number(1...12))" : "")
            let date = chance(25) ? "(\(pick(["Spring", "Summer", "Fall", "Winter", "March", "June", "September", "December"])) \(year)):" : "(\(year)):"
            if note {
                s.append(("author", natural(authorCount()) + ","))
                s.append(("title", "“\(pick(titles)),”"))
            } else {
                s.append(("author", inverted(authorCount()) + "."))
                s.append(("title", "“\(pick(titles)).”"))
            }
            s.append(("journal", pick(journals)))
            s.append(("volume", volume))
            s.append(("date", date))
            s.append(("pages", pages() + (chance(20) && !urls.isEmpty ? "," : ".")))
            if s.last!.text.hasSuffix(","), !urls.isEmpty { s.append(("url", pick(urls) + ".")) }
        default:  // news or web page
            let outlet = chance(60) ? pick(Self.newsOutlets) : pick(journals)
            let url = urls.isEmpty ? nil : pick(urls)
            if note {
                s.append(("author", natural(1) + ","))
                s.append(("title", "“\(pick(titles)),”"))
                s.append(("container-title", outlet + ","))
                s.append(("date", fullDate() + ","))
                if chance(40) { s.append(("note", "accessed \(fullDate()),")) }
            } else {
                s.append(("author", inverted(1) + "."))
                s.append(("title", "“\(pick(titles)).”"))
                s.append(("container-title", outlet + ","))
                s.append(("date", fullDate() + "."))
                if chance(40) { s.append(("note", "Accessed \(fullDate()).")) }
            }
            if let url { s.append(("url", url + ".")) } else { s[s.count - 1].text.removeLast(); s[s.count - 1].text += "." }
        }
        if let last = s.last, last.text.hasSuffix(",") { s[s.count - 1].text = String(last.text.dropLast()) + "." }
        return LabelledReference(segments: s)
    }
}
