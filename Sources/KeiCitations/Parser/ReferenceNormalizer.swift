import Foundation

/// Turns the labelled stretches of a reference into a ``CSLItem``: names split by
/// ``NameListParser``, dates read by ``ReferenceDateParser``, volume and issue separated ("12, no. 3",
/// "108(2)", "Vol. 3"), pages without "pp." and with an en dash in a range, place and publisher without
/// their brackets and colon, URL, bare DOI, ISBN, edition, genre, note and an "accessed" date; then
/// ``ReferenceTypeClassifier`` picks the item type.
///
/// Field labels are AnyStyle's: author, editor, translator, title, container-title, journal,
/// collection-title, volume, pages, date, location, publisher, edition, genre, note, url, doi, isbn,
/// citation-number, accessed, medium, director, producer, source.
public enum ReferenceNormalizer {
    public static func item(from labelled: [ReferenceField]) -> CSLItem {
        let fields = splitAtFactsOfPublication(labelled)
        var item = CSLItem()
        var notes: [String] = []
        var genres: [String] = []
        // The university of a thesis the labeller put in the genre ("PhD diss., Seoul | National University").
        var institution: String?

        for (index, field) in fields.enumerated() {
            // "Accessed 3 | Mar. 2012": an access phrase whose date the labeller put in the next field.
            if field.label != "date", index + 1 < fields.count, fields[index + 1].label == "date",
               endsWithAccessPhrase(field.text), let date = ReferenceDateParser.parse(field.text + " " + fields[index + 1].text),
               date.year != nil {
                item.accessed = date
                continue
            }
            if field.label == "date", index > 0, endsWithAccessPhrase(fields[index - 1].text), fields[index - 1].label != "date" {
                continue
            }
            switch field.label {
            case "author", "editor", "translator", "director", "producer":
                let parsed = NameListParser.parse(field.text)
                guard !parsed.names.isEmpty else { continue }
                if field.label == "translator" || parsed.translators && field.label != "editor" && !parsed.editors {
                    item.translator = (item.translator ?? []) + parsed.names
                } else if field.label == "editor" || parsed.editors {
                    item.editor = (item.editor ?? []) + parsed.names
                } else {
                    item.author = (item.author ?? []) + parsed.names
                }
            case "title":
                item.title = join(item.title, cleanTitle(field.text))
            case "container-title", "journal":
                var t = cleanTitle(field.text)
                // "In The Oxford Handbook…", "in Korea at the Center": CSL's container-title has no "In".
                if t.hasPrefix("In ") || t.hasPrefix("in ") { t = String(t.dropFirst(3)) }
                item.containerTitle = join(item.containerTitle, t)
            case "collection-title":
                item.collectionTitle = join(item.collectionTitle, cleanTitle(field.text))
            case "volume":
                // A day or month the labeller took for a volume ("5 | June 2015", "May(26)") is part of the date.
                let first = field.text.split(separator: " ").first.map { $0.lowercased().trimmingScalars(TextScan.isPunctuation) } ?? ""
                let firstWord = String(first.prefix { $0.isLetter })
                if ReferenceDateParser.isMonth(firstWord) { continue }
                if index + 1 < fields.count, fields[index + 1].label == "date", let day = Int(trimmed(field.text)), (1...31).contains(day),
                   let next = fields[index + 1].text.split(separator: " ").first,
                   ReferenceDateParser.isMonth(next.lowercased().trimmingScalars(TextScan.isPunctuation)) {
                    continue
                }
                if isURL(trimmed(field.text)) { readURL(field.text, into: &item); continue }
                readVolume(field.text, into: &item)
            case "pages":
                let p = cleanPages(field.text)
                if !p.isEmpty { item.page = item.page ?? p }
            case "date":
                readDate(field.text, into: &item)
            case "location":
                let place = trimmed(field.text)
                if !place.isEmpty { item.publisherPlace = join(item.publisherPlace, place, separator: "; ") }
            case "publisher":
                let publisher = join(institution, trimmed(field.text))
                institution = nil
                if !publisher.isEmpty { item.publisher = join(item.publisher, publisher, separator: "; ") }
            case "edition":
                let e = cleanEdition(field.text)
                if !e.isEmpty { item.edition = e }
            case "genre":
                var g = trimmed(field.text)
                if let thesis = splitThesisGenre(field.text) {
                    g = thesis.genre
                    if index + 1 < fields.count, fields[index + 1].label == "publisher" {
                        institution = thesis.institution
                    } else {
                        item.publisher = join(item.publisher, thesis.institution, separator: "; ")
                    }
                }
                // Chicago abbreviates "dissertation" as "diss.": the period is part of the genre.
                if g.lowercased().hasSuffix(" diss") || g.lowercased() == "diss" { g += "." }
                if !g.isEmpty { genres.append(g) }
            case "url":
                readURL(field.text, into: &item)
                let words = field.text.split(separator: " ")
                if let first = words.firstIndex(where: { isURL(String($0)) }), first > 0 {
                    notes.append(trimmed(words[..<first].joined(separator: " ")))
                }
            case "doi":
                if let doi = bareDOI(field.text) { item.doi = doi }
            case "isbn":
                // The number after the label ("ISBN-10 0-8044-2957-X" is 0-8044-2957-X, not 100-…).
                let isbn = ISBNScanner.first(in: field.text)
                    ?? field.text.filter { $0.isNumber || $0 == "X" || $0 == "x" || $0 == "-" }.trimmingScalars(in: ["-"])
                if !isbn.isEmpty, isbn != "10", isbn != "13" { item.isbn = isbn }
            case "note", "accessed", "source", "medium":
                if let accessed = accessedDate(field.text) {
                    item.accessed = accessed
                } else {
                    let n = trimmed(field.text)
                    if !n.isEmpty && field.label == "note" { notes.append(n) }
                }
            default:
                continue   // citation-number and labels with no CSL variable
            }
        }
        // Identifiers anywhere in the reference, whatever their label.
        for field in fields {
            for word in field.text.split(separator: " ") {
                let w = String(word)
                if item.doi == nil, let doi = bareDOI(w), w.lowercased().includes("10.") { item.doi = doi }
                if item.url == nil, isURL(w), field.label != "doi" { readURL(w, into: &item) }
            }
        }
        if let institution { item.publisher = join(item.publisher, institution, separator: "; ") }
        if !notes.isEmpty { item.note = notes.joined(separator: " ") }
        if !genres.isEmpty { item.genre = genres.joined(separator: " ") }
        dropBackReferenceNames(&item)
        item.type = ReferenceTypeClassifier.type(of: item, fields: fields)
        if readBlog(into: &item) { item.type = .webpage }
        return item
    }

