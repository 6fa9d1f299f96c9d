import KeiCore
import KeiDates
import KeiDocument

/// The house date form, "Month D, YYYY" (Chicago Manual of Style, 17th ed., 6.38 and 9.32–9.37), in the
/// author's running text (``TextUnit/isRunningText(_:)``: not quotations, cited titles, URLs or code,
/// which keep the form of their source). One finding per date, the first that applies:
///
/// - `ambiguous-numeric-date` (anywhere, quotations and notes included): "05/06/2025" reads as May 6 or
///   as 5 June; the message gives both readings. In the body's running text the month-first reading is
///   an unsafe edit (a suggestion, never applied: only the source can tell).
/// - `day-month-year` (running text, notes included; not reference entries): "15 December 2025",
///   "12–13 June 2018" → "December 15, 2025", "June 12–13, 2018", a safe edit.
/// - `numeric-date` (running text outside notes, tables and references, where CMOS 6.38 tolerates
///   all-numeral dates): "2025-12-15", "2025/12/15", "12/15/2025" → "December 15, 2025", a safe edit
///   (only one reading is a date).
/// - `ordinal-day` (running text, notes included): "December 15th" → "December 15" (CMOS 9.35), safe.
/// - `abbreviated-month` (running text outside notes, tables and references, where CMOS 10.42 and 14.x
///   allow "Dec."): "Dec. 15, 2025" → "December 15, 2025", safe.
///
/// A date that is not in the calendar (February 30) is left to `impossible-date`: the house form of a
/// wrong date is still wrong. An edit is safe only when the date stands verbatim in one contiguous stretch of the source (no entity
/// or tag inside it); otherwise it is only suggested. The `house-style` option switches the family off.
struct DateStyleChecker: DateChecker {
    enum Messages {
        static let ambiguous = StageMessage("check.dates.ambiguous-numeric-date", .warning,
            "An all-numeral date that reads as two different dates (05/06/2025: May 6 or 5 June).")
        static let dayMonthYear = StageMessage("check.dates.day-month-year", .warning,
            "A day-month-year date (15 December 2025) where the house form is Month D, YYYY.")
        static let numeric = StageMessage("check.dates.numeric-date", .warning,
            "An ISO or all-numeral date (2025-12-15, 12/15/2025) in running text, where the house form is Month D, YYYY.")
        static let ordinal = StageMessage("check.dates.ordinal-day", .warning,
            "An ordinal day (December 15th) where the house form uses the cardinal (December 15).")
        static let monthAbbreviation = StageMessage("check.dates.month-abbreviation", .warning,
            "A month abbreviated other than as Chicago abbreviates it (Sep. or Sep 3 for Sept. 3; Jun. for June), in a note.")
        static let abbreviated = StageMessage("check.dates.abbreviated-month", .warning,
            "An abbreviated month (Dec. 15, 2025) in running text; abbreviations belong in notes and tables.")
    }

    static let messages = [Messages.ambiguous, Messages.dayMonthYear, Messages.numeric, Messages.ordinal, Messages.abbreviated,
                           Messages.monthAbbreviation]

    static let examples: [StageExample] = [
        StageExample("dates in the house form; other forms inside a quotation", html: StageExample.articlePage(
            "<p>The ministers met on December 10, 2025, and earlier in November 2025. The communiqué was headed “Seoul, 15 December 2025.”</p>")),
        StageExample("day-month-year and ordinal days", html: StageExample.articlePage(
            "<p>The ministers met on ⟦15 November 2025⟧ and again on ⟦December 5th, 2025⟧.</p>"),
            expect: ["check.dates.day-month-year", "check.dates.ordinal-day"],
            skipping: [.blockQuote: "a block quotation keeps its source's date form"]),
        StageExample("an abbreviated month and an ISO date in the body", html: StageExample.articlePage(
            "<p>The ministers met on ⟦Dec. 5, 2025⟧, and the ministry’s statement followed on ⟦2025-12-10⟧.</p>"),
            expect: ["check.dates.abbreviated-month", "check.dates.numeric-date"],
            skipping: [.blockQuote: "a block quotation keeps its source's date form",
                       .note: "notes may abbreviate months and write numeric dates (CMOS 6.38, 14.x)"]),
    ]

