import KeiCore
import KeiDocument

/// What a ``StyleChecker`` sees of one article: the model, its shared analysis, the issue, and the
/// matches of every checker's term patterns (found once for all of them).
struct StyleArticle: Sendable {
    let article: Article
    let analysis: ArticleAnalysis
    let issue: IssueInfo
    let sheet: StyleSheet
    /// The matches of every term pattern, grouped by rule id, each group in reading order.
    let matches: [String: [TermMatch]]

    /// The matches of `rule`'s terms, in reading order.
    func matches(for rule: String) -> [TermMatch] { matches[rule] ?? [] }

    /// A location in the article's source (line filled in from the span by the runner).
    func location(_ unit: TextUnit) -> SourceLocation { unit.location }
}

/// Builds a style rule's diagnostic for words of a unit, with the rule's fix as a text edit.
enum StyleFinding {
    /// A finding of `rule` at `range` of `unit`. With a `replacement` and a rule fix policy other than
    /// `none`, the diagnostic carries one edit replacing the range; it is safe only when the policy is
    /// `safe` and the range stands in the source verbatim as one contiguous stretch (otherwise what the
    /// model shows is not what the source spells, and the edit is only suggested). No edit when the
    /// range's source span stands for more than the range (part of a non-verbatim origin).
    /// `values` fills the message template; `match` and `replacement` are added. `editRange` (default:
    /// `range`) is the UTF-8 range the edit replaces when it differs from the words reported (deleting
    /// " (OPCON)" with the space before it while the finding spans "(OPCON)").
    ///
    /// One narrow exception to "verbatim": an edit that replaces white space with white space (a line's
    /// spaces, tabs, no-break and fixed-width spaces — never a line break, which may stand for `<br>`) is
    /// safe when its source is contiguous, even where that source is an entity (`&nbsp;`) or a collapsed
    /// run of source white space. Such source holds nothing but white space, so replacing all of it keeps
    /// every word and tag; this makes the main case of `style.double-space`, "May.&nbsp; The", fixable.
    static func make(_ rule: StyleRule, unit: TextUnit, range: Range<Int>, replacement: String? = nil,
                     values: [String: String] = [:], fixText: String? = nil, editRange: Range<Int>? = nil) -> Diagnostic {
        var values = values
        let shown = unit.string(of: range)
        if values["match"] == nil { values["match"] = shown }
        if let replacement, values["replacement"] == nil { values["replacement"] = replacement }
        var edits: [TextEdit] = []
        let edited = editRange ?? range
        // The span must stand for exactly the words edited: an edit of a whole origin that is not
        // verbatim (a title read from a `<meta content>` value) would replace all of it.
        if let replacement, rule.fix != .none, let span = unit.exactSpan(of: edited) {
            let verbatim = unit.isVerbatim(edited) || (isInlineSpace(unit.string(of: edited)) && isInlineSpace(replacement))
            let safe = rule.fix == .safe && verbatim && unit.hasContiguousSource(edited)
            edits.append(TextEdit(span: span, replacement: replacement, isSafe: safe))
        }
        let fix = fixText ?? replacement.map { $0.isEmpty ? "Delete “\(shown)”." : "Write “\($0)”." }
        return rule.diagnostic(values, at: unit.location, span: unit.span(of: range), fix: fix, edits: edits)
    }

    /// `diagnostic` with its edits only suggested (not applied by `--fix`).
    static func suggestedOnly(_ diagnostic: Diagnostic) -> Diagnostic {
        var d = diagnostic
        d.edits = d.edits.map { var e = $0; e.isSafe = false; return e }
        return d
    }

    /// Whether `text` is non-empty and all white space inside a line (``TypographyChecker/isSpace(_:)``):
    /// no line break, which may stand for a tag such as `<br>`.
    static func isInlineSpace(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { TypographyChecker.isSpace($0) }
    }
}
