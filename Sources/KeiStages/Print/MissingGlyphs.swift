import Foundation

/// The characters Apache FOP 2.8 reported it could not set, from its log lines
/// `[WARN] … Glyph "X" (0x1f600, name) not available in font "DejaVuSerif".` FOP prints `#` for them.
struct MissingGlyphs: Equatable {
    /// Code points (hex as FOP gives them, e.g. `0x5d0`), in order of first report, without repeats.
    var codes: [String]
    /// Font names FOP named, in order, without repeats.
    var fonts: [String]

    /// Nil when the log reports no missing glyph.
    init?(log: String) {
        var codes: [String] = [], fonts: [String] = []
        for line in log.split(whereSeparator: \.isNewline) where line.contains("not available in font") {
            guard let open = line.range(of: "(0x"), let close = line[open.upperBound...].firstIndex(where: { !$0.isHexDigit }) else { continue }
            let code = "U+" + line[open.upperBound..<close].uppercased()
            if !codes.contains(code) { codes.append(code) }
            if let fontStart = line.range(of: "in font \""), let fontEnd = line[fontStart.upperBound...].firstIndex(of: "\"") {
                let font = String(line[fontStart.upperBound..<fontEnd])
                if !fonts.contains(font) { fonts.append(font) }
            }
        }
        guard !codes.isEmpty else { return nil }
        self.codes = codes
        self.fonts = fonts
    }

    /// "U+05D0, U+05D1 (and 3 more) missing in font DejaVuSerif": the first five characters and the fonts.
    var summary: String {
        let shown = codes.prefix(5).map { code -> String in
            guard let value = UInt32(code.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(value),
                  !scalar.properties.isWhitespace, scalar.properties.generalCategory != .control else { return code }
            return "'\(Character(scalar))' \(code)"
        }.joined(separator: ", ")
        let more = codes.count > 5 ? " (and \(codes.count - 5) more)" : ""
        return "\(codes.count == 1 ? "the character" : "the characters") \(shown)\(more), missing in font \(fonts.isEmpty ? "(unnamed)" : fonts.joined(separator: ", "))"
    }
}
