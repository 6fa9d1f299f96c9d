/// The CSL item of an interview cited in a note, read from its parts rather than by the reference
/// labeller (which has few interviews to learn from): "Interviews with U.S. and South Korean officials,
/// Washington and Seoul, May–September 2025." is the title (the first part), the place (the parts
/// between) and the date (the last part, when it holds a year), CMOS 17th ed. 14.219.
enum InterviewItem {
    /// `text` is the citation's words; `issued` the date the parser read, if any.
    static func item(_ text: String, issued: CSLDate?) -> CSLItem {
        var item = CSLItem(type: .interview)
        var body = text.trimmingScalars(TextScan.isWhitespace)
        while let last = body.unicodeScalars.last, last == "." || last == "," || last == ";" { body.unicodeScalars.removeLast() }
        var parts = body.components(separatedBy: ", ")
        if parts.count > 1, let last = parts.last, last.unicodeScalars.contains(where: { $0.properties.numericType != nil }),
           ReferenceDateParser.parse(last) != nil || issued != nil {
            item.issued = ReferenceDateParser.parse(last) ?? issued
            parts.removeLast()
        } else {
            item.issued = issued
        }
        item.title = parts.first
        if parts.count > 1 { item.publisherPlace = parts.dropFirst().joined(separator: ", ") }
        return item
    }
}
