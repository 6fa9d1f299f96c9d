/// Splits a reference string into tokens at Unicode white space (as AnyStyle's labelled data is
/// tokenized), keeping each token's UTF-8 range. Default-ignorable code points (zero-width spaces,
/// variation selectors such as the U+FE0E of a "↩︎" back-link, soft hyphens) separate tokens too, so
/// they never make a token of their own. Linear in the length of the string.
public enum ReferenceTokenizer {
    public static func tokenize(_ text: String) -> [ReferenceToken] {
        var tokens: [ReferenceToken] = []
        var offset = 0
        var start: Int? = nil
        var startIndex = text.unicodeScalars.startIndex
        var index = text.unicodeScalars.startIndex
        for scalar in text.unicodeScalars {
            let isSpace = scalar.properties.isWhitespace || scalar.properties.isDefaultIgnorableCodePoint
            if isSpace {
                if let s = start {
                    tokens.append(ReferenceToken(text: String(text.unicodeScalars[startIndex..<index]), range: s..<offset))
                    start = nil
                }
            } else if start == nil {
                start = offset
                startIndex = index
            }
            offset += scalar.utf8.count
            index = text.unicodeScalars.index(after: index)
        }
        if let s = start {
            tokens.append(ReferenceToken(text: String(text.unicodeScalars[startIndex..<index]), range: s..<offset))
        }
        return tokens
    }

    /// The string with every run of white space made one space, and none at either end.
    public static func collapsingWhitespace(_ text: String) -> String {
        tokenize(text).map(\.text).joined(separator: " ")
    }
}
