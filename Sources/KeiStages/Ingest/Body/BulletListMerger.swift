import KeiDocument

/// Turns paragraphs that start with "•" bullets (a list flattened by a CMS or a copy from PDF)
/// back into a list. When bullets alternate between all-bold titles and plain explanations,
/// the explanations are nested under their title, as in the source's nested list.
enum BulletListMerger {
    static let topBullets: Set<Character> = ["\u{2022}", "\u{25CF}", "\u{25A0}", "\u{2023}", "\u{00B7}", "\u{2043}"]
    static let subBullets: Set<Character> = ["\u{25E6}", "\u{25CB}", "\u{25AA}", "\u{25A1}", "\u{2219}"]

    /// One bullet line: its content without the bullet, its nesting depth and where it came from.
    struct Bullet {
        var inlines: [Inline]
        var depth: Int
        var location: SourceLocation
    }

    /// Merges runs of bullet paragraphs in a stream of headings and blocks.
    static func merge(_ items: [BodyItem]) -> [BodyItem] {
        var out: [BodyItem] = []
        var run: [Bullet] = []
        func flush() {
            guard !run.isEmpty else { return }
            out.append(.block(.list(makeList(run))))
            run = []
        }
        for item in items {
            if case .block(.paragraph(let p)) = item, let bullets = bullets(in: p) {
                run += bullets
            } else {
                flush()
                out.append(item)
            }
        }
        flush()
        return out
    }

    /// True for every scalar a bullet Character can be: the bullets above and U+0387 GREEK ANO TELEIA,
    /// which is canonically equivalent to U+00B7 (so the Character sets contain it too).
    static func isBulletScalar(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x00B7, 0x0387, 0x2022, 0x2023, 0x2043, 0x2219, 0x25A0, 0x25A1, 0x25AA, 0x25CB, 0x25CF, 0x25E6: return true
        default: return false
        }
    }

    /// True when the text has a bullet scalar, found by its UTF-8 bytes: U+00B7 is C2 B7, U+0387 is CE 87,
    /// the others are three bytes from E2 (lead bytes never occur inside another scalar's encoding).
    static func containsBulletScalar(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { bytes in
            var i = 0
            while i + 1 < bytes.count {
                switch bytes[i] {
                case 0xC2 where bytes[i + 1] == 0xB7, 0xCE where bytes[i + 1] == 0x87:
                    return true
                case 0xE2 where i + 2 < bytes.count:
                    let value = 0x2000 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                    if let u = Unicode.Scalar(value), isBulletScalar(u) { return true }
                default:
                    break
                }
                i += 1
            }
            return false
        }
    }

    /// The bullet lines of a paragraph, or nil when it is not (entirely) bulleted.
    static func bullets(in p: Paragraph) -> [Bullet]? {
        // Most paragraphs have no bullet character at all: skip splitting and re-normalising them.
        guard containsBulletScalar(p.inlines.plainText) else { return nil }
        var lines: [[Inline]] = [[]]
        for i in p.inlines {
            if i == .lineBreak { lines.append([]) } else { lines[lines.count - 1].append(i) }
        }
        var out: [Bullet] = []
        for line in lines {
            let normalized = InlineText.normalize(line)
            if InlineText.isBlank(normalized) { continue }
            guard let (depth, drop) = bulletPrefix(normalized.plainText) else { return nil }
            let content = InlineText.normalize(InlineText.dropPrefix(normalized, count: drop))
            if InlineText.isBlank(content) { continue }
            out.append(Bullet(inlines: content, depth: depth, location: p.location))
        }
        return out.isEmpty ? nil : out
    }

    /// The depth of a bullet at the start of `text` and how many characters the bullet and its space take.
    static func bulletPrefix(_ text: String) -> (depth: Int, drop: Int)? {
        var n = 0
        var iterator = text.makeIterator()
        var bullet: Character?
        while let c = iterator.next() {
            n += 1
            if InlineText.isTrimmable(c) { continue }
            bullet = c
            break
        }
        guard let b = bullet else { return nil }
        let depth: Int
        if topBullets.contains(b) { depth = 1 } else if subBullets.contains(b) { depth = 2 } else { return nil }
        guard let next = iterator.next(), InlineText.isTrimmable(next) else { return nil }
        n += 1
        while let c = iterator.next(), InlineText.isTrimmable(c) { n += 1 }
        return (depth, n)
    }

    static func makeList(_ bullets: [Bullet]) -> ListBlock {
        var lines = bullets
        // Bold title bullets followed by plain explanations: nest the explanations.
        if let first = lines.first, InlineText.isAllStrong(first.inlines),
           lines.contains(where: { !InlineText.isAllStrong($0.inlines) }), lines.allSatisfy({ $0.depth == 1 }) {
            for i in lines.indices where !InlineText.isAllStrong(lines[i].inlines) { lines[i].depth = 2 }
        }
        var items: [ListItem] = []
        for line in lines {
            let paragraph = Block.paragraph(Paragraph(inlines: line.inlines, location: line.location))
            if line.depth > 1, !items.isEmpty {
                var last = items[items.count - 1]
                if case .list(var nested)? = last.blocks.last {
                    nested.items.append(ListItem(blocks: [paragraph], location: line.location))
                    last.blocks[last.blocks.count - 1] = .list(nested)
                } else {
                    last.blocks.append(.list(ListBlock(ordered: false,
                                                       items: [ListItem(blocks: [paragraph], location: line.location)],
                                                       location: line.location)))
                }
                items[items.count - 1] = last
            } else {
                items.append(ListItem(blocks: [paragraph], location: line.location))
            }
        }
        return ListBlock(ordered: false, items: items, location: bullets.first?.location ?? SourceLocation(file: ""))
    }
}