    func check(_ input: DateCheckInput) -> [Diagnostic] {
        guard input.options.houseStyle else { return [] }
        var out: [Diagnostic] = []
        for (unit, m) in input.allMentions where unit.scope != .reference {
            if m.form == .numericAmbiguous || (m.isAmbiguous && Self.isNumeric(m)) {
                out.append(ambiguous(unit, m))
                continue
            }
            guard m.value != nil, unit.isRunningText(m.range), let house = HouseDateForm.format(m) else { continue }
            // "SEOUL, Dec 3 (Reuters) -": a wire dateline keeps the wire's form.
            guard !Self.isDateline(unit, m.range) else { continue }
            // Tables use compact forms (CMOS 3.x): the form rules read running text and notes only.
            guard unit.scope != .tableCell else { continue }
            let prose = unit.scope != .note
            if m.form == .dayMonthYear {
                out.append(Self.finding(Messages.dayMonthYear, unit, m, house, "“\(m.text)” is day-month-year; the house form is “\(house)”."))
            } else if Self.isNumeric(m) && prose {
                out.append(Self.finding(Messages.numeric, unit, m, house, "“\(m.text)” is an all-numeral date; in running text write “\(house)”."))
            } else if m.parts.ordinalDay {
                out.append(Self.finding(Messages.ordinal, unit, m, house, "“\(m.text)” has an ordinal day; the house form is “\(house)”."))
            } else if m.parts.abbreviatedMonth && prose {
                out.append(Self.finding(Messages.abbreviated, unit, m, house, "“\(m.text)” abbreviates the month in running text; write “\(house)”."))
            } else if m.parts.abbreviatedMonth, let chicago = HouseDateForm.chicagoAbbreviated(m), chicago != m.text {
                out.append(Self.finding(Messages.monthAbbreviation, unit, m, chicago,
                    "“\(m.text)” abbreviates the month in a form other than Chicago’s (CMOS 10.41: Jan., Feb., Mar., Apr., Aug., Sept., Oct., Nov., Dec.; May, June and July in full); write “\(chicago)”."))
            }
        }
        return out
    }

    /// An ISO or all-numeral date: its form says so, or it is a full date written in digits and
    /// separators only ("2025/12/15", whose form the extractor leaves as `other`).
    static func isNumeric(_ m: DateMention) -> Bool {
        switch m.form {
        case .iso, .numericMonthFirst, .numericDayFirst, .numericAmbiguous: return true
        case .other:
            // "2025.11.18. (Tue.)": the digits before a weekday in parentheses.
            let digits = m.parts.weekday == nil ? Substring(m.text)
                : m.text.prefix { $0 != "(" }.trimmingCharacters(in: .whitespaces)[...]
            return m.kind == .date && !digits.isEmpty && digits.allSatisfy { $0.isASCII && ($0.isNumber || "/.-".contains($0)) }
        default: return false
        }
    }

    /// Both readings of an ambiguous all-numeral date: the first two numbers as month/day and as day/month.
    func ambiguous(_ unit: TextUnit, _ m: DateMention) -> Diagnostic {
        var readings: [String] = []
        if let y = m.parts.year, let a = m.parts.month, let b = m.parts.day {
            for (mo, d) in [(a, b), (b, a)] {
                if let date = PublicationDate(year: y, month: mo, day: d) { readings.append(HouseDateForm.format(date)) }
            }
        }
        let both = readings.count == 2 ? " (\(readings[0]) or \(readings[1]))" : ""
        // In the body's running text the U.S. reading is offered, never applied: only the source can tell.
        var edits: [TextEdit] = []
        if unit.scope != .note && unit.scope != .tableCell && unit.isRunningText(m.range), let first = readings.first,
           let span = unit.exactSpan(of: m.range) {
            let comma = Self.sentenceGoesOn(unit, after: m.range) ? "," : ""
            edits.append(TextEdit(span: span, replacement: first + comma, isSafe: false))
        }
        return Messages.ambiguous.diagnostic(
            "“\(m.text)” can be read month first or day first\(both).",
            at: unit.location, fix: "Check the source and write the date as Month D, YYYY.", span: unit.span(of: m.range), edits: edits)
    }

