import KeiDocument
import KeiXML

/// Whitespace and text helpers for runs of ``Inline`` values: HTML whitespace collapsing,
/// trimming at block ends, prefix removal and comparison keys.
enum InlineText {
    /// HTML's collapsible whitespace: space, tab, line feed, form feed, carriage return (not U+00A0,
    /// which is kept as written).
    static func isCollapsible(_ u: Unicode.Scalar) -> Bool {
        u.isASCII && TextRun.isASCIIWhitespace(UInt8(u.value))
    }

    /// Whitespace trimmed at block ends: collapsible whitespace plus no-break, thin, narrow no-break
    /// and zero-width spaces and U+FEFF.
    static func isTrimmable(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x20, 0x0A, 0x09, 0x0D, 0x0C, 0x00A0, 0x200B, 0xFEFF, 0x2009, 0x202F: return true
        default: return false
        }
    }

    /// ``isTrimmable(_:)-(Unicode.Scalar)`` for a Character: true when all its scalars are trimmable
    /// ("\r\n" is one Character).
    static func isTrimmable(_ c: Character) -> Bool {
        c.unicodeScalars.allSatisfy(isTrimmable)
    }

    /// Replaces each run of collapsible whitespace with one space.
    static func collapse(_ s: String) -> String {
        var lastWasSpace = false
        return TextRun(s).collapsingWhitespace(lastWasSpace: &lastWasSpace).string
    }

    /// ``collapse(_:)-(String)`` keeping each character's source.
    static func collapse(_ run: TextRun) -> TextRun {
        var lastWasSpace = false
        return run.collapsingWhitespace(lastWasSpace: &lastWasSpace)
    }

    /// Trims trimmable whitespace at both ends of a string.
    static func trim(_ s: String) -> String {
        TextRun(s).trimming(isTrimmable).string
    }

    /// True when the string is empty or only trimmable whitespace (`trim(s).isEmpty`, without the copy).
    static func isBlank(_ s: String) -> Bool {
        s.unicodeScalars.allSatisfy(isTrimmable)
    }

    /// A comparison key: whitespace and no-break spaces collapsed and trimmed, case folded, curly quotes
    /// and dashes unified.
    static func key(_ s: String) -> String {
        var out = ""
        var inSpace = true
        for u in s.unicodeScalars {
            if isTrimmable(u) {
                if !inSpace { out.append(" ") }
                inSpace = true
                continue
            }
            inSpace = false
            switch u {
            case "\u{2018}", "\u{2019}": out.append("'")
            case "\u{201C}", "\u{201D}": out.append("\"")
            case "\u{2013}", "\u{2014}", "\u{2010}", "\u{2011}": out.append("-")
            case "A"..."Z": out.unicodeScalars.append(Unicode.Scalar(u.value + 0x20)!)
            case _ where u.isASCII: out.unicodeScalars.append(u)
            default: out += u.properties.lowercaseMapping
            }
        }
        while out.last == " " { out.removeLast() }
        return out
    }

    /// Normalises a run: merges adjacent text, collapses whitespace across element boundaries,
    /// drops empty text and empty formatting, and trims whitespace and no-break spaces at both ends.
    static func normalize(_ inlines: [Inline]) -> [Inline] {
        var lastWasSpace = true
        let collapsed = collapseRuns(inlines, lastWasSpace: &lastWasSpace)
        return trimEnds(collapsed)
    }

    /// Collapses whitespace across a run as a browser would (a space after a space or a line break is
    /// dropped), keeping each character's source.
    static func collapseRuns(_ inlines: [Inline], lastWasSpace: inout Bool) -> [Inline] {
        var out: [Inline] = []
        for inline in inlines {
            switch inline {
            case .text(let t):
                let s = t.collapsingWhitespace(lastWasSpace: &lastWasSpace)
                if s.isEmpty { continue }
                if case .text(let prev)? = out.last {
                    out[out.count - 1] = .text(prev + s)
                } else {
                    out.append(.text(s))
                }
            case .lineBreak:
                if case .text(let prev)? = out.last, prev.string.hasSuffix(" ") {
                    let trimmed = prev.slice(0..<(prev.utf8Count - 1))
                    if trimmed.isEmpty { out.removeLast() } else { out[out.count - 1] = .text(trimmed) }
                }
                out.append(.lineBreak)
                lastWasSpace = true
            case .code(let s):
                if !s.isEmpty { out.append(.code(s)); lastWasSpace = s.string.hasSuffix(" ") }
            case .noteRef, .image:
                out.append(inline)
                lastWasSpace = false
            case .quotation:
                // The opening mark is visible text: a space after it would show.
                lastWasSpace = false
                let k = collapseRuns(inline.children ?? [], lastWasSpace: &lastWasSpace)
                out.append(inline.withChildren(k))
                lastWasSpace = false
            default:
                let k = collapseRuns(inline.children ?? [], lastWasSpace: &lastWasSpace)
                if !k.isEmpty { out.append(inline.withChildren(k)) }
            }
        }
        return out
    }

    /// Trims trimmable whitespace at the start and end of a run, descending into formatting.
    static func trimEnds(_ inlines: [Inline]) -> [Inline] {
        trimTrailing(trimLeading(inlines))
    }

    static func trimLeading(_ inlines: [Inline]) -> [Inline] {
        var list = inlines
        while let first = list.first {
            switch first {
            case .lineBreak:
                list.removeFirst()
                continue
            case .text(let t):
                let sub = t.trimmingStart(isTrimmable)
                if sub.isEmpty { list.removeFirst(); continue }
                list[0] = .text(sub)
                return list
            default:
                guard let (children, rebuild) = containerParts(first) else { return list }
                let trimmed = trimLeading(children)
                if trimmed.isEmpty { list.removeFirst(); continue }
                list[0] = rebuild(trimmed)
                return list
            }
        }
        return list
    }

    static func trimTrailing(_ inlines: [Inline]) -> [Inline] {
        var list = inlines
        while let last = list.last {
            switch last {
            case .lineBreak:
                list.removeLast()
                continue
            case .text(let t):
                let sub = t.trimmingEnd(isTrimmable)
                if sub.isEmpty { list.removeLast(); continue }
                list[list.count - 1] = .text(sub)
                return list
            default:
                guard let (children, rebuild) = containerParts(last) else { return list }
                let trimmed = trimTrailing(children)
                if trimmed.isEmpty { list.removeLast(); continue }
                list[list.count - 1] = rebuild(trimmed)
                return list
            }
        }
        return list
    }

    /// The children of a formatting inline and a function that rebuilds it around new children.
    /// A quotation is not one: its marks are visible text, so trimming stops at it.
    static func containerParts(_ inline: Inline) -> ([Inline], ([Inline]) -> Inline)? {
        if case .quotation = inline { return nil }
        guard let c = inline.children else { return nil }
        return (c, { inline.withChildren($0) })
    }

    /// Removes the first `count` characters of visible text (text and code only) from the run.
    static func dropPrefix(_ inlines: [Inline], count: Int) -> [Inline] {
        var remaining = count
        return dropPrefix(inlines, remaining: &remaining)
    }

    private static func dropPrefix(_ inlines: [Inline], remaining: inout Int) -> [Inline] {
        var out: [Inline] = []
        for inline in inlines {
            if remaining <= 0 { out.append(inline); continue }
            switch inline {
            case .text(let t):
                let n = t.string.count
                if n <= remaining { remaining -= n; continue }
                out.append(.text(t.droppingFirst(remaining)))
                remaining = 0
            case .code(let t):
                let n = t.string.count
                if n <= remaining { remaining -= n; continue }
                out.append(.code(t.droppingFirst(remaining)))
                remaining = 0
            case .lineBreak:
                remaining -= 1
            case .noteRef:
                out.append(inline)
            default:
                if let (children, rebuild) = containerParts(inline) {
                    let k = dropPrefix(children, remaining: &remaining)
                    if !k.isEmpty { out.append(rebuild(k)) }
                } else {
                    out.append(inline)
                }
            }
        }
        return out
    }

    /// True when the run has no visible content (only whitespace, no-break spaces, line breaks).
    static func isBlank(_ inlines: [Inline]) -> Bool {
        for i in inlines {
            switch i {
            case .text(let t), .code(let t):
                if !isBlank(t.string) { return false }
            case .lineBreak: continue
            case .noteRef: return false
            default:
                if let (c, _) = containerParts(i), !isBlank(c) { return false }
            }
        }
        return true
    }

    /// Unwraps `strong` when every visible part of the run is bold ("a heading that is all bold is just a heading").
    static func unwrapStrong(_ inlines: [Inline]) -> [Inline] {
        var sawStrong = false
        for i in inlines {
            switch i {
            case .strong: sawStrong = true
            case .text(let t) where isBlank(t.string): continue
            case .lineBreak: continue
            default: return inlines
            }
        }
        guard sawStrong else { return inlines }
        var out: [Inline] = []
        for i in inlines {
            if case .strong(let c) = i { out += c } else { out.append(i) }
        }
        return normalize(out)
    }

    /// True when every visible part of the run is inside `strong` (at the top level).
    static func isAllStrong(_ inlines: [Inline]) -> Bool {
        var sawStrong = false
        for i in inlines {
            switch i {
            case .strong(let c): if !isBlank(c) { sawStrong = true }
            case .text(let t) where isBlank(t.string): continue
            case .lineBreak: continue
            default: return false
            }
        }
        return sawStrong
    }

    /// The number of words in a string.
    static func wordCount(_ s: String) -> Int {
        s.split(whereSeparator: { isTrimmable($0) }).count
    }

    /// Splits a leading "Table 1:" / "Figure 2." label off a caption.
    /// Returns the label ("Table 1") and the characters to drop, or nil when the caption has none.
    static func captionLabel(_ text: String) -> (label: String, dropCount: Int)? {
        let chars = Array(text)
        var i = 0
        while i < chars.count, isTrimmable(chars[i]) { i += 1 }
        let wordStart = i
        while i < chars.count, chars[i].isLetter { i += 1 }
        var word = String(chars[wordStart..<i])
        if i < chars.count, chars[i] == ".", word.lowercased() == "fig" { word += "."; i += 1 }
        let known = ["table", "figure", "fig.", "chart", "exhibit", "graph", "map", "box"]
        guard known.contains(word.lowercased()) else { return nil }
        guard i < chars.count, isTrimmable(chars[i]) else { return nil }
        while i < chars.count, isTrimmable(chars[i]) { i += 1 }
        let numStart = i
        while i < chars.count, chars[i].isLetter || chars[i].isNumber || chars[i] == "." || chars[i] == "-" { i += 1 }
        var number = String(chars[numStart..<i])
        var sawSeparator = false
        while number.hasSuffix(".") { number.removeLast(); sawSeparator = true }
        guard number.contains(where: { $0.isNumber }) || (number.count <= 4 && number.allSatisfy({ "IVXLivxl".contains($0) }) && !number.isEmpty) else { return nil }
        var j = i
        while j < chars.count, isTrimmable(chars[j]) { j += 1 }
        if j < chars.count, [":", ".", "\u{2013}", "\u{2014}", "-", "|"].contains(chars[j]) {
            sawSeparator = true
            j += 1
            while j < chars.count, isTrimmable(chars[j]) { j += 1 }
        }
        guard sawSeparator || j >= chars.count else { return nil }
        return (word + " " + number, j)
    }
}

extension InlineText {
    /// True when the node or any descendant has text other than whitespace; stops at the first such text.
    static func hasVisibleText(_ children: [DOMNode]) -> Bool {
        for child in children {
            switch child {
            case .text(let t):
                if !isBlank(t.value) { return true }
            case .element(let e):
                if hasVisibleText(e.children) { return true }
            case .comment:
                continue
            }
        }
        return false
    }
}
