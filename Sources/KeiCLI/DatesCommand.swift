import ArgumentParser
import Foundation
import KeiCore
import KeiDates
import KeiDocument
import KeiStages

/// `kei-pipeline dates [--reference-date YYYY-MM-DD] [FILE...]`: every date mention of plain text or an
/// HTML page, one JSON object per line.
struct DatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dates",
        abstract: "Print every date mention of text or HTML files as JSON lines.",
        discussion: """
        Reads each FILE (standard input when no FILE is given, or for `-`) and prints each date mention the \
        extractor finds as one JSON object per line, keys sorted: `text` (as written), `start` and `end` \
        (UTF-8 byte offsets into the file as read, 0-based, end exclusive), `line` (1-based), `value` (ISO \
        8601 date, month or year, or an interval `start/end`; null for an impossible date such as February \
        30 or a relative phrase with no reference date), `kind` (date, month-day, month, year, range, season, \
        quarter, decade, relative), `form` (month-day-year, day-month-year, month-year, iso, \
        numeric-month-first, numeric-day-first, numeric-ambiguous, other), `ambiguous` (only when true: \
        "05/06/2025", valued in the U.S. order), `yearInferred` (only when true: a month-day such as "on \
        December 3" whose value takes a year that was not written, from a full date or year in the same or \
        the previous sentence, else the reference year; "the June 3 election" names something and has no \
        value) and `file` (only when several files are given).

        A file is read as HTML when its name ends in .html or .htm or it starts like HTML (`<!DOCTYPE html`, \
        `<html`): it goes through the `ingest.html` reading (site chrome removed; the page's encoding sniffed \
        as browsers do) and each mention is reported at the source bytes its words came from (for a page in another encoding, \
        offsets into the page decoded to UTF-8, as `check` reports spans). Any other file is plain UTF-8 \
        text, read whole. Relative phrases ("last week") resolve against --reference-date, \
        else an HTML page's publication date, else they have no value.

        Exit codes (as for every command, see README *Exit codes*): 0 done (also when nothing is found), 2 a \
        usage or input error: a malformed --reference-date, or a file that is missing, a directory, or plain \
        text that is not valid UTF-8 (nothing is printed then).
        """)

    @Option(name: .customLong("reference-date"), help: "The date relative phrases resolve against (YYYY-MM-DD, YYYY-MM or YYYY).")
    var referenceDate: String?

    @Argument(help: "Text or HTML files; `-` or none for standard input.")
    var files: [String] = []

    static let maxInputBytes = 64 << 20

    func validate() throws {
        if let r = referenceDate, PublicationDate(iso: r) == nil {
            throw ValidationError("--reference-date must be a date written YYYY-MM-DD (or YYYY-MM, YYYY), not '\(r)'.")
        }
    }

    func run() throws {
        let env = CLIEnvironment.current
        let inputs = try CLIInputs.read(files, limit: Self.maxInputBytes)
        var readings: [(name: String, lines: [DatesOutputLine])] = []
        for input in inputs {
            if Self.isHTML(name: input.name, data: input.data) {
                readings.append((input.name, try Self.htmlMentions(input.data, name: input.name, referenceDate: referenceDate.flatMap(PublicationDate.init(iso:)))))
            } else {
                let text = try CLIInputs.text(of: input)
                readings.append((input.name, Self.textMentions(text, referenceDate: referenceDate.flatMap(PublicationDate.init(iso:)))))
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var chunk = ""
        for (name, lines) in readings {
            for var line in lines {
                if inputs.count > 1 { line.file = name }
                chunk += String(decoding: try encoder.encode(line), as: UTF8.self) + "\n"
                if chunk.utf8.count > 1 << 16 { env.out(chunk); chunk = "" }
            }
        }
        if !chunk.isEmpty { env.out(chunk) }
    }

    /// HTML by name (.html, .htm) or by its first bytes (after a byte order mark and white space).
    static func isHTML(name: String, data: Data) -> Bool {
        let lower = name.lowercased()
        if lower.hasSuffix(".html") || lower.hasSuffix(".htm") { return true }
        var head = String(decoding: data.prefix(512), as: UTF8.self).lowercased()
        head = String(head.drop { $0 == "\u{FEFF}" || $0.isWhitespace })
        return head.hasPrefix("<!doctype html") || head.hasPrefix("<html")
    }

    /// The mentions of a plain text, with byte offsets and lines into it.
    static func textMentions(_ text: String, referenceDate: PublicationDate?) -> [DatesOutputLine] {
        let mentions = DateExtractor(referenceDate: referenceDate).mentions(in: text)
        let bytes = Array(text.utf8)
        var line = 1, at = 0
        return mentions.map { m in
            while at < m.range.lowerBound { if bytes[at] == 0x0A { line += 1 }; at += 1 }
            return DatesOutputLine(m, start: m.range.lowerBound, end: m.range.upperBound, line: line)
        }
    }

    /// The mentions of an HTML page read by `ingest.html`: every text unit of the article (title,
    /// abstract, body, notes, references), each mention at its source span; mentions whose words do not
    /// come from one stretch of the source are left out. Sorted by offset, duplicates removed.
    static func htmlMentions(_ data: Data, name: String, referenceDate: PublicationDate?) throws -> [DatesOutputLine] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kei-dates-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let source = dir.appendingPathComponent("page.html")
        try data.write(to: source)
        let ingest = try IngestHTMLStage(options: StageOptions(defaultsOf: IngestHTMLStage.description))
        var context = ArticleContext(entry: ArticleEntry(id: "dates", source: name, sourceURL: source, status: .received),
                                     issue: IssueInfo(), sourceDisplayPath: name, outputDirectory: dir,
                                     workingDirectory: CLIEnvironment.current.workingDirectory)
        try ingest.run(&context)
        guard let article = context.article, let analysis = context.currentAnalysis(), let index = context.sourceIndex else { return [] }
        let extractor = DateExtractor(referenceDate: referenceDate ?? article.metadata.publicationDate)
        var lines: [DatesOutputLine] = []
        for unit in analysis.units {
            let mentions = extractor.mentions(in: unit.text.string, tokens: unit.tokens)
            for (m, span) in zip(mentions, unit.spans(of: mentions.map(\.range))) {
                guard let span else { continue }
                lines.append(DatesOutputLine(m, start: span.start, end: span.end, line: 0))
            }
        }
        lines.sort { ($0.start, $0.end) < ($1.start, $1.end) }
        var seen = Set<Range<Int>>()
        lines = lines.filter { seen.insert($0.start..<$0.end).inserted }
        // Lines in one forward pass over the source: `position(of:)` per mention walks its line from the
        // start, which is quadratic when one long line (a paragraph on one source line) holds many dates.
        for (k, p) in index.positions(of: lines.map(\.start)).enumerated() { lines[k].line = p.line }
        return lines
    }
}