    /// A finding with the house form as an edit: safe when the date's source is verbatim and contiguous.
    /// The replacement is the house form, with the comma CMOS 6.38 puts after the year when the sentence
    /// goes on ("met on November 15, 2025, in Seoul").
    ///
    /// No edit when the date ends a list of days ("3, 4 and 5 December 2024": rewriting the last one alone
    /// would leave "3, 4 and December 5, 2024"); only an unsafe one when the date is in italics in running
    /// text (`.emphasis`: "<i>The Night of 3 December 2024</i>" may be a title, which keeps its words).
    static func finding(_ message: StageMessage, _ unit: TextUnit, _ m: DateMention, _ house: String, _ text: String) -> Diagnostic {
        let replacement = house + (m.parts.year != nil && m.parts.day != nil && Self.sentenceGoesOn(unit, after: m.range) ? "," : "")
        if m.form == .dayMonthYear, Self.endsListOfDays(unit, m.range) {
            return message.diagnostic(text + " It ends a list of days; an edit of this day alone would leave the others day first.",
                at: unit.location, fix: "Rewrite the whole list month first (“3, 4 and 5 December 2024” → “December 3, 4, and 5, 2024”).",
                span: unit.span(of: m.range))
        }
        let italic = unit.scopes.contains { $0.kind == .emphasis && $0.overlaps(m.range) }
        var edits: [TextEdit] = []
        if let span = unit.exactSpan(of: m.range) {
            // A wrong weekday (reported by wrong-weekday) is not rewritten silently into the house form.
            let safe = !italic && unit.isVerbatim(m.range) && unit.hasContiguousSource(m.range) && !Self.hasWrongWeekday(m)
            edits.append(TextEdit(span: span, replacement: replacement, isSafe: safe))
        }
        let note = italic ? " It is in italics and may be part of a title, which keeps its own words." : ""
        let fix = italic ? "Unless it is a title, write “\(replacement)”." : "Write “\(replacement)”."
        return message.diagnostic(text + note, at: unit.location, fix: fix, span: unit.span(of: m.range), edits: edits)
    }

    /// Whether a day-first date is the last of a list of days: "and", "or" or a comma right before it,
    /// and a number from 1 to 31 right before that ("3, 4 and 5 December", "15 and 16 December").
    static func endsListOfDays(_ unit: TextUnit, _ range: Range<Int>) -> Bool {
        let i = TokenSearch.first(atOrAfter: range.lowerBound, in: unit.tokens)
        guard i >= 2 else { return false }
        let joiner = unit.string(of: unit.tokens[i - 1].range).lowercased()
        guard ["and", "or", ",", "&"].contains(joiner) else { return false }
        let before = unit.tokens[i - 2]
        guard before.kind == .number, let n = Int(unit.string(of: before.range)) else { return false }
        return (1...31).contains(n)
    }

    /// Whether a word or number follows `range` after spaces only (no punctuation in between).
    /// Whether `range` is the date of a wire dateline at the start of a paragraph: a place in capitals, a
    /// comma, the date, an optional agency in parentheses and a dash ("SEOUL, Dec 3 (Reuters) -",
    /// "NEW YORK, Dec. 3 (AP) —"). The dateline's form is the wire's convention, not running text.
    static func isDateline(_ unit: TextUnit, _ range: Range<Int>) -> Bool {
        guard range.lowerBound <= 60 else { return false }
        var place = unit.string(of: 0..<range.lowerBound).trimmingCharacters(in: .whitespaces)
        guard place.hasSuffix(",") else { return false }
        place.removeLast()
        guard place.count >= 2, place.contains(where: \.isLetter),
              place.allSatisfy({ $0.isUppercase || " .'-".contains($0) }) else { return false }
        var rest = Substring(unit.string(of: range.upperBound..<(range.upperBound + 60)))
        rest = rest.drop { $0 == " " }
        if rest.first == "(" {
            guard let close = rest.firstIndex(of: ")") else { return false }
            rest = rest[rest.index(after: close)...].drop { $0 == " " }
        }
        return rest.first.map { "-–—".contains($0) } ?? false
    }

    /// Whether the mention's written weekday is not its date's weekday.
    static func hasWrongWeekday(_ m: DateMention) -> Bool {
        guard let w = m.parts.weekday, let v = m.value, !v.isInterval, let mo = v.start.month, let d = v.start.day else { return false }
        return CalendarMath.weekday(year: v.start.year, month: mo, day: d) != w
    }

    static func sentenceGoesOn(_ unit: TextUnit, after range: Range<Int>) -> Bool {
        guard let next = TokenSearch.next(after: range, in: unit.tokens) else { return false }
        guard next.kind == .word || next.kind == .number else { return false }
        return unit.string(of: range.upperBound..<next.range.lowerBound).allSatisfy { $0 == " " }
    }
}