    /// The item of a whole reference string: ``backReference(_:)`` for "Ibid."/"Idem" with at most a
    /// locator, else ``item(from:)`` on the labelled fields; a string none of whose words reached a CSL
    /// variable keeps its text as `note` (so `cite parse` never prints a bare `{"type":"article"}` for
    /// a non-blank line).
    public static func item(text: String, fields: [ReferenceField]) -> CSLItem {
        if let back = backReference(text) { return back }
        var item = item(from: fields)
        // The labeller may cut "ISBN-13: 979-…" between label and number: the text decides.
        if let isbn = ISBNScanner.first(in: text) { item.isbn = isbn }
        let bare = text.trimmingScalars(TextScan.isWhitespace)
        if item == CSLItem(type: item.type), !bare.isEmpty { item.note = bare }
        return item
    }

    // MARK: Back references, blogs, theses

    static let backReferenceWords: Set<String> = ["ibid", "ibidem", "idem", "eadem"]

    /// "Ibid., 47–49.", "Ibid.", "Idem, 12." (CMOS 14.34–14.36): a note that points back at the previous
    /// source has no source of its own, so nothing is invented for it: the item is type `article` with
    /// the whole string (trimmed) as `note` and the locator, when it is a page or page range, as `page`.
    /// "Idem, <title>…" (the same author, another work) is not a back reference: it is parsed as usual and
    /// ``dropBackReferenceNames(_:)`` removes the "Idem" the labeller may take for a name. Nil otherwise.
    public static func backReference(_ text: String) -> CSLItem? {
        let bare = text.trimmingScalars(TextScan.isWhitespace)
        guard let firstWord = bare.split(separator: " ", maxSplits: 1).first else { return nil }
        let word = firstWord.lowercased().trimmingScalars(TextScan.isPunctuation)
        guard backReferenceWords.contains(word) else { return nil }
        let rest = trimmed(String(bare.dropFirst(firstWord.count)))
        let page = cleanPages(rest)
        let isLocator = rest.isEmpty || page.first?.isNumber == true && !page.contains(where: \.isLetter)
        guard word.hasPrefix("ibid") || isLocator else { return nil }
        var item = CSLItem(type: .other)
        item.note = bare
        if !page.isEmpty, page.first?.isNumber == true, !page.contains(where: \.isLetter) { item.page = page }
        return item
    }

