import KeiDocument

/// Tells whether the words around a quotation credit someone for it: a named speaker with a verb of
/// saying next to the quotation ("Kim said", "“…,” he added", "said the minister"), a phrase of
/// attribution ("according to the ministry's statement", "in his words", "as the Washington
/// Declaration put it", "to quote…"), or a colon introduction that names someone ("Kim was blunt: “…”").
///
/// Works on the lower-cased word tokens of one ``TextUnit`` (``Word``); every range is a half-open
/// range of UTF-8 byte offsets (0-based) into the unit's text. Heuristic by design: it looks a few words
/// either side of the quotation, so it is linear in the words it is given.
enum QuotationAttribution {
    /// One word token of a unit: its range and its text as written and lower-cased.
    struct Word {
        var range: Range<Int>
        var text: String
        var lower: String
        /// A number token ("2018"), kept so that a number is never read as a speaker.
        var isNumber = false
        /// The word starts with an upper-case letter.
        var isCapitalised: Bool { text.first?.isUppercase ?? false }
        /// "Kim’s", "ministry's", "his", "their": the quotation that follows belongs to, not is said by, them.
        var isPossessive: Bool {
            lower.hasSuffix("’s") || lower.hasSuffix("'s") || lower.hasSuffix("s’") || QuotationAttribution.possessives.contains(lower)
        }
    }

    /// The word and number tokens of `unit`, in order.
    static func words(of unit: TextUnit) -> [Word] {
        unit.tokens.filter { $0.kind == .word || $0.kind == .number }.map {
            let s = unit.string(of: $0.range)
            return Word(range: $0.range, text: s, lower: s.lowercased(), isNumber: $0.kind == .number)
        }
    }

    /// Verbs of saying and writing, in their usual forms; "put" and "puts" only in "put it".
    static let speechVerbs: Set<String> = {
        let stems = ["say", "said", "says", "saying", "state", "stated", "states", "tell", "told", "tells", "write", "wrote",
                     "writes", "written", "writing", "declare", "declared", "declares", "note", "noted", "notes", "add", "added",
                     "adds", "argue", "argued", "argues", "explain", "explained", "explains", "remark", "remarked", "remarks",
                     "observe", "observed", "observes", "assert", "asserted", "asserts", "insist", "insisted", "insists", "warn",
                     "warned", "warns", "announce", "announced", "announces", "claim", "claimed", "claims", "acknowledge",
                     "acknowledged", "acknowledges", "admit", "admitted", "admits", "affirm", "affirmed", "affirms", "emphasize",
                     "emphasized", "emphasizes", "emphasise", "emphasised", "stress", "stressed", "stresses", "pledge", "pledged",
                     "pledges", "promise", "promised", "promises", "vow", "vowed", "vows", "urge", "urged", "urges", "call", "called",
                     "calls", "describe", "described", "describes", "recall", "recalled", "recalls", "reply", "replied", "replies",
                     "respond", "responded", "responds", "answer", "answered", "answers", "ask", "asked", "asks", "testify",
                     "testified", "testifies", "tweet", "tweeted", "tweets", "post", "posted", "posts", "conclude", "concluded",
                     "concludes", "concede", "conceded", "concedes", "comment", "commented", "comments", "continue", "continued",
                     "continues", "suggest", "suggested", "suggests", "contend", "contended", "contends", "maintain", "maintained",
                     "maintains", "proclaim", "proclaimed", "proclaims", "quip", "quipped", "quips", "joke", "joked", "jokes",
                     "exclaim", "exclaimed", "exclaims", "mention", "mentioned", "mentions", "report", "reported", "reports",
                     "read", "reads", "tells", "telling", "speaking", "spoke", "speaks", "cautioned", "cautions", "predicted",
                     "predicts", "recounted", "recounts", "lamented", "laments", "complained", "complains", "boasted", "boasts",
                     "countered", "counters", "objected", "objects", "agreed", "agrees", "confirmed", "confirms", "promised",
                     "reiterated", "reiterates", "underscored", "underscores", "highlighted", "highlights", "dismiss", "dismissed", "dismisses", "characterize", "characterized",
                     "characterizes", "characterise", "characterised", "characterises", "put", "puts"]
        return Set(stems)
    }()

