/// Cuts a note paragraph into the stretches that may each cite one source (CMOS 17th ed., 14.28: several
/// sources in one note are separated by semicolons): at every semicolon, and at every sentence start,
/// that is not inside a title, quotation, URL, link, code or parentheses.
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
}
