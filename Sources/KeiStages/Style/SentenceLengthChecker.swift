import KeiCore
import KeiDocument

/// The `sentence-length` rule kind: a sentence of more than the rule's `max-words` words is reported
/// (an info: long sentences are a matter of judgement, not an error).
///
/// Sentences are the shared analysis's (``SentenceSplitter``). A word is a ``WordToken/Kind/word`` or
/// ``WordToken/Kind/number`` token ("U.S.", "state-owned", "2024" and "3.5%" are one word each; URLs,
/// punctuation and note markers are not words) that lies where the rule applies: words inside a
/// quotation, cited title, URL or code do not count (they are not the author's sentence to shorten),
/// but a quotation does not keep the sentence around it from being reported. The finding spans the
/// sentence without its trailing white space; `{words}` and `{max}` fill the message. No fix.
struct SentenceLengthChecker: StyleChecker {
    static let kind = StyleRuleKind.sentenceLength
    let rules: [StyleRule]

    init(rules: [StyleRule], sheet: StyleSheet) {
        self.rules = rules
    }

    func check(_ article: StyleArticle) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for rule in rules {
            let limit = rule.int("max-words", default: 40)
            for unit in article.analysis.units where rule.scopes.contains(StyleScope.block(unit.scope)) {
                var t = 0
                for sentence in unit.sentences {
                    var words = 0
                    var end = sentence.lowerBound
                    while t < unit.tokens.count, unit.tokens[t].range.lowerBound < sentence.upperBound {
                        let token = unit.tokens[t]
                        t += 1
                        guard token.range.lowerBound >= sentence.lowerBound else { continue }
                        end = token.range.upperBound
                        if (token.kind == .word || token.kind == .number) && rule.scopes.applies(to: unit, range: token.range) {
                            words += 1
                        }
                    }
                    guard words > limit else { continue }
                    out.append(StyleFinding.make(rule, unit: unit, range: sentence.lowerBound..<end,
                                                 values: ["words": String(words), "max": String(limit)]))
                }
            }
        }
        return out
    }
}