    /// Removes names that are "Ibid."/"Idem" (a back reference, not a person), noting "Idem" instead.
    static func dropBackReferenceNames(_ item: inout CSLItem) {
        func isBackReference(_ name: CSLName) -> Bool {
            let text = (name.literal ?? name.family ?? "") + (name.given.map { " " + $0 } ?? "")
            return backReferenceWords.contains(text.lowercased().trimmingScalars(TextScan.isPunctuation))
        }
        var dropped = false
        for path in [\CSLItem.author, \CSLItem.editor, \CSLItem.translator] {
            guard let names = item[keyPath: path], names.contains(where: isBackReference) else { continue }
            let kept = names.filter { !isBackReference($0) }
            item[keyPath: path] = kept.isEmpty ? nil : kept
            dropped = true
        }
        if dropped { item.note = join("Idem", item.note ?? "", separator: "; ") }
    }

    /// A blog post (CMOS 14.208: "“Title,” *Blog Name* (blog), date, URL") is a CSL `webpage` whose
    /// container-title is the blog: "(blog)" is taken out of the container or series title the labeller
    /// put it in (a series title that names the blog moves to container-title), and a genre or note that
    /// is just "blog" is dropped. Returns whether the item is a blog post.
    static func readBlog(into item: inout CSLItem) -> Bool {
        func isBlogWord(_ s: String?) -> Bool { s.map { trimmed($0).lowercased() == "blog" } ?? false }
        func withoutBlogMark(_ s: String?) -> String? {
            guard let s, let r = s.range(of: "(blog)", options: .caseInsensitive) else { return nil }
            return cleanTitle(s.replacingCharacters(in: r, with: " ").split(separator: " ").joined(separator: " "))
        }
        var isBlog = false
        if let container = withoutBlogMark(item.containerTitle) {
            item.containerTitle = container.isEmpty ? nil : container; isBlog = true
        }
        if let series = withoutBlogMark(item.collectionTitle) {
            item.collectionTitle = series.isEmpty ? nil : series; isBlog = true
        }
        for path in [\CSLItem.genre, \CSLItem.note] {
            if isBlogWord(item[keyPath: path]) { item[keyPath: path] = nil; isBlog = true }
            else if let rest = withoutBlogMark(item[keyPath: path]) { item[keyPath: path] = rest.isEmpty ? nil : rest; isBlog = true }
        }
        guard isBlog else { return false }
        if item.containerTitle == nil, let series = item.collectionTitle {
            item.containerTitle = series
            item.collectionTitle = nil
        }
        return true
    }

    static let thesisWords = ["diss", "thesis", "dissertation"]

