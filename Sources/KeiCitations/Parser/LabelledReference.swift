/// One reference string with a label on each of its whitespace-separated tokens: a training or
/// evaluation example for the sequence labeller, as AnyStyle's XML datasets hold them.
public struct LabelledReference: Sendable, Hashable {
    /// The labelled stretches in order; the reference text is their texts joined by single spaces.
    public var segments: [(label: String, text: String)] {
        get { zip(segmentLabels, segmentTexts).map { ($0, $1) } }
        set { segmentLabels = newValue.map(\.label); segmentTexts = newValue.map(\.text) }
    }
    public private(set) var segmentLabels: [String] = []
    public private(set) var segmentTexts: [String] = []

    public init(segments: [(label: String, text: String)]) {
        self.segments = segments
    }

    /// The whole reference: the segments' texts joined by single spaces, whitespace collapsed.
    public var text: String {
        ReferenceTokenizer.collapsingWhitespace(segmentTexts.joined(separator: " "))
    }

    /// The tokens of the reference and the label of each (a segment's label on each of its tokens).
    public var tokensAndLabels: (tokens: [String], labels: [String]) {
        var tokens: [String] = []
        var labels: [String] = []
        for (label, text) in zip(segmentLabels, segmentTexts) {
            for token in ReferenceTokenizer.tokenize(text) {
                tokens.append(token.text)
                labels.append(label)
            }
        }
        return (tokens, labels)
    }
}
