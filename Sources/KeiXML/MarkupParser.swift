internal import CKeiLibXML2
import Foundation
import KeiDocument

/// Parses HTML and XML with libxml2 and returns pure Swift values.
///
/// KeiXML is the only module that touches libxml2 (this file, ``SourceDecoder`` and ``SourceAligner``).
/// Every parse:
/// - runs with `NONET` and never substitutes or loads external entities or DTDs;
/// - routes libxml2's structured errors into ``ParserMessage`` values (set and restored around
///   the parse, so concurrent parses on other threads are unaffected);
/// - copies the tree into ``DOMElement`` values and frees the C document and context before returning.
///
/// HTML parses also keep the decoded source (``DOMDocument/sourceText``) and, while copying, align the
/// tree with it (``SourceAligner``): text runs carry their source offsets, comments their spans and
/// elements the offset of their start tag.
public enum MarkupParser {
    /// The deepest element nesting copied as elements; deeper content is kept as text of the
    /// element at this depth (libxml2 reads any depth: its limit of 256 is lifted with `HTML_PARSE_HUGE`).
    public static let maximumDepth = 512

    /// Parses an HTML page with recovery.
    ///
    /// The bytes are decoded first (``SourceDecoder``: WHATWG encoding sniffing, U+FFFD for invalid bytes
    /// and for control characters) and libxml2 reads that text as UTF-8 with its own encoding detection
    /// off and its size and depth limits lifted (`HTML_PARSE_HUGE`: otherwise it silently stops at 256
    /// levels of nesting or a 10 MB text node). Numeric references `&#128;`–`&#159;` read as the
    /// windows-1252 characters, as HTML5 says (``Windows1252/referenceReplacement(_:)``). Text that still
    /// does not reach the tree is reported in ``DOMDocument/readingStops``.
    /// - Parameters:
    ///   - data: The raw bytes of the page.
    ///   - encoding: An encoding label to force (e.g. from a workflow); nil honours the page's BOM or
    ///     `<meta charset>` / `http-equiv` declaration and otherwise sniffs (``SourceDecoding``).
    ///   - elementLimit: The most start tags the decoded page may hold (``startTagCount(_:)``); a page with
    ///     more is not parsed (its tree and the copy would not fit the memory a run is allowed): the result
    ///     has no root, its ``DOMDocument/refusedStartTags`` set, its decoding and source text. Nil: no limit.
    public static func parseHTML(_ data: Data, encoding: String? = nil, elementLimit: Int? = nil) -> DOMDocument {
        let decoded = SourceDecoder.decode(data, forcedEncoding: encoding)
        var source = decoded.text
        source.makeContiguousUTF8()
        if let elementLimit {
            let tags = source.withUTF8 { startTagCount($0) }
            if tags > elementLimit {
                var doc = DOMDocument(root: nil, encoding: decoded.decoding.encoding)
                doc.decoding = decoded.decoding
                doc.sourceText = source
                doc.refusedStartTags = tags
                return doc
            }
        }
        let collector = MessageCollector()
        let parsed = withErrorCollector(collector) {
            withParsedHTML(source) { doc -> DOMDocument in
                guard let doc else { return DOMDocument(root: nil) }
                var text = source
                let root = text.withUTF8 { utf8 -> DOMElement? in
                    var aligner = SourceAligner(source: utf8)
                    return copyRoot(of: doc, lowercase: true, aligner: &aligner)
                }
                return DOMDocument(root: root)
            }
        }
        var doc = parsed ?? DOMDocument(root: nil)
        doc.encoding = decoded.decoding.encoding
        doc.decoding = decoded.decoding
        doc.sourceText = source
        doc.messages = collector.messages
        doc.droppedMessages = collector.dropped
        if data.isEmpty {
            doc.messages.append(ParserMessage(level: .fatal, code: 4, line: 0, column: 0, message: "Document is empty"))
        }
        let survey = source.withUTF8 { SourceSurvey($0) }
        doc.controlReferences = survey.controlReferences
        doc.controlReferences.merge(decoded.attributeReferences)
        doc.readingStops = readingStops(survey, root: doc.root, messages: doc.messages)
        return doc
    }

