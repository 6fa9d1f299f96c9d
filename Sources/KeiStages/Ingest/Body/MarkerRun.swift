import KeiDocument

/// Several note numbers printed in one superscript: "5,6", "5, 6", "5–7", "3, 5–7" (CMOS 17th ed.,
/// 14.26 allows more than one note number at a place only in such a run).
struct MarkerRun {
    enum Part {
        /// A printed note number and its text (with source).
        case number(TextRun, Int)
        /// A comma or dash between numbers, with the spaces around it.
        case separator(TextRun)
    }

    var parts: [Part]
    /// Every note number the run cites, the inner numbers of a range ("5–7" → 5, 6, 7) included, in order.
    var numbers: [Int]

    /// The longest range read ("1–40"): a longer one is not taken for a run of markers.
    static let maximumRange = 40

    /// Reads `run` (already trimmed) as two or more numbers of at most three digits, separated by a
    /// comma or a dash (hyphen, en dash) with optional spaces; nil for anything else (one number,
    /// letters, a decreasing range).
    static func parse(_ run: TextRun) -> MarkerRun? {
        var parts: [Part] = []
        var numbers: [Int] = []
        var pendingDash = false
        var offset = 0
        let scalars = Array(run.string.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let start = offset
            if scalars[i].properties.numericType == .decimal, scalars[i].isASCII {
                var value = 0, digits = 0
                while i < scalars.count, scalars[i].isASCII, scalars[i].properties.numericType == .decimal {
                    value = value * 10 + Int(scalars[i].value - 0x30)
                    digits += 1; offset += 1; i += 1
                }
                guard digits <= 3 else { return nil }
                if pendingDash {
                    guard let last = numbers.last, value > last, value - last <= maximumRange else { return nil }
                    numbers += (last + 1)...value
                } else {
                    numbers.append(value)
                }
                parts.append(.number(run.slice(start..<offset), value))
                pendingDash = false
                continue
            }
            var commas = 0, dashes = 0
            while i < scalars.count, !(scalars[i].isASCII && scalars[i].properties.numericType == .decimal) {
                switch scalars[i] {
                case ",": commas += 1
                case "-", "\u{2013}", "\u{2010}", "\u{2011}": dashes += 1
                case " ", "\u{00A0}", "\u{202F}", "\u{2009}": break
                default: return nil
                }
                offset += String(scalars[i]).utf8.count
                i += 1
            }
            guard !numbers.isEmpty, i < scalars.count, commas + dashes == 1 else { return nil }
            pendingDash = dashes == 1
            parts.append(.separator(run.slice(start..<offset)))
        }
        guard numbers.count >= 2, !pendingDash else { return nil }
        return MarkerRun(parts: parts, numbers: numbers)
    }
}
