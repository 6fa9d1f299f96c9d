import ArgumentParser
import Foundation
import KeiCitations
import KeiCore

/// `kei-pipeline cite parse [FILE...]`: one reference or note string per line in, one CSL-JSON object
/// per line out (JSON Lines), keys sorted, so the output lines up with the input (`paste`).
struct CiteParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse reference or note strings, one per line, into CSL-JSON objects, one per line.",
        discussion: """
        Reads each FILE (or standard input when no FILE is given, or for `-`) as UTF-8 text, one reference \
        or Chicago note per line, and prints for each line one CSL-JSON (CSL 1.0.2) object with sorted keys: \
        type, author/editor/translator (lists of {family, given} or {literal}), title, container-title, \
        collection-title, edition, volume, issue, page, publisher, publisher-place, issued and accessed \
        ({"date-parts": [[y, m, d]]}), URL, DOI, ISBN, note, genre. A blank line prints {} so output line N \
        always belongs to input line N. Exit codes: 0 parsed, 2 a file is missing, a directory, or not \
        valid UTF-8 (nothing is printed for any file then).
        """)

    @Argument(help: "Files of reference strings, one per line; `-` or none for standard input.")
    var files: [String] = []

    /// Larger inputs are refused (a reference file this size is a mistake).
    static let maxInputBytes = 256 << 20

    func run() throws {
        let env = CLIEnvironment.current
        let texts = try CLIInputs.read(files, limit: Self.maxInputBytes).map(CLIInputs.text(of:))
        let parser = ReferenceParser.shared
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for text in texts {
            var chunk = ""
            for line in Self.lines(text) {
                chunk += Self.json(for: line, parser: parser, encoder: encoder) + "\n"
                if chunk.utf8.count > 1 << 16 { env.out(chunk); chunk = "" }
            }
            if !chunk.isEmpty { env.out(chunk) }
        }
    }

    /// The lines of a text: split at LF or CR LF (one Character in Swift); no line after a final newline.
    static func lines(_ text: String) -> [Substring] {
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    /// One line's CSL-JSON object (`{}` for a blank line), keys sorted, slashes not escaped.
    static func json(for line: Substring, parser: ReferenceParser, encoder: JSONEncoder) -> String {
        guard line.contains(where: { !$0.isWhitespace }) else { return "{}" }
        let item = parser.parse(String(line)).item
        guard let data = try? encoder.encode(item) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
