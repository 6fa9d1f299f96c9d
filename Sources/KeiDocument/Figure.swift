/// A figure: an image with an optional label ("Figure 1") and caption.
public struct Figure: Sendable, Hashable, Codable {
    public var id: String
    public var label: String?
    public var caption: [Inline]?
    /// The image reference as written in the source.
    public var graphic: String?
    public var altText: String?
    public var location: SourceLocation

    public init(id: String, label: String? = nil, caption: [Inline]? = nil, graphic: String? = nil,
                altText: String? = nil, location: SourceLocation) {
        self.id = id
        self.label = label
        self.caption = caption
        self.graphic = graphic
        self.altText = altText
        self.location = location
    }
}
