/// Writes indented XML (or HTML) text element by element, escaping every text and attribute value with
/// ``XMLEscaper`` (C0 controls, U+FFFE and U+FFFF dropped). Used by the table of contents, its HTML
/// index and the Crossref deposit; the JATS renderer has its own byte-level writer.
struct XMLTextBuilder {
    private(set) var text = ""

    init(declaration: Bool = true) {
        if declaration { text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" }
    }

    /// Appends raw markup (a doctype, a fixed fragment) as written: never for outside data.
    mutating func raw(_ markup: String) { text += markup }

    /// `<name a="v">` on a line of its own at `depth` (two spaces a level).
    mutating func open(_ name: String, _ attributes: [(String, String)] = [], _ depth: Int) {
        text += indent(depth) + "<" + name + Self.attributes(attributes) + ">\n"
    }

    mutating func close(_ name: String, _ depth: Int) {
        text += indent(depth) + "</" + name + ">\n"
    }

    /// `<name a="v">text</name>` on one line; nothing when `value` is nil.
    mutating func leaf(_ name: String, _ attributes: [(String, String)] = [], _ value: String?, _ depth: Int) {
        guard let value else { return }
        text += indent(depth) + "<" + name + Self.attributes(attributes) + ">" + XMLEscaper.text(value) + "</" + name + ">\n"
    }

    /// `<name a="v"/>` (XML) on one line.
    mutating func empty(_ name: String, _ attributes: [(String, String)] = [], _ depth: Int) {
        text += indent(depth) + "<" + name + Self.attributes(attributes) + "/>\n"
    }

    /// An inline element for mixed content, without indentation or line break.
    static func inline(_ name: String, _ attributes: [(String, String)] = [], _ value: String) -> String {
        "<" + name + Self.attributes(attributes) + ">" + XMLEscaper.text(value) + "</" + name + ">"
    }

    static func attributes(_ attributes: [(String, String)]) -> String {
        attributes.map { " \($0.0)=\"\(XMLEscaper.attribute($0.1))\"" }.joined()
    }

    private func indent(_ depth: Int) -> String { String(repeating: "  ", count: depth) }
}
