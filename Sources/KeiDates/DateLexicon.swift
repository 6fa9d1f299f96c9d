/// The English words the date extractor knows: month, weekday, season and ordinal names, number words,
/// relative-phrase units and the words that make a number something other than a date.
enum DateLexicon {
    static let fullMonths: [String: Int] = [
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
        "september": 9, "october": 10, "november": 11, "december": 12,
    ]
    /// Chicago (17th ed., 10.41) and common abbreviations, without their period.
    static let abbreviatedMonths: [String: Int] = [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
        "nov": 11, "dec": 12,
    ]
    /// Weekday names and abbreviations, ISO 8601 numbering (1 = Monday … 7 = Sunday).
    static let weekdays: [String: Int] = [
        "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
        "mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4, "fri": 5, "sat": 6, "sun": 7,
    ]
    /// Seasons and the month they start in (meteorological, northern hemisphere).
    static let seasons: [String: Int] = ["spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12]
    static let ordinals: [String: Int] = ["first": 1, "second": 2, "third": 3, "fourth": 4]
    /// Small counts written as words ("two weeks ago", "a year ago").
    static let numberWords: [String: Int] = [
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    ]
    /// The lowercase words a date expression can start with (the rest start with a digit or a capital).
    static let lowercaseStarts: Set<String> = Set(seasons.keys).union(numberWords.keys).union(ordinals.keys).union([
        "from", "between", "last", "this", "next", "earlier", "later", "yesterday", "today", "tomorrow",
        "yesterday's", "today's", "tomorrow's", "yesterday’s", "today’s", "tomorrow’s", "fiscal", "fy",
    ])
    /// Words before a number that make it an identifier, a page, an amount or an address rather than a year
    /// ("Resolution 2397", "pp. 2018–2020", "No. 2024", "Public Law 117-167", "H.R. 2025", "$2018").
    static let nonDateLeads: Set<String> = [
        "resolution", "resolutions", "unscr", "res", "no", "nos", "number", "numbers", "law", "h.r", "s", "hr",
        "pp", "p", "page", "pages", "vol", "volume", "art", "article", "articles", "sec", "section", "sections",
        "§", "isbn", "issn", "doi", "room", "suite", "box", "route", "highway", "tel", "phone", "fax", "#", "$",
        "₩", "€", "£", "¥", "us$", "krw", "usd", "eur", "jpy", "act", "chapter", "ch", "table", "figure", "fig",
        "order", "code", "model", "version", "ver", "v", "id", "flight", "bill", "docket", "case", "item", "report",
        "decision", "directive", "paragraph", "para", "annex", "appendix", "footnote", "note", "notes", "rule",
        "regulation", "ordinance", "decree", "ep", "episode", "issue", "op", "cf", "exhibit", "serial", "zip",
        "unit", "plan", "operation", "opcon", "channel", "line", "gate", "hall", "ward", "street", "st", "avenue",
        "ave", "road", "rd", "building", "floor", "level", "grade", "class", "block", "lot",
    ]
    /// Nouns after a number that make it a count or an amount ("2,000 troops", "1950 people", "2025 won").
    static let countNouns: Set<String> = [
        "people", "persons", "troops", "soldiers", "personnel", "members", "units", "cases", "students", "workers",
        "deaths", "casualties", "refugees", "defectors", "pages", "words", "km", "kilometers", "kilometres",
        "miles", "meters", "metres", "tons", "tonnes", "won", "dollars", "yen", "yuan", "euros", "households",
        "votes", "seats", "missiles", "rounds", "vehicles", "tanks", "aircraft", "ships", "companies", "firms",
        "projects", "items", "times", "hours", "minutes", "days", "weeks", "months", "years", "points", "percent",
        "respondents", "participants", "children", "families", "employees", "jobs", "sites", "villages", "calories",
    ]
    /// Words before a bare year that make it a year in context ("in 2018", "since 2019", "by 2030").
    static let yearLeads: Set<String> = [
        "in", "since", "by", "until", "till", "through", "throughout", "during", "before", "after", "of",
        "circa", "c", "ca", "early", "mid", "late", "year", "within", "starting", "beginning", "from",
    ]
    /// Determiners before "YYYY noun" ("the 2018 summit", "its 2022 report").
    static let determiners: Set<String> = ["the", "a", "an", "its", "his", "her", "their", "our", "whose", "this", "that", "each"]
}