    /// "PhD diss., Seoul" (the labeller's genre, with the first word of the university after the comma)
    /// → genre "PhD diss." and institution "Seoul", which the normaliser puts before the publisher field
    /// that follows ("National University"); CMOS 14.113 writes a thesis as "(PhD diss., University, Year)".
    /// Nil unless the genre names a thesis and has text after its first comma.
    static func splitThesisGenre(_ text: String) -> (genre: String, institution: String)? {
        let s = text.trimmingScalars { TextScan.isWhitespace($0) || $0 == "(" }
        guard let comma = s.firstIndex(of: ",") else { return nil }
        let genre = String(s[..<comma]).trimmingScalars(TextScan.isWhitespace)
        let lower = genre.lowercased()
        guard thesisWords.contains(where: { lower.includes($0) }) else { return nil }
        let institution = trimmed(String(s[s.index(after: comma)...]))
        return institution.isEmpty ? nil : (genre, institution)
    }

    // MARK: Pieces

    /// Chicago's facts of publication open with a parenthesis: "Common Sense, Politics (Toronto:" labelled
    /// as a place is "Common Sense, Politics" (the field before) and "(Toronto:". A place or publisher
    /// field with an opening parenthesis after its first word is split there, the words before it joining
    /// the preceding field.
    static func splitAtFactsOfPublication(_ fields: [ReferenceField]) -> [ReferenceField] {
        var out: [ReferenceField] = []
        for field in fields {
            guard field.label == "location" || field.label == "publisher", let previous = out.last,
                  let open = field.text.lastIndex(of: "("), open > field.text.startIndex,
                  field.text[field.text.index(before: open)] == " " else {
                out.append(field); continue
            }
            let headBytes = field.text[..<open].utf8.count
            let head = String(field.text[..<open]).trimmingScalars(TextScan.isWhitespace)
            let tail = String(field.text[open...])
            let headEnd = field.range.lowerBound + head.utf8.count
            out[out.count - 1] = ReferenceField(label: previous.label, range: previous.range.lowerBound..<headEnd,
                                                text: previous.text + " " + head)
            out.append(ReferenceField(label: field.label, range: (field.range.lowerBound + headBytes)..<field.range.upperBound, text: tail))
        }
        return out
    }

    static let outerPunctuation = CharacterSet(charactersIn: " ,.;:()[]{}“”\"‘’'«»<>").union(.whitespacesAndNewlines)

    /// The text without the punctuation, quotation marks and brackets around it.
    static func trimmed(_ text: String) -> String {
        text.trimmingScalars(TextScan.isOuterPunctuation)
    }

    static func join(_ a: String?, _ b: String, separator: String = " ") -> String {
        guard let a, !a.isEmpty else { return b }
        return b.isEmpty ? a : a + separator + b
    }

    /// A title without its quotation marks and final punctuation; a question or exclamation mark stays.
    static func cleanTitle(_ text: String) -> String {
        var s = text.trimmingScalars(TextScan.isWhitespace)
        let closing = Set(",.;:”\"’')]".unicodeScalars)
        let opening = Set("“\"‘'([".unicodeScalars)
        while let last = s.unicodeScalars.last, closing.contains(last) {
            if (last == ")" && s.contains("(")) || (last == "]" && s.contains("[")) { break }
            if last == "’" || last == "'", !(s.hasPrefix("‘") || s.hasPrefix("'")) { break }
            s.unicodeScalars.removeLast()
        }
        while let first = s.unicodeScalars.first, opening.contains(first) {
            if (first == "(" && s.contains(")")) || (first == "[" && s.contains("]")) { break }
            s.unicodeScalars.removeFirst()
        }
        // "Hanmi donmaeng-ui mirae” [The future of the ROK-US alliance]": a translated title in brackets
        // (CMOS 14.88) stays after the original title (CSL 1.0.2 has no variable for it); the original's
        // quotation marks are cleaned on their own.
        if s.hasSuffix("]"), let open = s.range(of: " [", options: .backwards), open.lowerBound > s.startIndex {
            let original = cleanTitle(String(s[..<open.lowerBound]))
            if !original.isEmpty { return original + " " + String(s[s.index(after: open.lowerBound)...]) }
        }
        return s.trimmingScalars(TextScan.isWhitespace)
    }