    /// The number of `<` in UTF-8 HTML `source` followed by an ASCII letter, `!` or `?`: the start tags,
    /// comments and declarations, an upper bound on the element and comment nodes libxml2 builds from the
    /// markup (it also counts such text inside comments, scripts and attribute values; elements libxml2
    /// implies, such as `tbody`, are a few per page). End tags are not counted.
    public static func startTagCount(_ source: UnsafeBufferPointer<UInt8>) -> Int {
        guard source.count > 1 else { return 0 }
        var count = 0
        for i in 0..<(source.count - 1) where source[i] == UInt8(ascii: "<") {
            let next = source[i + 1], c = next | 0x20
            if (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || next == UInt8(ascii: "!") || next == UInt8(ascii: "?") {
                count += 1
            }
        }
        return count
    }

    /// libxml2 alone, the baseline the benchmark compares the pipeline with: parses `data` as UTF-8 with
    /// the options ``parseHTML(_:encoding:)`` uses and frees the tree, without decoding the page in Swift,
    /// copying the tree or aligning it with the source. Returns whether a tree was built.
    public static func parseHTMLAndDiscard(_ data: Data) -> Bool {
        data.withUnsafeBytes { raw in
            withErrorCollector(MessageCollector()) {
                withParsedHTML(raw.bindMemory(to: UInt8.self)) { doc in doc != nil }
            }
        } ?? false
    }

    /// The one HTML parse of the decoded `source` (as UTF-8, libxml2's encoding detection off); calls
    /// `body` with the document (nil when libxml2 built none) and frees it before returning. Nil when
    /// the source is empty or too large for libxml2.
    private static func withParsedHTML<T>(_ source: String, _ body: (xmlDocPtr?) -> T) -> T? {
        var source = source
        return source.withUTF8 { withParsedHTML($0, body) }
    }

    /// ``withParsedHTML(_:_:)`` over UTF-8 bytes.
    private static func withParsedHTML<T>(_ utf8: UnsafeBufferPointer<UInt8>, _ body: (xmlDocPtr?) -> T) -> T? {
        ensureInitialized()
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue
                            | HTML_PARSE_IGNORE_ENC.rawValue | XML_PARSE_HUGE.rawValue)
        guard let base = utf8.baseAddress, utf8.count > 0, utf8.count <= Int(Int32.max),
              let ctxt = base.withMemoryRebound(to: CChar.self, capacity: utf8.count, {
                  htmlCreateMemoryParserCtxt($0, Int32(utf8.count))
              }) else { return nil }
        defer { htmlFreeParserCtxt(ctxt) }
        _ = htmlCtxtUseOptions(ctxt, options)
        if let handler = xmlFindCharEncodingHandler("UTF-8") {
            _ = xmlSwitchToEncoding(ctxt, handler)
        }
        _ = htmlParseDocument(ctxt)
        let doc = ctxt.pointee.myDoc
        ctxt.pointee.myDoc = nil
        defer { if let doc { xmlFreeDoc(doc) } }
        return body(doc)
    }

    /// Where reading stopped early: libxml2's fatal errors, text of the source missing from the tree,
    /// and content hidden by an unclosed comment, `script` or `style`.
    static func readingStops(_ survey: SourceSurvey, root: DOMElement?, messages: [ParserMessage]) -> [ReadingStop] {
        var stops = survey.hidden.compactMap { confirmed($0, root: root) }
        let treeLetters = root.map(SourceSurvey.letterCount(of:)) ?? 0
        let missing = survey.letters - treeLetters
        // libxml2 stops for good on a fatal error (a limit, memory); "Document is empty" is not one.
        let fatal = messages.first { MessageCollector.stops($0.level, code: $0.code) }
        if missing >= minimumMissingLetters, missing * 200 >= survey.letters {
            let at = survey.offset(afterLetters: treeLetters)
            stops.append(ReadingStop(kind: .textMissing, span: at.map { SourceSpan(start: $0, end: $0 + 1) },
                                     line: fatal?.line ?? 0, lostLetters: missing, detail: fatal?.message ?? ""))
        } else if let fatal {
            stops.append(ReadingStop(kind: .parserStopped, span: nil, line: fatal.line, lostLetters: max(missing, 0),
                                     detail: fatal.message))
        }
        return stops.sorted { ($0.span?.start ?? Int.max) < ($1.span?.start ?? Int.max) }
    }

