/// A string cut into its extended grapheme clusters (`Character`s), with the UTF-8 byte offset of
/// each, so the analysis components can look at whole user-perceived characters and still answer in
/// UTF-8 byte offsets. Built in one pass over the text (linear time and memory).
///
/// Every offset here is a UTF-8 byte offset (0-based) into the original `text.utf8`; a grapheme
/// boundary is always a Unicode scalar boundary, so every range built from these offsets starts and
/// ends on a scalar boundary.
struct TextUnits {
    /// The characters of the text, in order.
    let chars: [Character]
    /// `offsets[i]` is the UTF-8 byte offset where `chars[i]` starts; `offsets[chars.count]` is the
    /// text's UTF-8 length.
    let offsets: [Int]

    init(_ text: String) {
        var chars: [Character] = []
        var offsets: [Int] = []
        var position = 0
        for character in text {
            chars.append(character)
            offsets.append(position)
            position += character.utf8.count
        }
        offsets.append(position)
        self.chars = chars
        self.offsets = offsets
    }

    var count: Int { chars.count }

    /// The half-open UTF-8 byte range covered by the characters `units` (indices into `chars`).
    func byteRange(_ units: Range<Int>) -> Range<Int> {
        offsets[units.lowerBound]..<offsets[units.upperBound]
    }

    /// The text of the characters `units` (indices into `chars`).
    func string(_ units: Range<Int>) -> String {
        String(chars[units])
    }

    /// The character at `index`, or nil past either end.
    subscript(safe index: Int) -> Character? {
        index >= 0 && index < chars.count ? chars[index] : nil
    }
}
