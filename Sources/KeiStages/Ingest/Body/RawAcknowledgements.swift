import KeiXML

/// Acknowledgements found on the page before they are built: the element that titles them (a
/// heading, or the control or summary that names their region), their content and its line.
struct RawAcknowledgements: Sendable, Hashable {
    var title: DOMElement?
    var nodes: [DOMNode]
    var line: Int
}
