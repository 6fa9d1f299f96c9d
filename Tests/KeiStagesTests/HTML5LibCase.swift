import Foundation

/// One test case of an html5lib `.dat` file: its sections by name (`data`, `errors`, `document`,
/// `encoding`, …) as raw bytes, with the final line feed of each section removed.
struct HTML5LibCase {
    /// The `.dat` file name and 1-based case number, e.g. `tests1.dat#12`.
    var name: String
    var sections: [String: Data]

    var data: Data { sections["data"] ?? Data() }

    /// The section names html5lib uses; any other line starting with `#` is content.
    static let headers: Set<String> = ["data", "errors", "new-errors", "document-fragment", "script-off", "script-on",
                                       "document", "encoding"]

    /// Splits a `.dat` file into cases (byte-level, so non-UTF-8 test data survives).
    static func parse(_ bytes: Data, file: String) -> [HTML5LibCase] {
        var cases: [HTML5LibCase] = []
        var current: [String: [UInt8]]?
        var section: String?
        func finish() {
            guard let c = current else { return }
            var s: [String: Data] = [:]
            for (k, v) in c {
                var v = v
                if v.last == 0x0A { v.removeLast() }
                s[k] = Data(v)
            }
            cases.append(HTML5LibCase(name: "\(file)#\(cases.count + 1)", sections: s))
        }
        for lineSlice in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            let line = Array(lineSlice)
            if line.first == 0x23, let header = String(bytes: line.dropFirst(), encoding: .utf8),
               headers.contains(header) {
                if header == "data" {
                    finish()
                    current = [:]
                }
                section = header
                if current?[header] == nil { current?[header] = [] }
                continue
            }
            guard let s = section, current != nil else { continue }
            current?[s, default: []].append(contentsOf: line + [0x0A])
        }
        finish()
        // The blank line separating cases belongs to no section: trim one trailing LF more.
        return cases.map { c in
            var c = c
            for (k, v) in c.sections where k != "data" {
                var b = [UInt8](v)
                while b.last == 0x0A { b.removeLast() }
                c.sections[k] = Data(b)
            }
            return c
        }
    }
}