    /// Volume and issue: "12, no. 3" → 12 / 3; "1(1)" → 1 / 1; "Vol. 50, No. 3" → 50 / 3; "Vol. 3, Part A" → "3, Part A".
    static func readVolume(_ text: String, into item: inout CSLItem) {
        var s = trimmed(text)
        for prefix in ["vols.", "vol.", "volume", "vol"] where s.lowercased().hasPrefix(prefix) {
            s = String(s.dropFirst(prefix.count)).trimmingScalars(TextScan.isWhitespace); break
        }
        var issue: String?
        // "no. 3", "No. 3", "issue 3", "nr. 3"
        let lower = s.lowercased()
        for marker in [", no.", " no.", ", nos.", ", issue", " issue", ", nr.", "no."] {
            if let r = lower.firstRange(of: marker) {
                let start = s.index(s.startIndex, offsetBy: lower.distance(from: lower.startIndex, to: r.lowerBound))
                let end = s.index(start, offsetBy: marker.count)
                issue = trimmed(String(s[end...]))
                s = trimmed(String(s[..<start]))
                break
            }
        }
        // "1(1)", "108(2)", "5 (1)", "19 (1-2)"
        // (the closing parenthesis may have gone with the outer punctuation)
        if issue == nil, let open = s.firstIndex(of: "("), open > s.startIndex {
            let close = s[open...].firstIndex(of: ")") ?? s.endIndex
            issue = trimmed(String(s[s.index(after: open)..<close]))
            s = trimmed(String(s[..<open]))
        }
        // "110.1" (volume.issue, MLA)
        if issue == nil, let dot = s.firstIndex(of: "."), s[..<dot].allSatisfy(\.isNumber), s[s.index(after: dot)...].allSatisfy(\.isNumber),
           !s[..<dot].isEmpty, s.index(after: dot) < s.endIndex {
            issue = String(s[s.index(after: dot)...])
            s = String(s[..<dot])
        }
        if !s.isEmpty { item.volume = item.volume ?? s }
        if let issue, !issue.isEmpty { item.issue = item.issue ?? issue }
    }

    /// Pages without "pp."/"p." and surrounding punctuation, with an en dash between numbers ("211–29").
    static func cleanPages(_ text: String) -> String {
        var s = trimmed(text)
        for prefix in ["pp.", "pp", "p.", "pages", "page", "s."] where s.lowercased().hasPrefix(prefix) {
            let rest = s.dropFirst(prefix.count)
            if rest.first == " " || rest.first?.isNumber == true { s = String(rest).trimmingScalars(TextScan.isWhitespace); break }
        }
        s = s.replacingAll(" - ", with: "-").replacingAll("- ", with: "-").replacingAll(" -", with: "-")
        var out = ""
        var previous: Character = " "
        for ch in s {
            if (ch == "-" || ch == "—" || ch == "‐" || ch == "‑") && (previous.isNumber || previous.isLetter) { out.append("–") } else { out.append(ch) }
            previous = ch
        }
        while out.includes("––") { out = out.replacingAll("––", with: "–") }
        return trimmed(out)
    }

    static func cleanEdition(_ text: String) -> String {
        let words = trimmed(text).split(separator: " ").filter {
            let w = $0.lowercased().trimmingScalars(TextScan.isPunctuation)
            return w != "ed" && w != "edn" && w != "edition"
        }
        return trimmed(words.joined(separator: " "))
    }

    /// The date field: the issued date, and a volume/issue written after it ("2009;108(2):").
    static func readDate(_ text: String, into item: inout CSLItem) {
        if let accessed = accessedDate(text) { item.accessed = accessed; return }
        var datePart = text
        if let semi = text.firstIndex(of: ";") {
            datePart = String(text[..<semi])
            let rest = String(text[text.index(after: semi)...])
            let volume = rest.split(separator: ":", maxSplits: 1).first.map(String.init) ?? rest
            if volume.contains(where: \.isNumber) { readVolume(volume, into: &item) }
            if let colon = rest.firstIndex(of: ":") {
                let pages = cleanPages(String(rest[rest.index(after: colon)...]))
                if !pages.isEmpty { item.page = item.page ?? pages }
            }
        }
        guard item.issued == nil, let date = ReferenceDateParser.parse(datePart) else { return }
        item.issued = date
    }

