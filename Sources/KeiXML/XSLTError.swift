/// A failed XSLT step (``XSLTTransform``): which step, and libxslt's messages in order (compile errors name
/// the stylesheet's line, e.g. "compilation error: file jats-to-fo.xsl line 12 element template").
public struct XSLTError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Stage: String, Sendable, Hashable {
        /// Reading or compiling the stylesheet.
        case stylesheet
        /// Parsing the input document.
        case input
        /// Running the transformation (including refused reads and writes).
        case transform
    }

    public var stage: Stage
    public var messages: [String]

    public init(stage: Stage, messages: [String]) {
        self.stage = stage
        self.messages = messages
    }

    public var description: String { "XSLT \(stage.rawValue) error: " + messages.joined(separator: "; ") }
}
