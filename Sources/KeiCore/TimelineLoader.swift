import Foundation
import KeiDates
import KeiDocument
import Yams

/// Reads the timeline knowledge base (`Workflows/timeline.yml`, the schema in its header comment) into a
/// ``Timeline``.
///
/// In: one YAML file (UTF-8, at most ``maximumFileBytes``) with two top-level lists, `events` and
/// `offices`. Dates are ISO 8601 calendar dates (`YYYY-MM-DD`, also `YYYY-MM` or `YYYY`), proleptic
/// Gregorian. Out: the events and offices in file order, each entry with its file and line.
///
/// Every problem (a byte that is not UTF-8 or a NUL, at its line and column; YAML syntax, unknown key,
/// missing required key, impossible or non-ISO date, end before start, duplicate id, unknown kind, a
/// boolean other than `true`/`false`, `ongoing` with a one-day `date`, an office without holders, a term
/// starting before the previous term of the same office starts, two non-acting holders of one office at
/// once (a term may start on the day the previous one ends; acting holders may overlap anyone), an empty
/// name or alias) is collected with file, line and column and thrown together as a ``WorkflowError``
/// (the CLI exits 2; it lists the first ``WorkflowError/listedProblems``). Linear in the file's size.
public struct TimelineLoader: Sendable {
    /// Largest timeline file read, in bytes (``YAMLLimits/timeline``, 4 MiB).
    public static let maximumFileBytes = YAMLLimits.timeline.maximumBytes

    static let topKeys = ["events", "offices"]
    static let eventKeys = ["id", "name", "kind", "date", "start", "end", "ongoing", "aliases", "source", "verified"]
    static let officeKeys = ["id", "office", "titles", "qualifiers", "holders"]
    static let holderKeys = ["name", "aliases", "start", "end", "acting", "source", "verified"]

    /// How paths are shown in messages.
    let display: @Sendable (URL) -> String

    public init(display: @escaping @Sendable (URL) -> String = { $0.path }) {
        self.display = display
    }