    /// Whether a stretch ends with "accessed" (or "retrieved"), maybe followed by a day number.
    static func endsWithAccessPhrase(_ text: String) -> Bool {
        var words = text.lowercased().split(separator: " ").map { $0.trimmingScalars(TextScan.isPunctuation) }
        if let last = words.last, Int(last) != nil { words.removeLast() }
        guard let last = words.last else { return false }
        return ["accessed", "retrieved", "viewed", "consulted"].contains(last)
    }

    /// "Accessed May 29, 2013.", "(accessed 3 November 2012)", "[Accessed: 19-Oct-2017]", "Retrieved 2010-08-07."
    static func accessedDate(_ text: String) -> CSLDate? {
        let lower = text.lowercased()
        guard lower.includes("accessed") || lower.includes("retrieved") || lower.includes("viewed") || lower.includes("consulted") else { return nil }
        guard let date = ReferenceDateParser.parse(text), date.year != nil else { return nil }
        return date
    }

    /// "http://…", "https://…", "www.…", or a bare "host.tld/path" (letters, digits, dots and hyphens,
    /// a dot in the host, a slash after it).
    static func isURL(_ word: String) -> Bool {
        let w = word.lowercased().trimmingScalars(in: Set("<([“\"".unicodeScalars))
        if w.hasPrefix("http://") || w.hasPrefix("https://") || w.hasPrefix("www.") { return true }
        guard let slash = w.firstIndex(of: "/"), !w.hasPrefix("10.") else { return false }
        let host = w[..<slash]
        guard let dot = host.lastIndex(of: "."), host.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" }) else { return false }
        let tld = host[host.index(after: dot)...]
        return tld.count >= 2 && tld.allSatisfy(\.isLetter) && !host.hasPrefix(".")
    }

    static func readURL(_ text: String, into item: inout CSLItem) {
        let words = text.split(separator: " ").map(String.init)
        guard let start = words.firstIndex(where: { isURL($0) }) ?? (words.isEmpty ? nil : words.count - 1) else { return }
        // A URL broken across lines ("http://dx.doi. org/10.1016/j. watres…", "…/at- sea/…") goes on in
        // the next word of the field when that word starts with "/" or "." or holds a "/" or an inner "."
        // and is not a URL of its own; a plain word ("online", "Accessed") ends it.
        var word = words[start]
        for next in words.dropFirst(start + 1) {
            let inner = next.dropLast().dropFirst()
            guard !isURL(next), next.first.map({ "/.".contains($0) }) == true || inner.contains("/") || inner.contains(".") else { break }
            word += next
        }
        var url = word.trimmingScalars(in: Set("<>[]“”\"'".unicodeScalars))
        while url.first == "(" { url.removeFirst() }
        // Trailing punctuation goes, and a ")" only when unbalanced: "…/Sunshine_Policy_(South_Korea)" keeps its own.
        while let last = url.last {
            if ".,;:".contains(last) || (last == ")" && url.filter({ $0 == ")" }).count > url.filter({ $0 == "(" }).count) {
                url.removeLast()
            } else { break }
        }
        guard url.contains(".") else { return }
        if item.url == nil { item.url = url }
        if item.doi == nil, let doi = bareDOI(url), url.lowercased().includes("doi.org/") { item.doi = doi }
    }

    /// "doi:10.1016/j.cub.2016.05.047." → "10.1016/j.cub.2016.05.047"; also after https://doi.org/.
    static func bareDOI(_ text: String) -> String? {
        guard let r = text.firstRange(of: "10.") else { return nil }
        var doi = String(text[r.lowerBound...])
        if let space = doi.firstIndex(of: " ") { doi = String(doi[..<space]) }
        while let last = doi.last, ".,;:)]>”\"".contains(last) { doi.removeLast() }
        let prefixDigits = doi.dropFirst(3).prefix { $0.isNumber }
        guard prefixDigits.count >= 4, doi.contains("/") else { return nil }
        return doi
    }
}
