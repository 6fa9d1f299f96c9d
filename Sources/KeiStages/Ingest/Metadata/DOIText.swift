import Foundation

/// Cleans DOI spellings (`doi:10.x/y`, `https://doi.org/10.x/y`) down to the bare `10.x/y`.
enum DOIText {
    static func clean(_ raw: String?) -> String? {
        guard let raw, var s = MetadataText.nonEmpty(raw) else { return nil }
        if let r = s.range(of: "doi.org/", options: .caseInsensitive) {
            s = String(s[r.upperBound...])
        } else if s.lowercased().hasPrefix("doi:") {
            s = String(s.dropFirst(4)).trimmingCharacters(in: .whitespaces)
        }
        guard s.hasPrefix("10."), s.contains("/") else { return nil }
        return s
    }
}
