import Testing

/// Helpers shared by the sentence-splitter and tokenizer tests.
enum AnalysisTestSupport {
    /// One row of a table test: an input and what it should give, as strings.
    struct TableCase: Sendable, CustomTestStringConvertible {
        let input: String
        let expected: [String]
        init(_ input: String, _ expected: [String]) {
            self.input = input
            self.expected = expected
        }
        var testDescription: String { input.debugDescription }
    }

    /// The text of `range` (UTF-8 byte offsets into `text.utf8`); fails the test, and returns a
    /// placeholder, when the range is out of bounds.
    static func slice(_ text: String, _ range: Range<Int>) -> String {
        let bytes = Array(text.utf8)
        guard range.lowerBound >= 0, range.upperBound <= bytes.count else {
            Issue.record("range \(range) out of bounds for \(bytes.count) bytes")
            return "<out of bounds>"
        }
        return String(decoding: bytes[range], as: UTF8.self)
    }

    /// Checks that `ranges` are non-empty, in bounds, sorted, non-overlapping, and start and end on
    /// Unicode scalar boundaries (no range edge falls on a UTF-8 continuation byte).
    static func expectWellFormed(_ ranges: [Range<Int>], in text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let bytes = Array(text.utf8)
        func onScalarBoundary(_ offset: Int) -> Bool { offset == bytes.count || bytes[offset] & 0xC0 != 0x80 }
        var previousEnd = 0
        for range in ranges {
            #expect(!range.isEmpty, "empty range \(range) in \(text.debugDescription)", sourceLocation: sourceLocation)
            #expect(range.lowerBound >= previousEnd, "\(range) overlaps or precedes \(previousEnd) in \(text.debugDescription)", sourceLocation: sourceLocation)
            #expect(range.upperBound <= bytes.count, "\(range) past \(bytes.count) in \(text.debugDescription)", sourceLocation: sourceLocation)
            guard range.lowerBound >= 0, range.upperBound <= bytes.count else { return }
            #expect(onScalarBoundary(range.lowerBound) && onScalarBoundary(range.upperBound),
                    "\(range) splits a scalar in \(text.debugDescription)", sourceLocation: sourceLocation)
            previousEnd = range.upperBound
        }
    }

    /// Each scalar of `text` with its UTF-8 byte offset.
    static func scalarsWithOffsets(_ text: String) -> [(scalar: Unicode.Scalar, offset: Int)] {
        var result: [(Unicode.Scalar, Int)] = []
        var offset = 0
        for scalar in text.unicodeScalars {
            result.append((scalar, offset))
            offset += String(scalar).utf8.count
        }
        return result
    }

    /// Deterministic random texts built from pieces that exercise the rules: abbreviations,
    /// numbers, URLs, quotes, markers, multi-byte letters, emoji, combining marks, line breaks.
    struct RandomTexts {
        private var state: UInt64

        init(seed: UInt64) { state = seed }

        /// SplitMix64.
        private mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        static let pieces = [
            "a", "Word", "word", " ", " ", " ", "  ", ".", ".", "!", "?", "…", "...", "。", ",", ";", "\"", "'", "“", "”",
            "‘", "’", "(", ")", "[", "]", "\n", "\n\n", "\r\n", "\t", "\u{00A0}", "\u{2029}", "\u{FFFC}", "\u{200B}",
            "\u{00AD}", "-", "—", "–", "/", "@", "%", ":", "U.S.", "e.g.", "Mr.", "Dec.", "No.", "et al.", "etc.", "p.",
            "1.", "7.5", "3.2.1", "1,200", "3.5%", "kei.org", "www.example.com/a.b", "https://kei.org/x?y=1",
            "kim@kei.org", "J.", "D.", "I.", "한국", "서울은", "中文", "😀", "👍🏽", "👨‍👩‍👧", "🇰🇷", "e\u{0301}", "\u{0301}",
            "don’t", "state-owned", "Yoon’s", "Ph.D.", "a.m.", "IV.", "St.", "Inc.",
        ]

        mutating func text() -> String {
            var text = ""
            for _ in 0..<Int(next() % 24) { text += Self.pieces[Int(next() % UInt64(Self.pieces.count))] }
            return text
        }

        /// `count` texts from `seed`; the same every run.
        static func texts(seed: UInt64, count: Int) -> [String] {
            var random = RandomTexts(seed: seed)
            return (0..<count).map { _ in random.text() }
        }
    }
}