    /// Words that name who speaks without being capitalised: pronouns and the usual anonymous speakers of news.
    static let speakerWords: Set<String> = ["he", "she", "they", "we", "i", "it", "officials", "official", "analysts", "experts",
                                            "sources", "critics", "diplomats", "lawmakers", "spokesperson", "spokesman",
                                            "spokeswoman", "observers", "researchers", "authors", "scholars", "residents",
                                            "witnesses", "prosecutors", "police", "investigators", "aides", "advisers",
                                            "advisors", "people", "someone", "one", "many", "others", "some", "both"]
    /// Nouns of speech that name what is quoted in a colon introduction ("a question came from the audience:").
    static let speechNouns: Set<String> = ["question", "answer", "reply", "statement", "message", "remark", "remarks", "comment",
                                           "comments", "words", "speech", "letter", "declaration", "response", "tweet", "post",
                                           "announcement", "testimony", "interview", "address"]
    /// Words that introduce an example rather than someone's words ("rules such as “If the database is slow…”").
    static let exampleIntroducers: Set<String> = ["example", "instance", "e.g.", "i.e.", "like"]
    /// Words that open a noun phrase naming a speaker after the quotation ("the ministry said").
    static let determiners: Set<String> = ["the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its",
                                           "our", "one", "another", "each", "several", "two", "three"]
    static let possessives: Set<String> = ["his", "her", "their", "its", "our", "my", "your"]
    /// Auxiliaries and adverbs that may stand between a speaker and the verb ("Lorenz had written").
    static let auxiliaries: Set<String> = ["had", "has", "have", "would", "will", "also", "then", "once", "later", "famously",
                                           "recently", "publicly", "repeatedly", "previously", "reportedly", "later", "often",
                                           "has", "bluntly", "simply", "again", "since", "already", "just", "further"]
    /// Forms of "be" before a verb of saying make it impersonal ("it is often said that “…”").
    static let impersonal: Set<String> = ["is", "was", "were", "be", "been", "being", "are", "often", "commonly", "widely", "sometimes"]

    /// Whether `words` (a sentence's words outside the quotation, in order) hold a phrase of attribution.
    static func hasAttributionPhrase(_ words: [Word]) -> Bool {
        for (i, w) in words.enumerated() {
            let next = i + 1 < words.count ? words[i + 1].lower : ""
            switch w.lower {
            case "according" where next == "to": return true
            case "put", "puts" where next == "it": return true
            case "words" where next == "of": return true
            case "to" where next == "quote": return true
            case "quoting", "quoted": return true
            // "in a statement", "in his speech", "in an interview with…"
            case "in" where determiners.contains(next) && i + 2 < words.count && speechNouns.contains(words[i + 2].lower): return true
            case "words" where i > 0 && words[i - 1].isPossessive: return true
            default: continue
            }
        }
        return false
    }

    /// Whether `words` (a sentence's words outside its quotations) hold a verb of saying with its
    /// speaker on either side: "Kim said", "the ministry warned", "he added", "said Lee", "told the BBC".
    /// A number is no speaker ("on June 12, 2018 affirmed"), nor is a possessive after the verb
    /// ("affirmed Kim’s “…”": the quotation is the verb's object), nor an impersonal "it is said".
    static func creditsSpeaker(_ words: [Word]) -> Bool {
        for i in words.indices where isSpeechVerb(words[i], in: words) {
            // "Lorenz had written", "Kim has repeatedly said": look past auxiliaries and adverbs.
            var p = i - 1
            while p > words.startIndex, p >= i - 2, auxiliaries.contains(words[p].lower) { p -= 1 }
            if p >= words.startIndex, speakerPhrase(endingAt: p, in: words) { return true }
            if i + 1 < words.endIndex {
                let next = words[i + 1]
                if !next.isPossessive, !next.isNumber, next.isCapitalised || (opensSpeaker(next) && !possessives.contains(next.lower)) {
                    return true
                }
            }
        }
        return false
    }

    /// Whether `word` is a determiner that opens a speaker's noun phrase: "the", "a", "this"… but not
    /// "that", which after a verb of saying opens what was said ("it is often said that “…”").
    static func opensSpeaker(_ word: Word) -> Bool {
        word.lower != "that" && determiners.contains(word.lower)
    }

