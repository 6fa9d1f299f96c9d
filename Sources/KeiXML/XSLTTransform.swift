internal import CKeiLibXML2
internal import CKeiLibXSLT
import Foundation

/// An XSLT 1.0 stylesheet run by libxslt (apt: libxslt1-dev), with the C library kept inside this file.
///
/// In: the stylesheet's bytes and the URL its relative `xsl:import`/`xsl:include` resolve against; per run,
/// an XML document's bytes and string parameters. Out: the serialized result (per the stylesheet's
/// `xsl:output`), or a thrown ``XSLTError`` with libxslt's messages (they carry the stylesheet's line).
///
/// Safety, for stylesheets and documents that may be hostile:
/// - stylesheet, input, imports and `document()` are parsed with `XML_PARSE_NONET`, without entity
///   substitution and without loading DTDs (the input's external DOCTYPE is never fetched);
/// - libxslt's security preferences forbid writing files, creating directories and network reads and writes
///   (so `exsl:document`/`xsl:result-document`, `document('http://…')` fail); while compiling, local file
///   reads are allowed only under the stylesheet's own folder (its `xsl:import`/`xsl:include` of files
///   there; the resolved path's prefix is compared), and while transforming they are forbidden
///   (`document('file')` fails);
/// - libxml2's echo of an offending source line is dropped from the messages, so a diagnostic never
///   quotes a file the stylesheet tried to read;
/// - parameters are passed as literal strings (`xsltQuoteUserParams`), never evaluated as XPath;
/// - every C object (documents, stylesheet, transform context, security preferences, result buffer) is
///   freed before a call returns; no pointer escapes. Runs are serialized by one lock, because libxslt's
///   generic error handler is process-wide.
public struct XSLTTransform: Sendable {
    /// The stylesheet's bytes.
    public let stylesheet: Data
    /// Where the stylesheet lives (relative imports resolve against it); nil → imports are relative to the
    /// working directory.
    public let baseURL: URL?

    /// Compiles the stylesheet once to check it; throws ``XSLTError`` with libxslt's messages when it is
    /// not well-formed XML or not a valid XSLT 1.0 stylesheet.
    public init(stylesheet: Data, baseURL: URL?) throws {
        self.stylesheet = stylesheet
        self.baseURL = baseURL
        try Self.locked { try withCompiled { _ in () } }
    }

