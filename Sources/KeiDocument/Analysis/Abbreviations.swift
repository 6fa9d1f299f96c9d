/// The abbreviations the sentence splitter knows, with what a period after each means. The list
/// follows Chicago Manual of Style usage (17th ed., 10.4ff: periods with abbreviations; civil and
/// military titles; Jr. and Sr.; company names; months; the scholarly abbreviations such as "e.g.",
/// "cf.", "et al.", "p.", "vol.", "ed.") where CMOS applies, plus the forms the journal's
/// copy keeps although CMOS would drop the periods ("U.S.", "U.K.", "U.N.").
///
/// Keys are case-sensitive and written with their final period ("Mr.", "e.g.").
enum Abbreviations {
    enum Behaviour: Equatable {
        /// Never ends a sentence: a capitalised word after it continues the sentence ("Mr. Kim",
        /// "e.g. Japan", "vol. IV", "Acme Inc. said").
        case neverEnds
        /// Continues the sentence when a numeral follows ("Dec. 15", "No. 3", "Art. IV"); ends it
        /// like any period otherwise ("…in Jan. The next…", "The answer was No. Then…").
        case continuesBeforeNumeral
        /// An abbreviation that often ends a sentence; its period follows the general rule (a
        /// capitalised word after it starts a new sentence): "etc.", "a.m.", "p.m.", "ibid.".
        case mayEnd
    }

    static func behaviour(of abbreviation: String) -> Behaviour? { table[abbreviation] }

    private static let table: [String: Behaviour] = {
        var table: [String: Behaviour] = [:]
        let neverEnds = [
            // Titles before names.
            "Mr.", "Mrs.", "Ms.", "Messrs.", "Dr.", "Prof.", "Sen.", "Sens.", "Rep.", "Reps.", "Gov.", "Pres.",
            "Amb.", "Rev.", "Hon.", "Gen.", "Lt.", "Col.", "Maj.", "Capt.", "Cmdr.", "Adm.", "Sgt.", "St.", "Mt.", "Ft.",
            // After names, and company names.
            "Jr.", "Sr.", "Inc.", "Co.", "Corp.", "Ltd.", "Bros.",
            // Scholarly and Latin abbreviations (the "et al." case is handled by the splitter: "al." alone is no abbreviation).
            "e.g.", "i.e.", "cf.", "viz.", "vs.", "v.", "op.", "ca.", "approx.", "esp.",
            "p.", "pp.", "vol.", "vols.", "Vol.", "Vols.", "no.", "nos.", "n.", "nn.", "ch.", "chap.", "sec.", "para.",
            "art.", "fig.", "figs.", "Fig.", "Figs.", "ed.", "eds.", "trans.", "comp.", "repr.", "ser.", "pt.",
            "Dept.", "Univ.",
            // Dotted forms of country and body names, kept by the journal's copy.
            "U.S.", "U.K.", "U.N.", "U.S.A.", "E.U.", "D.C.",
        ]
        for key in neverEnds { table[key] = .neverEnds }
        let continuesBeforeNumeral = [
            "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.",
            "No.", "Nos.", "Art.", "Sec.", "Ch.", "Para.", "c.",
        ]
        for key in continuesBeforeNumeral { table[key] = .continuesBeforeNumeral }
        for key in ["etc.", "a.m.", "p.m.", "ibid.", "Ibid.", "Ph.D.", "B.C."] { table[key] = .mayEnd }
        return table
    }()
}
