import KeiDates

/// One line of `kei-pipeline dates`: a mention with its place in the file. Encoded with `value` null when
/// the mention has none, `ambiguous` only when true and `file` only when set.
struct DatesOutputLine: Encodable {
    var text: String
    var start: Int
    var end: Int
    var line: Int
    var value: String?
    var kind: String
    var form: String
    var ambiguous: Bool
    var yearInferred: Bool
    var file: String?

    init(_ m: DateMention, start: Int, end: Int, line: Int) {
        text = m.text
        self.start = start
        self.end = end
        self.line = line
        value = m.value?.iso
        kind = m.kind.rawValue
        form = m.form.rawValue
        ambiguous = m.isAmbiguous
        yearInferred = m.yearIsInferred
    }

    enum CodingKeys: String, CodingKey { case text, start, end, line, value, kind, form, ambiguous, yearInferred, file }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
        try c.encode(line, forKey: .line)
        try c.encode(value, forKey: .value)
        try c.encode(kind, forKey: .kind)
        try c.encode(form, forKey: .form)
        if ambiguous { try c.encode(true, forKey: .ambiguous) }
        if yearInferred { try c.encode(true, forKey: .yearInferred) }
        try c.encodeIfPresent(file, forKey: .file)
    }
}