    /// Reads and compiles the stylesheet file at `url` (imports resolve next to it).
    public init(contentsOf url: URL) throws {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw XSLTError(stage: .stylesheet, messages: ["cannot read \(url.lastPathComponent): \(error.localizedDescription)"])
        }
        try self.init(stylesheet: data, baseURL: url)
    }

    /// Transforms `xml` and returns the serialized result.
    /// - Parameter parameters: top-level `xsl:param` values, each passed as a literal string.
    /// - Throws: ``XSLTError`` when the input is not well-formed, or the transformation fails or is refused
    ///   (a forbidden read or write, `xsl:message terminate="yes"`).
    public func apply(to xml: Data, parameters: [String: String] = [:]) throws -> Data {
        try Self.locked {
            try withCompiled { style in
                let sink = Sink()
                return try sink.collecting {
                    guard let doc = Self.parse(xml, url: nil) else {
                        throw XSLTError(stage: .input, messages: sink.lines(orElse: "the input is not well-formed XML"))
                    }
                    defer { xmlFreeDoc(doc) }
                    guard let ctxt = xsltNewTransformContext(style, doc) else {
                        throw XSLTError(stage: .transform, messages: ["libxslt could not create a transformation context"])
                    }
                    defer { xsltFreeTransformContext(ctxt) }
                    let prefs = Self.forbiddingPrefs(readFile: true)
                    defer { xsltFreeSecurityPrefs(prefs) }
                    _ = xsltSetCtxtSecurityPrefs(prefs, ctxt)
                    _ = xsltSetCtxtParseOptions(ctxt, Self.parseOptions)
                    sink.attach(to: ctxt)
                    try Self.withParameterArray(parameters) { params in
                        if xsltQuoteUserParams(ctxt, params) != 0 {
                            throw XSLTError(stage: .transform, messages: sink.lines(orElse: "a parameter could not be set"))
                        }
                    }
                    let result = xsltApplyStylesheetUser(style, doc, nil, nil, nil, ctxt)
                    defer { if let result { xmlFreeDoc(result) } }
                    guard let result, ctxt.pointee.state == XSLT_STATE_OK else {
                        throw XSLTError(stage: .transform, messages: sink.lines(orElse: "the transformation failed"))
                    }
                    var buffer: UnsafeMutablePointer<xmlChar>?
                    var length: Int32 = 0
                    guard xsltSaveResultToString(&buffer, &length, result, style) == 0 else {
                        throw XSLTError(stage: .transform, messages: ["the result could not be serialized"])
                    }
                    defer { if let buffer { kei_xslt_free_buffer(buffer) } }
                    guard let buffer, length > 0 else { return Data() }
                    return Data(bytes: buffer, count: Int(length))
                }
            }
        }
    }

    // MARK: - libxslt plumbing (private)

    private static let parseOptions = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_BIG_LINES.rawValue)
    private static let lock = NSLock()

    private static func locked<T>(_ body: () throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        kei_xslt_install_safe_loader()
        return try body()
    }

    /// Parses and compiles the stylesheet under compile-time security preferences, runs `body`, frees it.
    private func withCompiled<T>(_ body: (xsltStylesheetPtr) throws -> T) throws -> T {
        let sink = Sink()
        let style: xsltStylesheetPtr = try sink.collecting {
            guard let doc = Self.parse(stylesheet, url: baseURL) else {
                throw XSLTError(stage: .stylesheet, messages: sink.lines(orElse: "the stylesheet is not well-formed XML"))
            }
            let prefs = Self.forbiddingPrefs(readFile: false)
            kei_xslt_set_read_root(baseURL?.deletingLastPathComponent().path ?? FileManager.default.currentDirectoryPath)
            _ = kei_xslt_allow_reads_under_root(prefs)
            let previous = xsltGetDefaultSecurityPrefs()
            xsltSetDefaultSecurityPrefs(prefs)
            defer { xsltSetDefaultSecurityPrefs(previous); xsltFreeSecurityPrefs(prefs) }
            // On success the stylesheet owns `doc`; on failure libxslt leaves it to the caller.
            guard let style = xsltParseStylesheetDoc(doc) else {
                xmlFreeDoc(doc)
                throw XSLTError(stage: .stylesheet, messages: sink.lines(orElse: "the stylesheet is not valid XSLT 1.0"))
            }
            // libxslt does not count every compile error (`<xsl:frobnicate/>` is reported, not counted):
            // any error message while compiling fails the compile.
            if style.pointee.errors > 0 || sink.text.lowercased().contains("error") {
                xsltFreeStylesheet(style)
                throw XSLTError(stage: .stylesheet, messages: sink.lines(orElse: "the stylesheet has errors"))
            }
            return style
        }
        defer { xsltFreeStylesheet(style) }
        return try body(style)
    }

    private static func parse(_ data: Data, url: URL?) -> xmlDocPtr? {
        data.withUnsafeBytes { raw -> xmlDocPtr? in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self), raw.count > 0,
                  raw.count <= Int(Int32.max) else { return nil }
            return xmlReadMemory(base, Int32(raw.count), url?.absoluteString, nil, parseOptions)
        }
    }

    /// Security preferences forbidding writes, directory creation and network access; with `readFile`
    /// also local file reads.
    private static func forbiddingPrefs(readFile: Bool) -> xsltSecurityPrefsPtr? {
        let prefs = xsltNewSecurityPrefs()
        var options = [XSLT_SECPREF_WRITE_FILE, XSLT_SECPREF_CREATE_DIRECTORY, XSLT_SECPREF_READ_NETWORK, XSLT_SECPREF_WRITE_NETWORK]
        if readFile { options.append(XSLT_SECPREF_READ_FILE) }
        for option in options { _ = xsltSetSecurityPrefs(prefs, option, xsltSecurityForbid) }
        return prefs
    }

    /// A NULL-terminated `name, value, …` C array for libxslt, freed after `body`.
    private static func withParameterArray<T>(_ parameters: [String: String], _ body: (UnsafeMutablePointer<UnsafePointer<CChar>?>) throws -> T) throws -> T {
        let flat = parameters.sorted { $0.key < $1.key }.flatMap { [$0.key, $0.value] }
        let copies = flat.map { strdup($0) }
        defer { copies.forEach { free($0) } }
        var array: [UnsafePointer<CChar>?] = copies.map { UnsafePointer($0) }
        array.append(nil)
        return try array.withUnsafeMutableBufferPointer { try body($0.baseAddress!) }
    }

    /// Collects libxslt's messages while installed (generic handler) or attached (transform context).
    private final class Sink {
        var text = ""
        var cSink = kei_xslt_sink()

        func collecting<T>(_ body: () throws -> T) throws -> T {
            let unmanaged = Unmanaged.passRetained(self)
            defer { unmanaged.release() }
            return try withUnsafeMutablePointer(to: &cSink) { pointer in
                pointer.pointee.context = unmanaged.toOpaque()
                pointer.pointee.fn = { context, message in
                    guard let context, let message else { return }
                    Unmanaged<Sink>.fromOpaque(context).takeUnretainedValue().text += String(cString: message)
                }
                kei_xslt_set_generic_sink(pointer)
                defer { kei_xslt_set_generic_sink(nil) }
                attached = pointer
                defer { attached = nil }
                return try body()
            }
        }

        private var attached: UnsafeMutablePointer<kei_xslt_sink>?

        func attach(to ctxt: xsltTransformContextPtr) {
            if let attached { kei_xslt_set_transform_sink(ctxt, attached) }
        }

        /// The collected messages, one per non-empty line (at most 20), or `fallback` when there are none.
        /// libxml2's echo of the offending source line (the line before a `^` caret line) is dropped with
        /// the caret: it may quote a file the stylesheet was refused or failed to read (`/etc/passwd`).
        func lines(orElse fallback: String) -> [String] {
            var raw = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            var index = raw.count - 1
            while index >= 0 {
                if !raw[index].isEmpty, raw[index].allSatisfy({ $0 == "^" }) {
                    raw.remove(at: index)
                    if index > 0 { raw.remove(at: index - 1); index -= 1 }
                }
                index -= 1
            }
            let lines = raw.filter { !$0.isEmpty }
            return lines.isEmpty ? [fallback] : Array(lines.prefix(20))
        }
    }
}
