import KeiDocument

extension DOMDocument {
    /// Where an element's start tag, or one of its attribute values, is in ``sourceText``, for
    /// diagnostics about a value the element carries (a `<meta content>`, a `<time datetime>`).
    ///
    /// - Parameters:
    ///   - start: the element's ``DOMElement/sourceStart`` (UTF-8 offset of its `<`).
    ///   - attribute: a lower-case attribute name; nil for the whole start tag.
    /// - Returns: the UTF-8 offsets of the attribute's value (inside its quotes) when the tag has that
    ///   attribute with a value, else of the whole start tag (`<` through `>`); nil when `start` is not
    ///   the `<` of a start tag in ``sourceText``. The tag is read as libxml2 2.9 tokenizes it
    ///   (quoted values may hold `>`).
    public func startTagSpan(at start: Int, attribute: String? = nil) -> SourceSpan? {
        var text = sourceText
        return text.withUTF8 { bytes -> SourceSpan? in
            guard start >= 0, start + 1 < bytes.count, bytes[start] == UInt8(ascii: "<"),
                  HTMLSourceScanner.isLetter(bytes[start + 1]) else { return nil }
            let scanner = HTMLSourceScanner(bytes)
            let wanted = attribute.map { Array($0.lowercased().utf8) }
            var value: Range<Int>?
            let tag = scanner.startTag(at: start) { name, range in
                guard value == nil, let wanted, let range, name.count == wanted.count else { return }
                if zip(name, wanted).allSatisfy({ bytes[$0.0] | 0x20 == $0.1 | 0x20 }) { value = range }
            }
            return SourceSpan(value ?? start..<tag.end)
        }
    }
}