    /// `stop` with the letters the tree really holds inside the unclosed element it names (libxml2 may
    /// close it earlier than the end of the page, at an ancestor's end tag), nil when that is none; other
    /// stops, and those whose element the tree does not show, as they are.
    private static func confirmed(_ stop: ReadingStop, root: DOMElement?) -> ReadingStop? {
        guard stop.kind == .unterminatedRawText || stop.kind == .unterminatedElement, let start = stop.span?.start,
              let element = root.flatMap({ element(startingAt: start, in: $0) }),
              element.name != "script", element.name != "style" else { return stop }
        let letters = SourceSurvey.letterCount(of: element)
        guard letters > 0 else { return nil }
        var stop = stop
        stop.lostLetters = letters
        return stop
    }

    /// The element of the tree under `root` whose start tag is at the source offset `start`.
    private static func element(startingAt start: Int, in root: DOMElement) -> DOMElement? {
        var stack = [root]
        while let e = stack.popLast() {
            if e.sourceStart == start { return e }
            for case .element(let child) in e.children { stack.append(child) }
        }
        return nil
    }

    /// The fewest missing letters reported as lost text (below it, differences in how references and
    /// markup are counted could be mistaken for loss); a loss must also be at least 0.5% of the text.
    static let minimumMissingLetters = 16

    /// The character a numeric reference to `value` gives in the tree: the windows-1252 character for
    /// U+0080–U+009F (HTML5), U+FFFD for the five C1 values without one and for DEL, `value` otherwise.
    static func referenceValue(_ value: UInt32) -> UInt32 {
        if value == 0x7F { return 0xFFFD }
        guard value >= 0x80, value <= 0x9F else { return value }
        return Windows1252.referenceReplacement(value)?.value ?? 0xFFFD
    }

    /// `bytes` with the C1 controls and DEL that libxml2 decoded from numeric references mapped by
    /// ``referenceValue(_:)``; nil when there is none (the source holds no literal ones: the decoder
    /// replaced them).
    private static func mappingReferencedControls(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var i = 0
        let n = bytes.count
        var found = false
        while i < n {
            let c = bytes[i]
            if c == 0x7F || (c == 0xC2 && i + 1 < n && bytes[i + 1] >= 0x80 && bytes[i + 1] <= 0x9F) { found = true; break }
            i += 1
        }
        guard found else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(n + 8)
        out.append(contentsOf: bytes[0..<i])
        while i < n {
            let c = bytes[i]
            var value: UInt32?
            if c == 0x7F { value = 0x7F } else if c == 0xC2, i + 1 < n, bytes[i + 1] >= 0x80, bytes[i + 1] <= 0x9F { value = UInt32(bytes[i + 1]) }
            guard let v = value else { out.append(c); i += 1; continue }
            let scalar = Unicode.Scalar(referenceValue(v))!
            out.append(contentsOf: Array(String(Character(scalar)).utf8))
            i += c == 0x7F ? 1 : 2
        }
        return out
    }

    /// A libxml2 string with referenced controls mapped (``mappingReferencedControls(_:)``).
    private static func mappedString(_ p: UnsafePointer<xmlChar>?) -> String {
        let b = bytes(p)
        if let mapped = mappingReferencedControls(b) { return String(decoding: mapped, as: UTF8.self) }
        return String(decoding: b, as: UTF8.self)
    }

