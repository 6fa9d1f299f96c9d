import KeiDocument
import KeiXML

/// Whitespace and text helpers for runs of ``Inline`` values: HTML whitespace collapsing,
/// trimming at block ends, prefix removal and comparison keys.
enum InlineText {
    /// HTML's collapsible whitespace (not U+00A0, which is kept as written).
    static func isCollapsible(_ c: Character) -> Bool {
        // "\r\n" is one Character whose asciiValue is that of "\n".
        guard let a = c.asciiValue else { return false }
        return a == 0x20 || a == 0x0A || a == 0x09 || a == 0x0D || a == 0x0C
    }

    /// Whitespace trimmed at block ends: collapsible whitespace plus no-break and zero-width spaces.
    static func isTrimmable(_ c: Character) -> Bool {
        if c.isASCII { return isCollapsible(c) }
        guard let v = c.unicodeScalars.first?.value, c.unicodeScalars.count == 1 else { return false }
        return v == 0x00A0 || v == 0x200B || v == 0xFEFF || v == 0x2009 || v == 0x202F
    }

    /// Replaces each run of collapsible whitespace with one space.
    static func collapse(_ s: String) -> String {
        SimpleText.collapsingWhitespace(s) ?? collapseCharacters(s)
    }

    /// ``collapse(_:)`` Character by Character, for text that is not ``SimpleText``.
    static func collapseCharacters(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var inSpace = false
        for c in s {
            if isCollapsible(c) {
                if !inSpace { out.append(" ") }
                inSpace = true
            } else {
                out.append(c)
                inSpace = false
            }
        }
        return out
    }

    /// Trims collapsible whitespace and no-break spaces at both ends of a string.
    static func trim(_ s: String) -> String {
        SimpleText.isSimple(s) ? SimpleText.trimming(s) : trimCharacters(s)
    }

    /// ``trim(_:)`` Character by Character, for text that is not ``SimpleText``.
    static func trimCharacters(_ s: String) -> String {
        var sub = Substring(s)
        while let f = sub.first, isTrimmable(f) { sub = sub.dropFirst() }
        while let l = sub.last, isTrimmable(l) { sub = sub.dropLast() }
        return String(sub)
    }

    /// True when the string is empty or only trimmable whitespace (`trim(s).isEmpty`, without the copy).
    static func isBlank(_ s: String) -> Bool {
        !s.contains(where: { !isTrimmable($0) })
    }

    /// A comparison key: whitespace and no-break spaces collapsed, case folded, curly quotes and dashes unified.
    static func key(_ s: String) -> String {
        SimpleText.isSimple(s) ? SimpleText.key(s) : keyCharacters(s)
    }

    /// ``key(_:)`` Character by Character, for text that is not ``SimpleText``.
    static func keyCharacters(_ s: String) -> String {
        var out = ""
        var inSpace = true
        for c in s {
            if isTrimmable(c) {
                if !inSpace { out.append(" ") }
                inSpace = true
                continue
            }
            inSpace = false
            switch c {
            case "\u{2018}", "\u{2019}": out.append("'")
            case "\u{201C}", "\u{201D}": out.append("\"")
            case "\u{2013}", "\u{2014}", "\u{2010}", "\u{2011}": out.append("-")
            default: out += c.lowercased()
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

    /// Collapses whitespace across a run as a browser would (a space after a space or a line break is dropped).
    static func collapseRuns(_ inlines: [Inline], lastWasSpace: inout Bool) -> [Inline] {
        var out: [Inline] = []
        for inline in inlines {
            switch inline {
            case .text(let t):
                let s = SimpleText.droppingRepeatedSpaces(t, lastWasSpace: &lastWasSpace)
                    ?? dropRepeatedSpaces(t, lastWasSpace: &lastWasSpace)
                if s.isEmpty { continue }
                if case .text? = out.last, case .text(var merged) = out.removeLast() {
                    merged += s
                    out.append(.text(merged))
                } else {
                    out.append(.text(s))
                }
            case .lineBreak:
                if case .text(let prev)? = out.last, prev.last == " " {
                    let trimmed = String(prev.dropLast())
                    if trimmed.isEmpty { out.removeLast() } else { out[out.count - 1] = .text(trimmed) }
                }
                out.append(.lineBreak)
                lastWasSpace = true
            case .emphasis(let c):
                let k = collapseRuns(c, lastWasSpace: &lastWasSpace)
                if !k.isEmpty { out.append(.emphasis(k)) }
            case .strong(let c):
                let k = collapseRuns(c, lastWasSpace: &lastWasSpace)
                if !k.isEmpty { out.append(.strong(k)) }
            case .superscript(let c):
                let k = collapseRuns(c, lastWasSpace: &lastWasSpace)
                if !k.isEmpty { out.append(.superscript(k)) }
            case .subscript(let c):
                let k = collapseRuns(c, lastWasSpace: &lastWasSpace)
                if !k.isEmpty { out.append(.subscript(k)) }
            case .link(let url, let c):
                let k = collapseRuns(c, lastWasSpace: &lastWasSpace)
                if !k.isEmpty { out.append(.link(url: url, children: k)) }
            case .code(let s):
                if !s.isEmpty { out.append(.code(s)); lastWasSpace = s.last == " " }
            case .noteRef:
                out.append(inline)
                lastWasSpace = false
            }
        }
        return out
    }

    /// Drops each space Character that follows a space (or, with `lastWasSpace`, starts the text).
    static func dropRepeatedSpaces(_ t: String, lastWasSpace: inout Bool) -> String {
        var s = ""
        for c in t {
            if c == " " {
                if lastWasSpace { continue }
                lastWasSpace = true
            } else {
                lastWasSpace = false
            }
            s.append(c)
        }
        return s
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
                var sub = Substring(t)
                while let f = sub.first, isTrimmable(f) { sub = sub.dropFirst() }
                if sub.isEmpty { list.removeFirst(); continue }
                list[0] = .text(String(sub))
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
                var sub = Substring(t)
                while let l = sub.last, isTrimmable(l) { sub = sub.dropLast() }
                if sub.isEmpty { list.removeLast(); continue }
                list[list.count - 1] = .text(String(sub))
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
    static func containerParts(_ inline: Inline) -> ([Inline], ([Inline]) -> Inline)? {
        switch inline {
        case .emphasis(let c): return (c, { .emphasis($0) })
        case .strong(let c): return (c, { .strong($0) })
        case .superscript(let c): return (c, { .superscript($0) })
        case .subscript(let c): return (c, { .subscript($0) })
        case .link(let url, let c): return (c, { .link(url: url, children: $0) })
        default: return nil
        }
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
                let n = t.count
                if n <= remaining { remaining -= n; continue }
                out.append(.text(String(t.dropFirst(remaining))))
                remaining = 0
            case .code(let t):
                let n = t.count
                if n <= remaining { remaining -= n; continue }
                out.append(.code(String(t.dropFirst(remaining))))
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
                if t.contains(where: { !isTrimmable($0) }) { return false }
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
            case .text(let t) where t.allSatisfy(isTrimmable): continue
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
            case .text(let t) where t.allSatisfy(isTrimmable): continue
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
                if t.value.contains(where: { !isTrimmable($0) }) { return true }
            case .element(let e):
                if hasVisibleText(e.children) { return true }
            case .comment:
                continue
            }
        }
        return false
    }
}
