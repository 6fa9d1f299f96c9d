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

    /// The value of `element`'s `attribute` as a browser reads it. libxml2 2.9 ends an attribute value
    /// at a character reference to a character XML does not allow (`href="/a&#0;b"` gives `/a`); then
    /// the value is read from ``sourceText`` with its references decoded as the HTML tokenizer does
    /// (U+0000 becomes U+FFFD, other controls are kept). Otherwise, and when the source cannot be found, libxml2's value.
    public func attributeValue(of element: DOMElement, _ attribute: String) -> String? {
        guard let parsed = element[attribute: attribute] else { return nil }
        guard let start = element.sourceStart, let span = startTagSpan(at: start, attribute: attribute) else { return parsed }
        let utf8 = Array(sourceText.utf8)
        guard span.end <= utf8.count, utf8[span.start] != UInt8(ascii: "<") || span.isEmpty else { return parsed }
        let fromSource = HTMLCharacterReferences.decode(String(decoding: utf8[span.range], as: UTF8.self), keepingControls: true)
        return fromSource.count > parsed.count && fromSource.hasPrefix(parsed) ? fromSource : parsed
    }
}
