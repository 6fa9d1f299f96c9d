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
    /// element at this depth (libxml2 itself caps HTML nesting well below this).
    public static let maximumDepth = 512

    /// Parses an HTML page with recovery.
    /// - Parameters:
    ///   - data: The raw bytes of the page.
    ///   - encoding: An encoding to force (e.g. from a workflow); nil honours the page's BOM or
    ///     `<meta charset>` / `http-equiv` declaration, falling back to libxml2's detection.
    public static func parseHTML(_ data: Data, encoding: String? = nil) -> DOMDocument {
        let collector = MessageCollector()
        let parsed = withErrorCollector(collector) {
            withParsedHTML(data, encoding: encoding) { doc, ctxt, effectiveEncoding, sniffedText -> DOMDocument in
                guard let doc else { return DOMDocument(root: nil) }
                let enc = doc.pointee.encoding.map { String(cString: $0) }
                    ?? ctxt.pointee.input?.pointee.encoding.map { String(cString: $0) }
                var source = sniffedText ?? SourceDecoder.decode(data, forcedEncoding: effectiveEncoding)
                let root = source.withUTF8 { utf8 -> DOMElement? in
                    var aligner = SourceAligner(source: utf8)
                    return copyRoot(of: doc, lowercase: true, aligner: &aligner)
                }
                var result = DOMDocument(root: root, encoding: enc)
                result.sourceText = source
                return result
            }
        }
        var doc = parsed ?? DOMDocument(root: nil)
        doc.messages = collector.messages
        if data.isEmpty {
            doc.messages.append(ParserMessage(level: .fatal, code: 4, line: 0, column: 0, message: "Document is empty"))
        }
        return doc
    }

    /// Parses an HTML page exactly as ``parseHTML(_:encoding:)`` does and frees it without copying:
    /// the baseline the benchmark compares the pipeline with. Returns whether a tree was built.
    public static func parseHTMLAndDiscard(_ data: Data) -> Bool {
        withErrorCollector(MessageCollector()) {
            withParsedHTML(data, encoding: nil) { doc, _, _, _ in doc != nil }
        } ?? false
    }

    /// The one HTML parse: options, encoding (forced or sniffed), a parser context; calls `body`
    /// with the document (nil when libxml2 built none), the context, the encoding it forced (nil:
    /// libxml2 decided) and, when it sniffed UTF-8, the page as a string; frees both before returning.
    /// Nil when the input is empty or too large for libxml2.
    private static func withParsedHTML<T>(_ data: Data, encoding: String?,
                                          _ body: (xmlDocPtr?, htmlParserCtxtPtr, String?, String?) -> T) -> T? {
        ensureInitialized()
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)
        var sniffedText: String?
        let encoding = encoding ?? sniff(data, text: &sniffedText)
        return data.withUnsafeBytes { raw -> T? in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self), raw.count > 0,
                  raw.count <= Int(Int32.max), let ctxt = htmlCreateMemoryParserCtxt(base, Int32(raw.count)) else { return nil }
            defer { htmlFreeParserCtxt(ctxt) }
            _ = htmlCtxtUseOptions(ctxt, options)
            var forced: String?
            if let encoding, let handler = xmlFindCharEncodingHandler(encoding) {
                _ = xmlSwitchToEncoding(ctxt, handler)
                forced = encoding
            }
            _ = htmlParseDocument(ctxt)
            let doc = ctxt.pointee.myDoc
            ctxt.pointee.myDoc = nil
            defer { if let doc { xmlFreeDoc(doc) } }
            return body(doc, ctxt, forced, forced == nil ? nil : sniffedText)
        }
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
            if data.isEmpty {
                doc.messages.append(ParserMessage(level: .fatal, code: 4, line: 0, column: 0, message: "Document is empty"))
            }
            return doc
        }
    }

    /// The encoding to force when the page does not declare one: UTF-8 when the bytes are valid
    /// UTF-8 (libxml2 would otherwise assume ISO-8859-1 and garble every non-ASCII character), nil
    /// (libxml2's own handling) when there is a BOM or a charset declaration in the first 4 KiB.
    static func sniffedEncoding(_ data: Data) -> String? {
        var text: String?
        return sniff(data, text: &text)
    }

    /// ``sniffedEncoding(_:)``, also giving the page as a string when it is UTF-8 (the source text).
    private static func sniff(_ data: Data, text: inout String?) -> String? {
        let head = data.prefix(4096)
        if head.starts(with: [0xEF, 0xBB, 0xBF]) || head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
            return nil
        }
        // Any "charset" (a <meta> declaration) or an XML declaration's "encoding": libxml2 decides.
        if containsASCIICaseInsensitive(head, "charset") { return nil }
        if head.starts(with: Array("<?xml".utf8)), containsASCIICaseInsensitive(head.prefix(200), "encoding") { return nil }
        text = String(data: data, encoding: .utf8)
        return text != nil ? "UTF-8" : nil
    }

    /// Whether `bytes` contain `needle` (lower-case ASCII), ignoring ASCII case.
    static func containsASCIICaseInsensitive(_ bytes: Data, _ needle: String) -> Bool {
        let n = Array(needle.utf8)
        guard let first = n.first, bytes.count >= n.count else { return false }
        return bytes.withUnsafeBytes { raw -> Bool in
            let b = raw.bindMemory(to: UInt8.self)
            var i = 0
            while i + n.count <= b.count {
                if b[i] | 0x20 == first {
                    var k = 1
                    while k < n.count, b[i + k] | 0x20 == n[k] { k += 1 }
                    if k == n.count { return true }
                }
                i += 1
            }
            return false
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

    private final class MessageCollector {
        var messages: [ParserMessage] = []
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
                    value += c.pointee.type == XML_TEXT_NODE ? string(c.pointee.content) : "&" + string(c.pointee.name) + ";"
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
                    children.append(.text(DOMText(flattenedText(c), line: lineOf(c))))
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
                    let content = bytes(c.pointee.content)
                    let value = String(decoding: content, as: UTF8.self)
                    // String(decoding:) repairs invalid UTF-8 (libxml2 should never produce it); then no source.
                    let run = value.utf8.count == content.count ? aligner.run(value, content, raw: raw) : TextRun(value)
                    children.append(.text(DOMText(run, line: lineOf(c))))
                } else {
                    children.append(.text(DOMText(string(c.pointee.content), line: lineOf(c))))
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

    /// Text of a subtree too deep to copy as elements, gathered iteratively.
    private static func flattenedText(_ node: xmlNodePtr) -> String {
        var out = ""
        var stack: [xmlNodePtr] = [node]
        while let n = stack.popLast() {
            if n.pointee.type == XML_TEXT_NODE || n.pointee.type == XML_CDATA_SECTION_NODE {
                out += string(n.pointee.content)
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
