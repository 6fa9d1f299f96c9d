import KeiDocument

/// A pass or fail example carried by a stage. A shared test ingests `html` (a whole page or a
/// body fragment) as `example.html`, runs it through the runner with the stage and `options`, and
/// checks that exactly the rules in `expectedRules` fire (each at least once, no other rule of this
/// stage). Examples run as articles of ``StageExample/issue`` (volume 3, number 2).
///
/// Like SwiftLint's `↓`, the page may mark where each expected diagnostic stands: `⟦` before its first
/// character and `⟧` after its last (``openMark``, ``closeMark``; pairs do not nest). The marks are
/// stripped before the page is ingested (``html``); the test checks that for every marked pair a
/// diagnostic of an expected rule starts and ends exactly there (line and column), and that the stage
/// reports no other located diagnostic. Then it runs every ``ExampleMutation`` of the page, except those
/// the example opts out of in ``skipping`` (each with its reason).
public struct StageExample: Sendable {
    /// The page as ingested (marks stripped).
    public var html: String
    /// The page as written, with the marks.
    public var markedHTML: String
    /// Empty for a passing example.
    public var expectedRules: Set<String>
    public var options: [String: OptionValue]
    public var note: String
    /// Mutations that do not apply to this example, with the reason.
    public var skipping: [ExampleMutation: String]

    public static let openMark: Character = "⟦"
    public static let closeMark: Character = "⟧"

    public init(_ note: String, html: String, expect expectedRules: Set<String> = [], options: [String: OptionValue] = [:],
                skipping: [ExampleMutation: String] = [:]) {
        self.note = note
        self.markedHTML = html
        self.html = Self.strip(html).html
        self.expectedRules = expectedRules
        self.options = options
        self.skipping = skipping
    }

    /// The marked spans of ``markedHTML``: UTF-8 offsets (0-based, half-open) into ``html``.
    public var markedSpans: [SourceSpan] { Self.strip(markedHTML).spans }

    /// A marked page without its marks, and each marked pair as UTF-8 offsets into the stripped page.
    /// An unpaired mark is dropped without a span.
    public static func strip(_ marked: String) -> (html: String, spans: [SourceSpan]) {
        var html = ""
        var spans: [SourceSpan] = []
        var open: Int?
        var offset = 0
        for c in marked {
            if c == openMark {
                open = offset
            } else if c == closeMark {
                if let o = open { spans.append(SourceSpan(start: o, end: offset)) }
                open = nil
            } else {
                html.append(c)
                offset += c.utf8.count
            }
        }
        return (html, spans)
    }

    /// The issue every example runs in.
    public static let issue = IssueInfo(journal: JournalInfo(id: "korea-policy", title: "Korea Policy",
                                                             publisher: "Korea Economic Institute of America"),
                                        volume: "3", number: "2", coverDate: "2025-12-15")

    /// A minimal article page around a body fragment (the title "T" as its heading), long enough for the
    /// content extractor to keep as the article.
    public static func articlePage(_ body: String) -> String {
        """
        <html><head><title>T</title></head><body><article><h1>T</h1>
        \(body)
        </article></body></html>
        """
    }

    /// Whether this example must trigger diagnostics.
    public var triggers: Bool { !expectedRules.isEmpty }
}
