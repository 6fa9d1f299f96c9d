import KeiDocument

/// Reads a machine date written with digits only, as content-management systems and Dublin Core
/// values often are: year first in any order of separators (`2024/12/03`, `2024.3.5`, `2024-3-5`),
/// or year last — US month first (`12/31/1969`, `12-31-1969`), day first when the first part cannot
/// be a month (`31/12/1969`), and day first with dots (`31.12.1969`, `03.12.2024`), as the countries
/// that write dots do. A time after a space or `T` is allowed and not read here.
enum NumericDate {
    /// The calendar date `value` starts with, or nil when it is not a numeric date or is impossible.
    static func read(_ value: String) -> PublicationDate? {
        let s = MetadataText.normalize(value)
        let datePart = s.prefix { $0 != " " && $0 != "T" && $0 != "t" }
        guard let separator = datePart.first(where: { !($0.isASCII && $0.isNumber) }), "/-.".contains(separator) else {
            return nil
        }
        let parts = datePart.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ (1...4).contains($0.count) && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else {
            return nil
        }
        let n = parts.compactMap { Int($0) }
        guard n.count == 3 else { return nil }
        if parts[0].count == 4, parts[1].count <= 2, parts[2].count <= 2 {
            return PublicationDate(year: n[0], month: n[1], day: n[2])
        }
        guard parts[2].count == 4, parts[0].count <= 2, parts[1].count <= 2 else { return nil }
        let dayFirst = separator == "." ? n[1] <= 12 : n[0] > 12
        return dayFirst ? PublicationDate(year: n[2], month: n[1], day: n[0]) : PublicationDate(year: n[2], month: n[0], day: n[1])
    }
}
