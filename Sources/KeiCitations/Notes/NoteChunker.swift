/// Cuts a note paragraph into the stretches that may each cite one source (CMOS 17th ed., 14.28: several
/// sources in one note are separated by semicolons): at every semicolon, and at every sentence start,
/// that is not inside a title, quotation, URL, link, code or parentheses; and at a comma that joins a
/// second source to a first one ending with its page (", and the discussion in Smith, “Title,” 620").
///
/// A piece that follows a sentence break is marked, so the reader can join a citation written with
/// periods ("Smith, *Title*. Publisher, 2020.") back together. Linear in the paragraph's length.
enum NoteChunker {
    struct Piece: Equatable {
        /// UTF-8 byte range (0-based) into the unit's text, trimmed of white space; the semicolon that
        /// ends it is not part of it.
        var range: Range<Int>
        /// Whether the piece starts at a sentence break rather than after a semicolon or at the start.
        var afterSentenceBreak: Bool
    }

    static func pieces(_ text: NoteUnitText) -> [Piece] {
        var cuts: [(at: Int, resume: Int, sentence: Bool)] = []
        let titleStarts = text.scopes([.citedTitle, .quotation], in: 0..<text.count).map(\.range.lowerBound).sorted()
        var sentenceStarts = text.unit.sentences.dropFirst().map(\.lowerBound).makeIterator()
        var nextSentence = sentenceStarts.next()
        for i in 0..<text.count {
            while let s = nextSentence, s < i { nextSentence = sentenceStarts.next() }
            if let s = nextSentence, s == i, text.isTopLevel(i) {
                cuts.append((i, i, true))
            }
            if text.bytes[i] == UInt8(ascii: ";"), text.isTopLevel(i) {
                cuts.append((i, i + 1, false))
            }
            if joinsSecondSource(text, at: i, titleStarts: titleStarts) { cuts.append((i, i + 1, false)) }
        }
        var out: [Piece] = []
        var start = 0
        var sentence = false
        for cut in cuts {
            let r = text.trimmed(start..<cut.at)
            if !r.isEmpty { out.append(Piece(range: r, afterSentenceBreak: sentence)) }
            start = cut.resume
            sentence = cut.sentence
        }
        let r = text.trimmed(start..<text.count)
        if !r.isEmpty { out.append(Piece(range: r, afterSentenceBreak: sentence)) }
        return out
    }

    /// Whether the top-level comma at `i` joins a second source to a first that ended with its locator:
    /// a figure before it, " and " after it, and a title or quotation later in the sentence ("Cha,
    /// *Impossible State*, 80, and the discussion in Smith, “Japan, South Korea,” 620.").
    static func joinsSecondSource(_ text: NoteUnitText, at i: Int, titleStarts: [Int]) -> Bool {
        guard text.bytes[i] == UInt8(ascii: ","), text.isTopLevel(i), i > 0, i + 5 < text.count else { return false }
        let before = text.bytes[i - 1]
        guard before >= UInt8(ascii: "0"), before <= UInt8(ascii: "9"),
              Array(text.bytes[(i + 1)..<(i + 6)]) == Array(" and ".utf8) else { return false }
        // The next title or quotation after the comma, before the next semicolon or the sentence's end.
        var lo = 0, hi = titleStarts.count
        while lo < hi { let mid = (lo + hi) / 2; if titleStarts[mid] <= i { lo = mid + 1 } else { hi = mid } }
        guard lo < titleStarts.count else { return false }
        let next = titleStarts[lo]
        let sentenceEnd = text.unit.sentences.first { $0.contains(i) }?.upperBound ?? text.count
        return next < sentenceEnd && !text.bytes[i..<next].contains(UInt8(ascii: ";"))
    }
}