    /// Loads the timeline file at `url`.
    /// - Throws: ``WorkflowError`` with every problem found (file:line:column each).
    public func load(_ url: URL) throws -> Timeline {
        let shown = display(url)
        let data: Data
        do {
            data = try FileIO.read(url, display: shown, limit: Self.maximumFileBytes,
                                   limitAdvice: YAMLLimits.timeline.sizeAdvice)
        } catch KeiError.input(_, let message) {
            throw WorkflowError([.init(SourceLocation(file: shown, line: 1), "timeline file cannot be read: \(message)")])
        } catch {
            throw WorkflowError([.init(SourceLocation(file: shown, line: 1), "timeline file \(shown) cannot be read: \(error)")])
        }
        if let bad = YAMLReader.firstInvalidUTF8(in: data) {
            let hint = data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) ? " (it looks like UTF-16)" : ""
            throw WorkflowError([.init(SourceLocation(file: shown, line: bad.line, column: bad.column),
                                       String(format: "the timeline file is not valid UTF-8: byte 0x%02X here%@; save it as UTF-8", bad.byte, hint))])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw WorkflowError([.init(SourceLocation(file: shown, line: 1), "the timeline file is not valid UTF-8")])
        }
        return try load(text: text, displayPath: shown)
    }

    /// Loads timeline text; `displayPath` names the file in messages and in every entry's location.
    /// - Throws: ``WorkflowError`` with every problem found.
    public func load(text: String, displayPath: String) throws -> Timeline {
        var r = YAMLReader(file: displayPath)
        guard let root = r.compose(text, limits: .timeline) else {
            if r.problems.isEmpty { r.problem(nil, "the timeline file is empty") }
            throw WorkflowError(r.problems)
        }
        var timeline = Timeline(file: displayPath)
        var ids: [String: SourceLocation] = [:]
        for e in r.entries(root, in: "the timeline file", allowed: Self.topKeys) ?? [] {
            guard let items = e.value.sequence else {
                r.problem(e.value, "\(e.key) must be a list of entries")
                continue
            }
            for item in items {
                switch e.key {
                case "events": if let ev = event(item, ids: &ids, reader: &r) { timeline.events.append(ev) }
                default: if let o = office(item, ids: &ids, reader: &r) { timeline.offices.append(o) }
                }
            }
        }
        if !r.problems.isEmpty { throw WorkflowError(WorkflowLoader.ordered(r.problems)) }
        return timeline
    }

    // MARK: Entries

    func event(_ node: Node, ids: inout [String: SourceLocation], reader r: inout YAMLReader) -> TimelineEvent? {
        var fields = Fields()
        var kind: TimelineEventKind?
        var date: PublicationDate?, ongoing = false
        for e in r.entries(node, in: "an event", allowed: Self.eventKeys) ?? [] {
            switch e.key {
            case "kind":
                guard let s = r.string(e.value, "kind") else { continue }
                kind = TimelineEventKind(rawValue: s)
                if kind == nil {
                    let hint = YAMLReader.closest(s, in: TimelineEventKind.allCases.map(\.rawValue)).map { " (did you mean '\($0)'?)" } ?? ""
                    r.problem(e.value, "unknown event kind '\(s)'\(hint); kinds: \(TimelineEventKind.allCases.map(\.rawValue).joined(separator: ", "))")
                    kind = .other
                }
            case "date": date = Self.date(e.value, "date", reader: &r); fields.dateGiven = true
            case "ongoing": ongoing = r.bool(e.value, "ongoing") ?? false
            default: fields.read(e, reader: &r)
            }
        }
        let location = r.location(node)
        let id = fields.require("id", fields.id, node, in: "an event", reader: &r)
        if let id { checkID(id, node: fields.idNode ?? node, ids: &ids, reader: &r) }
        let name = fields.require("name", fields.name, node, in: "event '\(id ?? "?")'", reader: &r)
        let source = fields.require("source", fields.source, node, in: "event '\(id ?? "?")'", reader: &r)
        if kind == nil { r.problem(node, "event '\(id ?? "?")' has no 'kind'") }
        if date != nil, fields.start != nil {
            r.problem(fields.startNode, "event '\(id ?? "?")' gives both 'date' and 'start': a one-day event has 'date', a span 'start' and 'end'")
        }
        if date != nil, fields.end != nil {
            r.problem(fields.endNode, "event '\(id ?? "?")' gives 'end' with 'date': write 'start' and 'end' for a span")
        }
        if ongoing, date != nil {
            r.problem(node, "event '\(id ?? "?")' is 'ongoing' but has a one-day 'date': an ongoing event has 'start' and no 'end'")
        }
        if ongoing, fields.end != nil { r.problem(fields.endNode, "event '\(id ?? "?")' is 'ongoing' but has an 'end'") }
        guard let start = date ?? fields.start else {
            if !fields.dateGiven { r.problem(node, "event '\(id ?? "?")' has no 'date' (or 'start' for a span)") }
            return nil
        }
        fields.checkOrder(start: start, what: "event '\(id ?? "?")'", reader: &r)
        guard let id, let name, let source, let kind else { return nil }
        return TimelineEvent(id: id, name: name, aliases: fields.aliases, kind: kind, start: start, end: fields.end,
                             ongoing: ongoing, source: source, verified: fields.verified, location: location)
    }

    func office(_ node: Node, ids: inout [String: SourceLocation], reader r: inout YAMLReader) -> TimelineOffice? {
        var id: String?, idNode: Node?, name: String?, titles: [String] = [], qualifiers: [String] = []
        var holders: [OfficeTerm] = []
        var sawHolders = false
        for e in r.entries(node, in: "an office", allowed: Self.officeKeys) ?? [] {
            switch e.key {
            case "id": id = r.string(e.value, "id"); idNode = e.value
            case "office": name = r.string(e.value, "office")
            case "titles": titles = Self.names(e.value, "titles", reader: &r)
            case "qualifiers": qualifiers = Self.names(e.value, "qualifiers", reader: &r)
            default:
                sawHolders = true
                guard let seq = e.value.sequence else { r.problem(e.value, "holders must be a list of office terms"); continue }
                if seq.isEmpty { r.problem(e.value, "office '\(id ?? "?")' has no holders: list at least one, or remove the office") }
                var previous: OfficeTerm?
                // The non-acting term that ends last so far (nil end: still in office): a full holder's term
                // may not overlap it beyond the handover day.
                var latest: OfficeTerm?
                for item in seq {
                    guard let (term, startNode) = holder(item, office: id ?? "?", reader: &r) else { continue }
                    let outOfOrder = previous.map { term.start < $0.start } ?? false
                    if let previous, outOfOrder {
                        r.problem(item, "\(term.person)'s term (from \(term.start.iso)) starts before the previous holder's (\(previous.person), from \(previous.start.iso)): list holders in order")
                    }
                    // Overlaps are judged only among holders in order (one out of order is reported once, above).
                    if !term.acting, !outOfOrder {
                        if let latest { checkOverlap(term, at: startNode, after: latest, office: id ?? "?", reader: &r) }
                        if latest == nil || Self.endsLater(term, than: latest!) { latest = term }
                    }
                    previous = term
                    holders.append(term)
                }
            }
        }
        if let id { checkID(id, node: idNode ?? node, ids: &ids, reader: &r) } else { r.problem(node, "an office has no 'id'") }
        if name == nil { r.problem(node, "office '\(id ?? "?")' has no 'office' (its full name)") }
        if titles.isEmpty { r.problem(node, "office '\(id ?? "?")' has no 'titles' (the titles written before a holder's name)") }
        if !sawHolders { r.problem(node, "office '\(id ?? "?")' has no 'holders': list at least one, or remove the office") }
        guard let id, let name else { return nil }
        return TimelineOffice(id: id, office: name, titles: titles, qualifiers: qualifiers, holders: holders)
    }

    /// One holder's term and the node of its `start` (where an overlap is reported).
    func holder(_ node: Node, office: String, reader r: inout YAMLReader) -> (OfficeTerm, Node?)? {
        var fields = Fields()
        var acting = false
        for e in r.entries(node, in: "an office holder", allowed: Self.holderKeys) ?? [] {
            if e.key == "acting" { acting = r.bool(e.value, "acting") ?? false } else { fields.read(e, reader: &r) }
        }
        let what = "a holder of '\(office)'"
        let name = fields.require("name", fields.name, node, in: what, reader: &r)
        let source = fields.require("source", fields.source, node, in: "\(name ?? what)", reader: &r)
        guard let start = fields.start else {
            if !fields.dateGiven { r.problem(node, "\(name ?? what) has no 'start'") }
            return nil
        }
        fields.checkOrder(start: start, what: name ?? what, reader: &r)
        guard let name, let source else { return nil }
        return (OfficeTerm(person: name, aliases: fields.aliases, start: start, end: fields.end, acting: acting,
                           source: source, verified: fields.verified, location: r.location(node)), fields.startNode)
    }

    /// Reports `term` (a non-acting holder) when it starts before `earlier` (the non-acting term ending
    /// last so far) ends: two full holders of one office at once. A term may start on the day the
    /// previous one ends (the handover day); acting holders may overlap anyone.
    func checkOverlap(_ term: OfficeTerm, at startNode: Node?, after earlier: OfficeTerm, office: String, reader r: inout YAMLReader) {
        guard let end = earlier.end else {
            r.problem(startNode, "\(term.person)'s term of '\(office)' starts (\(term.start.iso)) while \(earlier.person)'s (from \(earlier.start.iso), line \(earlier.location.line)) has no 'end': give the earlier term its end, or mark one of them 'acting: true'")
            return
        }
        if DatePrecision.isBefore(term.start, end) {
            r.problem(startNode, "\(term.person)'s term of '\(office)' starts (\(term.start.iso)) before \(earlier.person)'s (line \(earlier.location.line)) ends (\(end.iso)): two holders at once; correct the dates, or mark one of them 'acting: true'")
        }
    }

    /// Whether `a` ends after `b` (no end: still in office, the latest).
    static func endsLater(_ a: OfficeTerm, than b: OfficeTerm) -> Bool {
        guard let be = b.end else { return false }
        guard let ae = a.end else { return true }
        return DatePrecision.isAfter(ae, be)
    }

    func checkID(_ id: String, node: Node, ids: inout [String: SourceLocation], reader r: inout YAMLReader) {
        if !WorkflowLoader.isValidID(id) {
            r.problem(node, "id '\(id)' must be lower-case letters, digits, '-', '_' or '.'")
        }
        if let first = ids[id], first == r.location(node) {
            // Yams composes an alias (`*name`) into the anchored node itself, mark included: the alias's own
            // line is not known, so the anchor is named.
            r.problem(node, "duplicate id '\(id)': a YAML alias (*…) repeats the entry anchored here; write each entry out once")
        } else if let first = ids[id] {
            r.problem(node, "duplicate id '\(id)' (first used at line \(first.line))")
        } else {
            ids[id] = r.location(node)
        }
    }

    // MARK: Values

    /// The keys events and holders share.
    struct Fields {
        var id: String?, idNode: Node?
        var name: String?
        var source: String?
        var aliases: [String] = []
        var start: PublicationDate?, startNode: Node?
        var end: PublicationDate?, endNode: Node?
        var verified = true
        /// A `date` or `start` key was written (a bad value is reported as such, not as missing).
        var dateGiven = false

        mutating func read(_ e: (key: String, keyNode: Node, value: Node), reader r: inout YAMLReader) {
            switch e.key {
            case "id": id = r.string(e.value, "id"); idNode = e.value
            case "name": name = TimelineLoader.nonEmpty(e.value, "name", reader: &r)
            case "source": source = TimelineLoader.nonEmpty(e.value, "source", reader: &r)
            case "aliases": aliases = TimelineLoader.names(e.value, "aliases", reader: &r)
            case "start": start = TimelineLoader.date(e.value, "start", reader: &r); startNode = e.value; dateGiven = true
            case "end": end = TimelineLoader.date(e.value, "end", reader: &r); endNode = e.value
            case "verified": verified = r.bool(e.value, "verified") ?? true
            default: break
            }
        }

        func require(_ key: String, _ value: String?, _ node: Node, in what: String, reader r: inout YAMLReader) -> String? {
            if value == nil { r.problem(node, "\(what) has no '\(key)'") }
            return value
        }

        func checkOrder(start: PublicationDate, what: String, reader r: inout YAMLReader) {
            if let end, DatePrecision.isBefore(end, start) {
                r.problem(endNode, "\(what) ends (\(end.iso)) before it starts (\(start.iso))")
            }
        }
    }

    /// A non-empty single value.
    static func nonEmpty(_ node: Node, _ what: String, reader r: inout YAMLReader) -> String? {
        guard let s = r.string(node, what) else { return nil }
        if s.trimmingCharacters(in: .whitespaces).isEmpty {
            r.problem(node, "\(what) is empty")
            return nil
        }
        return s
    }

    /// A list of names (aliases, titles, qualifiers), none of them empty.
    static func names(_ node: Node, _ what: String, reader r: inout YAMLReader) -> [String] {
        guard let list = r.stringList(node, what) else { return [] }
        var out: [String] = []
        for (i, s) in list.enumerated() {
            if s.trimmingCharacters(in: .whitespaces).isEmpty {
                r.problem(node.sequence.map { $0[i] } ?? node, "\(what) has an empty entry (\(i + 1))")
            } else {
                out.append(s)
            }
        }
        return out
    }

    /// An ISO 8601 calendar date (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`), reporting a malformed or impossible one.
    static func date(_ node: Node, _ what: String, reader r: inout YAMLReader) -> PublicationDate? {
        guard let s = r.string(node, what) else { return nil }
        let digits = s.split(separator: "-").map(\.count)
        guard [[4], [4, 2], [4, 2, 2]].contains(digits), s.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }) else {
            r.problem(node, "\(what) '\(s)' is not an ISO 8601 date (YYYY-MM-DD, YYYY-MM or YYYY)")
            return nil
        }
        guard let d = PublicationDate(iso: s) else {
            r.problem(node, "\(what) '\(s)' is not a calendar date (no such month or day)")
            return nil
        }
        return d
    }
}
