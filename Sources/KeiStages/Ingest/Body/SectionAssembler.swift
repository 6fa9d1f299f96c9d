import KeiDocument

/// Builds the section tree from the flat stream of headings and blocks: drops the title heading
/// and the byline/dateline lines that repeat metadata, promotes short all-bold paragraphs standing
/// where headings would be, nests sections by heading level, numbers them and takes out the abstract.
struct SectionAssembler {
    let metadata: ArticleMetadata
    let file: String

    /// Section titles read as the abstract.
    static let abstractTitles: Set<String> = ["executive summary", "abstract", "summary", "summary of findings"]

    func assemble(_ stream: [BodyItem]) -> (abstract: [Block], sections: [Section]) {
        var items = BulletListMerger.merge(stream)
        items = attachFigureCaptions(items)
        items = promoteBoldParagraphs(items)
        items = dropFrontMatter(items)

        // Nest by level.
        var roots: [Section] = []
        var leading: [Block] = []
        var stack: [Section] = []
        func close(downTo level: Int) {
            while let top = stack.last, top.level >= level {
                stack.removeLast()
                if stack.isEmpty { roots.append(top) } else { stack[stack.count - 1].subsections.append(top) }
            }
        }
        for item in items {
            switch item {
            case .heading(let level, let title, let line, _):
                close(downTo: level)
                stack.append(Section(id: "", title: title, level: level, location: SourceLocation(file: file, line: line)))
            case .block(let b):
                if stack.isEmpty { leading.append(b) } else { stack[stack.count - 1].blocks.append(b) }
            }
        }
        close(downTo: Int.min)

        var abstract: [Block] = []
        if let index = roots.firstIndex(where: { Self.abstractTitles.contains(titleKey($0.title)) }) {
            abstract = flattened(roots[index])
            roots.remove(at: index)
        }
        if !leading.isEmpty {
            roots.insert(Section(id: "", title: [], level: 0, blocks: leading,
                                 location: leading[0].location), at: 0)
        }
        for i in roots.indices { number(&roots[i], id: "sec\(i + 1)") }
        return (abstract, roots)
    }

    private func titleKey(_ title: [Inline]) -> String {
        var k = InlineText.key(title.plainText)
        while let l = k.last, ":.".contains(l) { k.removeLast() }
        return k
    }

    private func number(_ s: inout Section, id: String) {
        s.id = id
        for i in s.subsections.indices { number(&s.subsections[i], id: "\(id).\(i + 1)") }
    }

    /// The blocks of a section with its subsections' titles kept as bold paragraphs.
    private func flattened(_ s: Section) -> [Block] {
        var out = s.blocks
        for sub in s.subsections {
            out.append(.paragraph(Paragraph(inlines: [.strong(sub.title)], location: sub.location)))
            out += flattened(sub)
        }
        return out
    }

    // MARK: captions of bare images

    /// A bare image followed by a paragraph starting "Figure 1:" takes that paragraph as its caption.
    func attachFigureCaptions(_ items: [BodyItem]) -> [BodyItem] {
        var out: [BodyItem] = []
        for item in items {
            if case .block(.paragraph(let p)) = item, case .block(.figure(var f))? = out.last, f.caption == nil, f.label == nil,
               let (label, drop) = InlineText.captionLabel(p.inlines.plainText), label.lowercased().hasPrefix("fig") {
                f.label = label
                let rest = InlineText.normalize(InlineText.dropPrefix(p.inlines, count: drop))
                f.caption = InlineText.isBlank(rest) ? nil : rest
                out[out.count - 1] = .block(.figure(f))
                continue
            }
            out.append(item)
        }
        return out
    }

    // MARK: bold paragraphs as headings

