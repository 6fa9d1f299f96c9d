/// Counts the words of an article's text in one pass, without building tokens: what `limits.max-words`
/// is checked against before the shared analysis (``ArticleAnalysis``) tokenises the text. Every
/// punctuation mark and symbol counts as a word too, since the analysis keeps a token for each and a
/// page of "& & & …" costs as much memory as one of "a a a …".
///
/// A word is a maximal run of letters (any script), digits and combining marks, where an apostrophe
/// (' or ’) or a hyphen between two such characters does not end it ("don’t", "state-owned" and
/// "COVID-19" are one word each, "a a a" is three); any other character that is not whitespace or an
/// invisible format character is one more ("end." is two). This is close to the number of tokens of
/// ``WordTokenizer`` (it counts "U.S." as four where the tokenizer sees one word), at a cost of one look
/// at each Unicode scalar and no allocation. Text is counted in the order and scope ``ArticleWalker``
/// visits it (the same text the analysis reads); preformatted blocks and images are not text. Each
/// visited run of inlines starts a new word, so a word is never carried from one block into the next.
public struct WordCounter: ArticleVisitor {
    /// The words (punctuation marks and symbols included) counted so far.
    public private(set) var count = 0
    private var inWord = false
    /// An apostrophe or hyphen right after a word character: it joins the word only if a word character follows.
    private var pendingJoiner = false

    public init() {}

    /// The number of words, punctuation marks included, in the visible text of `article` (title, subtitle, abstract, sections,
    /// acknowledgements, notes, references; see ``ArticleWalker``).
    public static func count(in article: Article) -> Int {
        var counter = WordCounter()
        ArticleWalker.walk(article, with: &counter)
        return counter.count
    }

    /// The number of words, punctuation marks included, in `text`.
    public static func count(in text: String) -> Int {
        var counter = WordCounter()
        counter.add(text)
        return counter.count
    }

    public mutating func visitInlines(_ inlines: [Inline], context: WalkContext) {
        endWord()
        add(inlines)
        endWord()
    }

    /// Counts the text of `inlines` (formatting does not split a word: "a<em>b</em>" is one word).
    mutating func add(_ inlines: [Inline]) {
        for inline in inlines {
            switch inline {
            case .text(let run), .code(let run): add(run.string)
            case .noteRef, .lineBreak: endWord()  // the analysis reads a note marker, not its label
            case .image: break
            case .quotation(let c): endWord(); add(c); endWord()
            case .emphasis(let c), .strong(let c), .superscript(let c), .subscript(let c), .link(_, let c), .citedTitle(let c):
                add(c)
            }
        }
    }

    /// Counts the words and marks of `text`, continuing a word left open by the text before it.
    public mutating func add(_ text: String) {
        for scalar in text.unicodeScalars {
            if Self.isWordScalar(scalar) {
                if !inWord { count += 1; inWord = true }
                pendingJoiner = false
            } else if inWord, !pendingJoiner, Self.isJoiner(scalar) {
                pendingJoiner = true
            } else {
                endWord()
                if !Self.isSeparator(scalar) { count += 1 }  // a punctuation mark or symbol: a token of its own
            }
        }
    }

    /// Ends the current word (a block boundary, a line break, a note marker); an apostrophe or hyphen left
    /// at its end was a mark of its own.
    mutating func endWord() {
        if pendingJoiner { count += 1 }
        inWord = false
        pendingJoiner = false
    }

    /// Whitespace and invisible format characters (zero-width space, byte order mark): no token.
    static func isSeparator(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return s.value <= 0x20 || s.value == 0x7F }
        return s.properties.isWhitespace || s.properties.generalCategory == .format || s.properties.generalCategory == .control
    }

    static func isJoiner(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x27, 0x2D, 0x2019, 0x2010, 0x2011, 0xAD: return true
        default: return false
        }
    }

    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 {
            return (v >= 0x30 && v <= 0x39) || (v | 0x20 >= 0x61 && v | 0x20 <= 0x7A)
        }
        let p = s.properties
        if p.isAlphabetic { return true }
        switch p.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
