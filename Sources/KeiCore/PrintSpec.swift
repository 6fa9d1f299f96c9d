import Foundation

/// The journal's print layout settings (`print:` in the journal file), read by `emit.fo` and `render.pdf`.
public struct PrintSpec: Sendable, Hashable {
    /// Where notes go in print: at the foot of the page where they are cited, or at the end of the article.
    public enum NotePlacement: String, Sendable, Hashable, CaseIterable { case footnotes, endnotes }

    public var notes: NotePlacement = .endnotes
    /// The XSLT stylesheet that turns JATS into XSL-FO (`stylesheet:`), resolved; nil → the built-in default path.
    public var stylesheetURL: URL?
    /// The running head's pattern (`running-head:`), e.g. "Korea Policy · Vol. {volume}, Issue {number}".
    public var runningHead: PublishingPattern?

    public init() {}
}