    /// A short all-bold paragraph (≤ 12 words, no closing punctuation) between other blocks is a heading.
    func promoteBoldParagraphs(_ items: [BodyItem]) -> [BodyItem] {
        var realLevels: [Int] = []
        for case .heading(let level, _, _, _) in items { realLevels.append(level) }
        let defaultLevel = max(2, realLevels.filter { $0 > 1 }.min() ?? 2)
        func candidate(_ item: BodyItem) -> [Inline]? {
            guard case .block(.paragraph(let p)) = item, InlineText.isAllStrong(p.inlines) else { return nil }
            let text = InlineText.trim(p.inlines.plainText)
            guard let last = text.last, !".!?:;,".contains(last), InlineText.wordCount(text) <= 12,
                  !p.inlines.contains(.lineBreak) else { return nil }
            return InlineText.unwrapStrong(p.inlines)
        }
        var out: [BodyItem] = []
        var lastReal: Int?
        for (i, item) in items.enumerated() {
            if case .heading(let level, _, _, _) = item { lastReal = level }
            guard let title = candidate(item), case .block(.paragraph(let p)) = item else { out.append(item); continue }
            let prevIsCandidate = i > 0 && candidate(items[i - 1]) != nil
            let next: BodyItem? = i + 1 < items.count ? items[i + 1] : nil
            var nextIsBlock = false
            if let next, case .block = next, candidate(next) == nil { nextIsBlock = true }
            if !prevIsCandidate, nextIsBlock {
                let level = min(6, lastReal.map { $0 + 1 } ?? defaultLevel)
                out.append(.heading(level: level, title: title, line: p.location.line, promoted: true))
            } else {
                out.append(item)
            }
        }
        return out
    }

    // MARK: title, byline, dateline

    /// Drops the heading that repeats the title, and dateline/byline/"Download PDF" lines at the start
    /// of the content or right after the title.
    func dropFrontMatter(_ items: [BodyItem]) -> [BodyItem] {
        var list = items
        var resumeAt = 0
        if let title = metadata.title.map(InlineText.key), !title.isEmpty,
           let index = list.firstIndex(where: { item in
               if case .heading(_, let t, _, _) = item { return matchesTitle(InlineText.key(t.plainText), title) }
               return false
           }) {
            list.remove(at: index)
            resumeAt = index
        }
        var i = resumeAt
        while i < list.count, case .block(.paragraph(let p)) = list[i], isFrontMatterLine(p.inlines.plainText) {
            list.remove(at: i)
        }
        if resumeAt > 0 {
            i = 0
            while i < list.count, case .block(.paragraph(let p)) = list[i], isFrontMatterLine(p.inlines.plainText) {
                list.remove(at: i)
            }
        }
        return list
    }

    /// The heading equals the title, or the title is the heading plus a " | Site name" suffix.
    func matchesTitle(_ heading: String, _ title: String) -> Bool {
        if heading.isEmpty { return false }
        if heading == title { return true }
        guard title.hasPrefix(heading) else { return false }
        let rest = title.dropFirst(heading.count)
        return rest.hasPrefix(" | ") || rest.hasPrefix(" - ") || rest.hasPrefix(" :: ") || rest.hasPrefix(" / ")
    }

    static let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                         "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
                         "sep", "sept", "oct", "nov", "dec"]
    static let toolLines: Set<String> = ["download pdf", "download the pdf", "download", "pdf", "print", "share",
                                         "view pdf", "print this page", "share this", "download pdf print",
                                         "share this page", "email", "download as pdf"]

    /// A dateline, byline, repeated title or download/share line.
    func isFrontMatterLine(_ text: String) -> Bool {
        let k = InlineText.key(text)
        if k.isEmpty { return true }
        let words = InlineText.wordCount(k)
        if let t = metadata.title.map(InlineText.key), matchesTitle(k, t) { return true }
        if let s = metadata.subtitle.map(InlineText.key), k == s { return true }
        if Self.toolLines.contains(k) { return true }
        for prefix in ["published", "posted", "updated", "last updated", "date:", "dated"] where k.hasPrefix(prefix) {
            if words <= 12 && looksLikeDate(k) { return true }
        }
        if words <= 6, looksLikeDate(k), k.contains(where: { $0.isNumber }) { return true }
        if k.hasPrefix("by "), words <= 14, !k.hasSuffix("."), !k.contains(where: { $0.isNumber }) { return true }
        if !metadata.authors.isEmpty, words <= 10 * metadata.authors.count + 6, !k.hasSuffix("."),
           metadata.authors.allSatisfy({ k.contains(InlineText.key($0.name)) }) { return true }
        return false
    }

    private func looksLikeDate(_ k: String) -> Bool {
        let tokens = k.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "-" && $0 != "/" })
        let hasYear = tokens.contains { t in t.count >= 4 && t.prefix(4).allSatisfy(\.isNumber) }
        let hasMonth = tokens.contains { Self.months.contains(String($0)) }
        let isoLike = tokens.contains { $0.count == 10 && $0.filter { $0 == "-" || $0 == "/" }.count == 2 }
        return (hasYear && hasMonth) || isoLike
    }
}
