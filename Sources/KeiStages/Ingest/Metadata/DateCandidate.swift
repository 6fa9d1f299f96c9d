import KeiDocument

/// A publication-date value from one source, before validation.
struct DateCandidate: Sendable, Hashable {
    /// The value as written (`2025-12-15`, `-0001-11-30T00:00:00+00:00`).
    var raw: String
    var source: String
    var line: Int
    /// Already parsed (visible text); nil for machine values, which are validated by ``parse()``.
    var parsed: PublicationDate?
    var checksConflicts: Bool = true
    /// Where the value is in the source, for diagnostic spans.
    var origin: ValueOrigin?

    init(raw: String, source: String, line: Int, parsed: PublicationDate? = nil, checksConflicts: Bool = true,
         origin: ValueOrigin? = nil) {
        self.raw = raw
        self.source = source
        self.line = line
        self.parsed = parsed
        self.checksConflicts = checksConflicts
        self.origin = origin
    }

    /// The date, when `raw` is a real calendar date: ISO 8601 (`YYYY[-MM[-DD]][Thh:mm…]`), a numeric
    /// date (`YYYY/MM/DD`, US `MM/DD/YYYY`, `DD.MM.YYYY`; ``NumericDate``), or a written date
    /// (`December 15, 2025`, `15 Dec 2025`).
    func parse() -> PublicationDate? {
        if let parsed { return parsed }
        let s = MetadataText.normalize(raw)
        if let d = PublicationDate(iso: s) { return d }
        if s.hasPrefix("-") { return nil }
        if let d = NumericDate.read(s) { return d }
        if let d = HumanDateParser.firstDate(in: s) { return d }
        return nil
    }

    /// Whether a `<time datetime>` value claims to be a date at all: HTML also allows durations
    /// (`PT0H0M53S`), times of day (`13:39`), yearless dates (`--12-15`) and weeks (`2025-W50`),
    /// which are skipped rather than reported as invalid dates.
    static func isDateLike(_ value: String) -> Bool {
        let s = MetadataText.normalize(value)
        guard let first = s.first else { return false }
        if first == "P" || s.hasPrefix("--") { return false }
        if s.contains("-W") { return false }
        if s.count <= 8, s.contains(":"), !s.contains("-") { return false }
        return true
    }

    /// Whether two dates agree at their common precision (`2025-12` agrees with `2025-12-15`).
    static func agree(_ a: PublicationDate, _ b: PublicationDate) -> Bool {
        if a.year != b.year { return false }
        if let am = a.month, let bm = b.month, am != bm { return false }
        if let ad = a.day, let bd = b.day, ad != bd { return false }
        return true
    }
}