    /// Parses a well-formed XML document (no recovery, no DTD loading, no entity substitution).
    public static func parseXML(_ data: Data) -> DOMDocument {
        ensureInitialized()
        let collector = MessageCollector()
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_BIG_LINES.rawValue)
        return withErrorCollector(collector) { () -> DOMDocument in
            let result: DOMDocument? = data.withUnsafeBytes { raw -> DOMDocument? in
                guard let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self), raw.count > 0,
                      raw.count <= Int(Int32.max) else { return nil }
                guard let ctxt = xmlCreateMemoryParserCtxt(base, Int32(raw.count)) else { return nil }
                defer { xmlFreeParserCtxt(ctxt) }
                _ = xmlCtxtUseOptions(ctxt, options)
                _ = xmlParseDocument(ctxt)
                guard let doc = ctxt.pointee.myDoc else { return DOMDocument(root: nil) }
                ctxt.pointee.myDoc = nil
                defer { xmlFreeDoc(doc) }
                let wellFormed = ctxt.pointee.wellFormed != 0
                let enc = doc.pointee.encoding.map { String(cString: $0) }
                var aligner = SourceAligner.disabled
                return DOMDocument(root: wellFormed ? copyRoot(of: doc, lowercase: false, aligner: &aligner) : nil, encoding: enc)
            }
            var doc = result ?? DOMDocument(root: nil)
            doc.messages = collector.messages
            doc.droppedMessages = collector.dropped
            if data.isEmpty {
                doc.messages.append(ParserMessage(level: .fatal, code: 4, line: 0, column: 0, message: "Document is empty"))
            }
            return doc
        }
    }

    // MARK: - libxml2 plumbing (private)

    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    private static func ensureInitialized() {
        _ = initialized
    }

    /// The most parser messages one parse keeps (``DOMDocument/messages``); libxml2 raises one per stray
    /// end tag, bare `&` or repeated attribute, so a hostile page could otherwise make millions.
    public static let maxMessages = 1_000

    /// Collects libxml2's messages: the first ``maxMessages``, plus the first message that stops the parser
    /// (fatal, or out of memory / internal error) should it come later; the rest are only counted.
    private final class MessageCollector {
        var messages: [ParserMessage] = []
        var dropped = 0
        var keptStop = false

        /// Whether a message of `level` and `code` makes libxml2 stop reading (see ``readingStops``).
        static func stops(_ level: ParserMessage.Level, code: Int) -> Bool {
            (level == .fatal || code == 1 || code == 2) && code != 4
        }

        /// Whether a message of `level` and `code` is kept (else it is counted in ``dropped``).
        func accepts(_ level: ParserMessage.Level, code: Int) -> Bool {
            let stop = Self.stops(level, code: code)
            if messages.count < MarkupParser.maxMessages || (stop && !keptStop) {
                if stop { keptStop = true }
                return true
            }
            dropped += 1
            return false
        }
    }

    /// Runs `body` with libxml2's errors going nowhere (for work after a parse that would report again
    /// what the parse already reported).
    static func discardingErrors<T>(_ body: () -> T) -> T {
        withErrorCollector(MessageCollector(), body)
    }

    /// Installs a structured error handler for this thread around `body`, restoring the previous one.
    private static func withErrorCollector<T>(_ collector: MessageCollector, _ body: () -> T) -> T {
        let handlerSlot = __xmlStructuredError()
        let contextSlot = __xmlStructuredErrorContext()
        let previousHandler = handlerSlot?.pointee
        let previousContext = contextSlot?.pointee
        let unmanaged = Unmanaged.passRetained(collector)
        xmlSetStructuredErrorFunc(unmanaged.toOpaque(), { context, error in
            guard let context, let error else { return }
            let collector = Unmanaged<MessageCollector>.fromOpaque(context).takeUnretainedValue()
            let e = error.pointee
            let level: ParserMessage.Level
            switch e.level {
            case XML_ERR_WARNING: level = .warning
            case XML_ERR_FATAL: level = .fatal
            default: level = .error
            }
            guard collector.accepts(level, code: Int(e.code)) else { return }
            var text = e.message.map { String(cString: $0) } ?? "unknown parser error"
            text = text.trimmingCharacters(in: .whitespacesAndNewlines)
            collector.messages.append(ParserMessage(level: level, code: Int(e.code), line: Int(e.line),
                                                    column: Int(e.int2), message: text))
        })
        defer {
            xmlSetStructuredErrorFunc(previousContext ?? nil, previousHandler ?? nil)
            unmanaged.release()
        }
        return body()
    }

    /// HTML5 void elements that libxml2 2.9's HTML 4 parser reads as containers.
    static let html5VoidElements: Set<String> = ["embed", "keygen", "source", "track", "wbr"]

    private static func copyRoot(of doc: xmlDocPtr, lowercase: Bool, aligner: inout SourceAligner) -> DOMElement? {
        var node = doc.pointee.children
        while let n = node {
            if n.pointee.type == XML_ELEMENT_NODE {
                return copyElement(n, depth: 0, lowercase: lowercase, aligner: &aligner)
            }
            node = n.pointee.next
        }
        return nil
    }

    private static func string(_ p: UnsafePointer<xmlChar>?) -> String {
        guard let p else { return "" }
        return String(cString: p)
    }

    private static func lineOf(_ node: xmlNodePtr) -> Int {
        let l = xmlGetLineNo(node)
        return l > 0 ? Int(l) : 0
    }

    private static func qualifiedName(_ node: xmlNodePtr, lowercase: Bool) -> String {
        let local = string(node.pointee.name)
        if let ns = node.pointee.ns, let prefix = ns.pointee.prefix {
            return string(prefix) + ":" + local
        }
        return lowercase ? local.lowercased() : local
    }

    /// The bytes of a NUL-terminated libxml2 string.
    private static func bytes(_ p: UnsafePointer<xmlChar>?) -> UnsafeBufferPointer<UInt8> {
        guard let p else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: p, count: strlen(UnsafeRawPointer(p).assumingMemoryBound(to: CChar.self)))
    }

    /// The first text under `node` that is not only whitespace, in document order, within the first
    /// 64 nodes (for telling implied elements from real ones).
    private static func firstDescendantText(_ node: xmlNodePtr) -> UnsafeBufferPointer<UInt8>? {
        var current = node.pointee.children
        var steps = 0
        while let c = current, steps < 64 {
            steps += 1
            if c.pointee.type == XML_TEXT_NODE || c.pointee.type == XML_CDATA_SECTION_NODE {
                let text = bytes(c.pointee.content)
                if text.contains(where: { !HTMLSourceScanner.isBlank($0) }) { return text }
            }
            if c.pointee.type == XML_ELEMENT_NODE, let first = c.pointee.children {
                current = first
                continue
            }
            // The next node in document order that is still under `node`.
            var n: xmlNodePtr? = c
            while let x = n, x != node, x.pointee.next == nil { n = x.pointee.parent }
            guard let x = n, x != node else { return nil }
            current = x.pointee.next
        }
        return nil
    }

    private static func isRawTextElement(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        HTMLSourceScanner.equal(name, "script") || HTMLSourceScanner.equal(name, "style")
    }

    /// Copies an element; `lowercase` (HTML) also lower-cases names and maps referenced C1 controls.
    private static func copyElement(_ node: xmlNodePtr, depth: Int, lowercase: Bool, aligner: inout SourceAligner) -> DOMElement {
        var sourceStart: Int?
        var raw = false
        if aligner.isEnabled {
            let name = bytes(node.pointee.name)
            sourceStart = aligner.elementStart(name: name, firstText: { firstDescendantText(node) })
            raw = isRawTextElement(name)
        }
        var attributes: [DOMAttribute] = []
        var attr = node.pointee.properties
        while let a = attr {
            var name = string(a.pointee.name)
            if let ns = a.pointee.ns, let prefix = ns.pointee.prefix {
                name = string(prefix) + ":" + name
            } else if lowercase {
                name = name.lowercased()
            }
            var value = ""
            var child = a.pointee.children
            while let c = child {
                if c.pointee.type == XML_TEXT_NODE || c.pointee.type == XML_ENTITY_REF_NODE {
                    if c.pointee.type == XML_TEXT_NODE {
                        value += lowercase ? mappedString(c.pointee.content) : string(c.pointee.content)
                    } else {
                        value += "&" + string(c.pointee.name) + ";"
                    }
                }
                child = c.pointee.next
            }
            attributes.append(DOMAttribute(name: name, value: value))
            attr = a.pointee.next
        }
        if !lowercase, let nsDef = Optional(node.pointee.nsDef) {
            var ns = nsDef
            while let n = ns {
                let prefix = n.pointee.prefix.map { "xmlns:" + string($0) } ?? "xmlns"
                attributes.append(DOMAttribute(name: prefix, value: string(n.pointee.href)))
                ns = n.pointee.next
            }
        }
        var children: [DOMNode] = []
        var child = node.pointee.children
        while let c = child {
            switch c.pointee.type {
            case XML_ELEMENT_NODE:
                if depth + 1 >= maximumDepth {
                    children.append(.text(DOMText(flattenedText(c, html: lowercase), line: lineOf(c))))
                } else {
                    var e = copyElement(c, depth: depth + 1, lowercase: lowercase, aligner: &aligner)
                    if lowercase, html5VoidElements.contains(e.name), !e.children.isEmpty {
                        // A void element libxml2 2.9 does not know swallowed what follows it: the
                        // WHATWG parser makes that its siblings (`long<wbr>word`, `<source><img>`).
                        let swallowed = e.children
                        e.children = []
                        children.append(.element(e))
                        children += swallowed
                    } else {
                        children.append(.element(e))
                    }
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if aligner.isEnabled {
                    let original = bytes(c.pointee.content)
                    let mapped = lowercase ? mappingReferencedControls(original) : nil
                    let text = mapped.map { m in m.withUnsafeBufferPointer { alignedRun($0, raw: raw, aligner: &aligner) } }
                        ?? alignedRun(original, raw: raw, aligner: &aligner)
                    children.append(.text(DOMText(text, line: lineOf(c))))
                } else {
                    children.append(.text(DOMText(lowercase ? mappedString(c.pointee.content) : string(c.pointee.content), line: lineOf(c))))
                }
            case XML_ENTITY_REF_NODE:
                children.append(.text(DOMText("&" + string(c.pointee.name) + ";", line: lineOf(c))))
            case XML_COMMENT_NODE:
                let content = bytes(c.pointee.content)
                let span = aligner.isEnabled ? aligner.comment(content) : nil
                children.append(.comment(DOMComment(String(decoding: content, as: UTF8.self), span: span)))
            default:
                break
            }
            child = c.pointee.next
        }
        var element = DOMElement(name: qualifiedName(node, lowercase: lowercase), attributes: attributes,
                                 children: children, line: lineOf(node))
        element.sourceStart = sourceStart
        return element
    }

    /// The run of a text node's `content`, aligned with the source.
    private static func alignedRun(_ content: UnsafeBufferPointer<UInt8>, raw: Bool, aligner: inout SourceAligner) -> TextRun {
        let value = String(decoding: content, as: UTF8.self)
        // String(decoding:) repairs invalid UTF-8 (libxml2 should never produce it); then no source.
        return value.utf8.count == content.count ? aligner.run(value, content, raw: raw) : TextRun(value)
    }

    /// Text of a subtree too deep to copy as elements, gathered iteratively.
    private static func flattenedText(_ node: xmlNodePtr, html: Bool) -> String {
        var out = ""
        var stack: [xmlNodePtr] = [node]
        while let n = stack.popLast() {
            if n.pointee.type == XML_TEXT_NODE || n.pointee.type == XML_CDATA_SECTION_NODE {
                out += html ? mappedString(n.pointee.content) : string(n.pointee.content)
                continue
            }
            var kids: [xmlNodePtr] = []
            var c = n.pointee.children
            while let k = c { kids.append(k); c = k.pointee.next }
            stack.append(contentsOf: kids.reversed())
        }
        return out
    }
}
