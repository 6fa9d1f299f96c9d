import Foundation
import KeiDocument

/// Rewrites the raw keys of ``NoteRef`` markers to normalised note ids and records which notes are
/// referenced; rewrites same-page links (`#fragment`) to internal cross-references.
///
/// A same-page link whose fragment names a note, section, table or figure becomes a link to
/// `#` + that model id (JATS writes it as `xref`); one whose fragment names nothing in the article
/// becomes its text, and is recorded in ``brokenFragments``. The empty fragment and `top` (which
/// browsers scroll to without an element, WHATWG HTML) become text without a record.
struct NoteLinker {
    let idForKey: [String: String]
    let noteIDs: Set<String>
    /// Note label → id, when plain superscript numbers are to be read as markers.
    var superscriptLabels: [String: String] = [:]
    /// HTML ids of the content and what they became; nil leaves links untouched.
    var fragments: FragmentTargets?
    /// The page's own address (its canonical URL, else the file read): a link to it with a fragment,
    /// written in full or relative (`b.html#sec2`), is a same-page link too.
    var pageURL: URL?
    private(set) var referenced: Set<String> = []
    /// Labels of the markers met, in order (linked markers and superscripts read as markers).
    private(set) var markerLabels: [String] = []
    /// Superscript numbers met that were not read as markers.
    private(set) var plainSuperscriptNumbers: [Int] = []
    /// Same-page links whose fragment names nothing in the article: the fragment, the link text's
    /// span and the block's location.
    private(set) var brokenFragments: [(fragment: String, text: String, span: SourceSpan?, location: SourceLocation)] = []

    init(idForKey: [String: String], noteIDs: Set<String>) {
        self.idForKey = idForKey
        self.noteIDs = noteIDs
    }

    mutating func link(_ s: Section) -> Section {
        var out = s
        out.title = link(s.title, at: s.location)
        out.blocks = link(s.blocks)
        out.subsections = s.subsections.map { link($0) }
        return out
    }

    mutating func link(_ blocks: [Block]) -> [Block] {
        blocks.map { link($0) }
    }

    mutating func link(_ block: Block) -> Block {
        let at = block.location
        switch block {
        case .paragraph(var p):
            p.inlines = link(p.inlines, at: at)
            return .paragraph(p)
        case .list(var l):
            for i in l.items.indices { l.items[i].blocks = link(l.items[i].blocks) }
            return .list(l)
        case .blockQuote(var q):
            q.blocks = link(q.blocks)
            if let a = q.attribution { q.attribution = link(a, at: at) }
            return .blockQuote(q)
        case .table(var t):
            if let c = t.caption { t.caption = link(c, at: at) }
            for i in t.head.indices { for j in t.head[i].cells.indices { t.head[i].cells[j].inlines = link(t.head[i].cells[j].inlines, at: t.head[i].location) } }
            for i in t.body.indices { for j in t.body[i].cells.indices { t.body[i].cells[j].inlines = link(t.body[i].cells[j].inlines, at: t.body[i].location) } }
            for i in t.foot.indices { for j in t.foot[i].cells.indices { t.foot[i].cells[j].inlines = link(t.foot[i].cells[j].inlines, at: t.foot[i].location) } }
            for i in t.head.indices { for j in t.head[i].cells.indices { t.head[i].cells[j].blocks = link(t.head[i].cells[j].blocks) } }
            for i in t.body.indices { for j in t.body[i].cells.indices { t.body[i].cells[j].blocks = link(t.body[i].cells[j].blocks) } }
            for i in t.foot.indices { for j in t.foot[i].cells.indices { t.foot[i].cells[j].blocks = link(t.foot[i].cells[j].blocks) } }
            return .table(t)
        case .figure(var f):
            if let c = f.caption { f.caption = link(c, at: at) }
            return .figure(f)
        case .preformatted:
            return block
        }
    }