    /// Prepositions and conjunctions: a speaker's noun phrase does not run back past them ("rests on a
    /// promise" is no speaker).
    static let phraseBreakers: Set<String> = ["on", "in", "at", "to", "for", "with", "by", "from", "into", "upon", "and",
                                              "or", "but", "as", "than", "because", "if", "while", "whether"]

    /// The longest noun phrase naming a speaker that ``speakerPhrase(endingAt:in:)`` reads, in words.
    static let speakerPhraseWords = 6
    /// The widest gap (UTF-8 bytes) between two words of one speaker phrase: ", " of an appositive
    /// passes, a quotation between them (its words are left out of `words`) does not.
    static let phraseGap = 6

    /// Whether the words of `words` ending at index `end` (the word before a verb of saying) name a
    /// speaker: a capitalised or speaker word right before the verb ("Kim said", "officials said"), or a
    /// noun phrase of up to ``speakerPhraseWords`` words that opens with a determiner or holds a
    /// capitalised word ("the North Korean foreign ministry said", "Kim Hong-kyun, the first vice
    /// foreign minister, told", "Lee Jae-myung’s office said"). A number, a form of "be", a
    /// preposition or conjunction or another verb of saying ends the phrase ("June 12, 2018 affirmed",
    /// "it is often said", "rests on a promise").
    static func speakerPhrase(endingAt end: Int, in words: [Word]) -> Bool {
        var k = end
        while k >= words.startIndex, k > end - speakerPhraseWords {
            let w = words[k]
            if w.isNumber || impersonal.contains(w.lower) || isSpeechVerb(w, in: words) || phraseBreakers.contains(w.lower) { return false }
            // "a promise", "the statement": a determiner right before the word makes it a noun, not a verb.
            if k == end, determiners.contains(w.lower) { return false }
            if k < end, words[k + 1].range.lowerBound - w.range.upperBound > phraseGap { return false }
            if k == end {
                if (w.isCapitalised && !w.isPossessive) || speakerWords.contains(w.lower) { return true }
            } else if w.isCapitalised || opensSpeaker(w) || speakerWords.contains(w.lower) {
                return true
            }
            k -= 1
        }
        return false
    }

    /// Whether the last words before a quotation introduce an example, not someone's words: "such as",
    /// "for example", "for instance", "e.g.", "like".
    static func introducesExample(_ before: [Word]) -> Bool {
        guard let last = before.last else { return false }
        if exampleIntroducers.contains(last.lower) { return true }
        return before.count >= 2 && before[before.endIndex - 2].lower == "such" && last.lower == "as"
    }

    /// Whether the words after a quotation (`after`, from its closing mark on) start with a verb of saying
    /// and its speaker, either way round: "he said", "Kim added", "the ministry said", "said Lee",
    /// "wrote the authors". "(emphasis added)" names nobody and does not count.
    static func speakerAfter(_ after: [Word]) -> Bool {
        let head = Array(after.prefix(speakerPhraseWords + 1))
        guard let first = head.first else { return false }
        if isSpeechVerb(first, in: after), head.count > 1 { return head[1].isCapitalised || determiners.contains(head[1].lower) || speakerWords.contains(head[1].lower) }
        guard let v = head.firstIndex(where: { isSpeechVerb($0, in: after) }), v > 0 else { return false }
        let subject = head[0..<v]
        return subject.contains(where: \.isCapitalised) || speakerWords.contains(subject.last!.lower)
            || determiners.contains(subject.first!.lower)
    }

    /// Whether the clause before a colon that introduces a quotation names someone: a verb of saying, or
    /// a capitalised word that does not open the sentence ("The message from Pyongyang was clear:").
    static func namesSomeone(_ before: [Word]) -> Bool {
        before.contains { isSpeechVerb($0, in: before) || speechNouns.contains($0.lower) || speakerWords.contains($0.lower) }
            || before.dropFirst().contains(where: \.isCapitalised)
    }

    /// Whether `word` is a verb of saying where it stands: written in lower case (not "the United
    /// States"), and "put" only in "put it".
    static func isSpeechVerb(_ word: Word, in words: [Word]) -> Bool {
        guard !word.isCapitalised, speechVerbs.contains(word.lower) else { return false }
        if word.lower == "put" || word.lower == "puts" {
            guard let i = words.firstIndex(where: { $0.range == word.range }), i + 1 < words.endIndex else { return false }
            return words[i + 1].lower == "it"
        }
        return true
    }
}
