/// Parses one reference string (a bibliography entry, or one source of a Chicago note) into a
/// ``ParsedReference``: the string is split into whitespace tokens (``ReferenceTokenizer``), the
/// trained sequence labeller (``SequenceModel``, weights compiled in from `ReferenceModelData.swift`)
/// labels each token (author, title, journal, date…), runs of one label become ``ReferenceField``s
/// with their UTF-8 ranges, and ``ReferenceNormalizer`` turns the fields into a CSL-JSON ``CSLItem``.
///
/// Time is linear in the length of the string (O(tokens · labels²) for decoding); tokens after the
/// first ``maxLabelledTokens`` (far beyond any real reference) are not run through the model but
/// labelled `note`, which bounds the work on a runaway line. Never throws: an empty or blank string
/// gives an item of type `article` with no fields. "Ibid., 47–49." gives `note` (the whole string) and
/// `page` and no names; a string none of whose words reach a CSL variable keeps its text as `note`
/// (``ReferenceNormalizer/item(text:fields:)``).
public struct ReferenceParser: Sendable {
    /// Tokens after this many are labelled `note` without decoding.
    public static let maxLabelledTokens = 600

    public static let shared = ReferenceParser(model: ReferenceModelData.model)

    public let model: SequenceModel

    public init(model: SequenceModel) {
        self.model = model
    }

    public init() {
        self = .shared
    }

    public func parse(_ text: String) -> ParsedReference {
        let tokens = ReferenceTokenizer.tokenize(text)
        let labels = labelTokens(tokens.map(\.text))
        let fields = Self.fields(text: text, tokens: tokens, labels: labels)
        return ParsedReference(text: text, item: ReferenceNormalizer.item(text: text, fields: fields), fields: fields)
    }

    /// `text` parsed with the given label on each of its tokens (as ``ReferenceTokenizer`` splits it)
    /// instead of the model's: what the normaliser makes of a labelling, e.g. gold labels when measuring
    /// how much the CSL conversion loses. `labels` must have one entry per token.
    public static func parse(_ text: String, labels: [String]) -> ParsedReference {
        let tokens = ReferenceTokenizer.tokenize(text)
        precondition(tokens.count == labels.count, "one label per token")
        let fields = Self.fields(text: text, tokens: tokens, labels: labels)
        return ParsedReference(text: text, item: ReferenceNormalizer.item(from: fields), fields: fields)
    }

    /// The label of each token.
    public func labelTokens(_ tokens: [String]) -> [String] {
        guard tokens.count > Self.maxLabelledTokens else { return model.label(tokens) }
        return model.label(Array(tokens.prefix(Self.maxLabelledTokens)))
            + Array(repeating: "note", count: tokens.count - Self.maxLabelledTokens)
    }

    /// Runs of tokens with one label, as fields with the UTF-8 range from the run's first token to its last.
    static func fields(text: String, tokens: [ReferenceToken], labels: [String]) -> [ReferenceField] {
        var fields: [ReferenceField] = []
        let utf8 = Array(text.utf8)
        var start = 0
        while start < tokens.count {
            var end = start
            while end + 1 < tokens.count && labels[end + 1] == labels[start] { end += 1 }
            let range = tokens[start].range.lowerBound..<tokens[end].range.upperBound
            fields.append(ReferenceField(label: labels[start], range: range, text: String(decoding: utf8[range], as: UTF8.self)))
            start = end + 1
        }
        return fields
    }
}