    mutating func link(_ inlines: [Inline], at location: SourceLocation) -> [Inline] {
        var out: [Inline] = []
        for inline in inlines {
            switch inline {
            case .noteRef(var r):
                markerLabels.append(r.label)
                if let id = idForKey[r.noteID] {
                    r.noteID = id
                    referenced.insert(id)
                } else if noteIDs.contains(r.noteID) {
                    // A dangling raw key that happens to read like a normalised id must not link to that note.
                    r.noteID = "missing-" + r.noteID
                }
                out.append(.noteRef(r))
            case .superscript(let c):
                if case .text(let t)? = c.first, c.count == 1 {
                    let number = InlineText.trim(t.string)
                    if let id = superscriptLabels[number] {
                        referenced.insert(id)
                        markerLabels.append(number)
                        let label = t.trimming(InlineText.isTrimmable)
                        out.append(.noteRef(NoteRef(label: label.string, noteID: id, span: label.span)))
                        continue
                    }
                    if let linked = linkRun(t.trimming(InlineText.isTrimmable)) {
                        out += linked
                        continue
                    }
                    if let n = Int(number) { plainSuperscriptNumbers.append(n) }
                }
                out.append(.superscript(link(c, at: location)))
            case .link(let url, let children):
                let linked = link(children, at: location)
                if let fragments, let fragment = sameDocumentFragment(url) {
                    if let target = resolve(fragment, in: fragments) {
                        out.append(.link(url: "#" + target, children: linked))
                    } else {
                        if !fragments.contentIDs.contains(fragment), !fragment.isEmpty, fragment.lowercased() != "top" {
                            brokenFragments.append((fragment, linked.plainText, Self.span(of: linked), location))
                        }
                        out += linked
                    }
                } else {
                    out.append(.link(url: url, children: linked))
                }
            default:
                guard let c = inline.children else { out.append(inline); continue }
                out.append(inline.withChildren(link(c, at: location)))
            }
        }
        return out
    }

    /// A superscript run of note numbers ("5,6", "5–7") read as one marker per printed number, the
    /// separators kept as superscript text, when every number it cites (inner numbers of a range too)
    /// labels a note; nil otherwise.
    private mutating func linkRun(_ text: TextRun) -> [Inline]? {
        guard !superscriptLabels.isEmpty, let run = MarkerRun.parse(text),
              run.numbers.allSatisfy({ superscriptLabels[String($0)] != nil }) else { return nil }
        var out: [Inline] = []
        for part in run.parts {
            switch part {
            case .number(let t, _):
                out.append(.noteRef(NoteRef(label: t.string, noteID: superscriptLabels[t.string] ?? "", span: t.span)))
            case .separator(let t):
                out.append(.superscript([.text(t)]))
            }
        }
        for n in run.numbers {
            if let id = superscriptLabels[String(n)] { referenced.insert(id) }
            markerLabels.append(String(n))
        }
        return out
    }

    /// The fragment of a link to this page (`#x`, or an address of the page followed by `#x`), or nil.
    private func sameDocumentFragment(_ url: String) -> String? {
        let u = InlineText.trim(url)
        if u.hasPrefix("#") { return String(u.dropFirst()) }
        guard let pageURL, let hash = FootnoteMarkup.firstHash(in: u),
              let address = URL(string: String(u[..<hash]), relativeTo: pageURL)?.absoluteURL,
              Self.sameDocument(address, pageURL) else { return nil }
        return String(u[u.index(after: hash)...])
    }

    /// Whether two addresses name the same document, as the URL Standard serializes them: scheme and
    /// host compared without case, a scheme's default port the same as none, an empty path `/`; the
    /// fragment aside.
    static func sameDocument(_ a: URL, _ b: URL) -> Bool {
        func key(_ url: URL) -> [String?]? {
            guard let c = URLComponents(url: url.standardized, resolvingAgainstBaseURL: true), let scheme = c.scheme?.lowercased() else {
                return nil
            }
            let defaultPort = ["http": 80, "https": 443][scheme]
            let port = c.port.flatMap { $0 == defaultPort ? nil : String($0) }
            let path = c.percentEncodedPath.isEmpty && c.host != nil ? "/" : c.percentEncodedPath
            return [scheme, c.percentEncodedUser, c.host?.lowercased(), port, path, c.percentEncodedQuery]
        }
        guard let x = key(a), let y = key(b) else { return false }
        return x == y
    }

    /// The page's own address, which same-page links may spell out (see ``pageURL``): its
    /// canonical URL when that is an http(s) address, else the file it was read from.
    static func pageURL(canonical: String?, file: String) -> URL? {
        if let canonical, case .allowed(let u) = SafeURL.check(canonical, for: .resource), SafeURL.scheme(of: u) != nil {
            return URL(string: u)
        }
        return file.isEmpty ? nil : URL(fileURLWithPath: file)
    }

    /// The model id a fragment names: as written, then percent-decoded (WHATWG HTML tries both).
    private func resolve(_ fragment: String, in fragments: FragmentTargets) -> String? {
        if let id = fragments.modelID[fragment] { return id }
        if let decoded = fragment.removingPercentEncoding, let id = fragments.modelID[decoded] { return id }
        return nil
    }

    /// The source span from the first to the last character of a run that has a source.
    static func span(of inlines: [Inline]) -> SourceSpan? {
        var result: SourceSpan?
        func visit(_ list: [Inline]) {
            for i in list {
                switch i {
                case .text(let t), .code(let t):
                    if let s = t.span { result = result.map { $0.union(s) } ?? s }
                case .noteRef(let r):
                    if let s = r.span { result = result.map { $0.union(s) } ?? s }
                default:
                    if let c = i.children { visit(c) }
                }
            }
        }
        visit(inlines)
        return result
    }
}
