import Foundation

/// Independent normalisation used by the metadata tests to compare extracted values with
/// expected ones: whitespace collapsed, lower-cased, straight/curly quotes removed, dashes unified.
enum MetadataComparison {
    static func key(_ s: String) -> String {
        var out = ""
        var space = false
        for ch in s.lowercased() {
            if ch.isWhitespace { space = true; continue }
            if "\"'\u{2018}\u{2019}\u{201C}\u{201D}".contains(ch) { continue }
            let c: Character = "\u{2010}\u{2011}\u{2012}\u{2013}\u{2014}\u{2015}".contains(ch) ? "-" : ch
            if space && !out.isEmpty { out.append(" ") }
            space = false
            out.append(c)
        }
        return out
    }
}
