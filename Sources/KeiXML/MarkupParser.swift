internal import CKeiLibXML2
import Foundation

/// Parses HTML and XML with libxml2 and returns pure Swift values.
///
/// This is the only file in the project that touches libxml2. Every parse:
/// - runs with `NONET` and never substitutes or loads external entities or DTDs;
/// - routes libxml2's structured errors into ``ParserMessage`` values (set and restored around
///   the parse, so concurrent parses on other threads are unaffected);
/// - copies the tree into ``DOMElement`` values and frees the C document and context before returning.
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
            withParsedHTML(data, encoding: encoding) { doc, ctxt -> DOMDocument in
                guard let doc else { return DOMDocument(root: nil) }
                let enc = doc.pointee.encoding.map { String(cString: $0) }
                    ?? ctxt.pointee.input?.pointee.encoding.map { String(cString: $0) }
                return DOMDocument(root: copyRoot(of: doc, lowercase: true), encoding: enc)
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
            withParsedHTML(data, encoding: nil) { doc, _ in doc != nil }
        } ?? false
    }

    /// The one HTML parse: options, encoding (forced or sniffed), a parser context; calls `body`
    /// with the document (nil when libxml2 built none) and frees both before returning.
    /// Nil when the input is empty or too large for libxml2.
    private static func withParsedHTML<T>(_ data: Data, encoding: String?,
                                          _ body: (xmlDocPtr?, htmlParserCtxtPtr) -> T) -> T? {
        ensureInitialized()
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)
        let encoding = encoding ?? sniffedEncoding(data)
        return data.withUnsafeBytes { raw -> T? in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self), raw.count > 0,
                  raw.count <= Int(Int32.max), let ctxt = htmlCreateMemoryParserCtxt(base, Int32(raw.count)) else { return nil }
            defer { htmlFreeParserCtxt(ctxt) }
            _ = htmlCtxtUseOptions(ctxt, options)
            if let encoding, let handler = xmlFindCharEncodingHandler(encoding) {
                _ = xmlSwitchToEncoding(ctxt, handler)
            }
            _ = htmlParseDocument(ctxt)
            let doc = ctxt.pointee.myDoc
            ctxt.pointee.myDoc = nil
            defer { if let doc { xmlFreeDoc(doc) } }
            return body(doc, ctxt)
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
                return DOMDocument(root: wellFormed ? copyRoot(of: doc, lowercase: false) : nil, encoding: enc)
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
        let head = data.prefix(4096)
        if head.starts(with: [0xEF, 0xBB, 0xBF]) || head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
            return nil
        }
        // Any "charset" (a <meta> declaration) or an XML declaration's "encoding": libxml2 decides.
        if containsASCIICaseInsensitive(head, "charset") { return nil }
        if head.starts(with: Array("<?xml".utf8)), containsASCIICaseInsensitive(head.prefix(200), "encoding") { return nil }
        return String(data: data, encoding: .utf8) != nil ? "UTF-8" : nil
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

    private static func copyRoot(of doc: xmlDocPtr, lowercase: Bool) -> DOMElement? {
        var node = doc.pointee.children
        while let n = node {
            if n.pointee.type == XML_ELEMENT_NODE {
                return copyElement(n, depth: 0, lowercase: lowercase)
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

    private static func copyElement(_ node: xmlNodePtr, depth: Int, lowercase: Bool) -> DOMElement {
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
                    children.append(.element(copyElement(c, depth: depth + 1, lowercase: lowercase)))
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                children.append(.text(DOMText(string(c.pointee.content), line: lineOf(c))))
            case XML_ENTITY_REF_NODE:
                children.append(.text(DOMText("&" + string(c.pointee.name) + ";", line: lineOf(c))))
            case XML_COMMENT_NODE:
                children.append(.comment(DOMComment(string(c.pointee.content))))
            default:
                break
            }
            child = c.pointee.next
        }
        return DOMElement(name: qualifiedName(node, lowercase: lowercase), attributes: attributes,
                          children: children, line: lineOf(node))
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
