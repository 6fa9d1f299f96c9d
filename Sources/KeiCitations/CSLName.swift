/// A name in a CSL-JSON item (CSL 1.0.2 "name-variable"): a person as `family` and `given`, or an
/// organisation or an unparsed name as `literal`.
public struct CSLName: Sendable, Hashable, Codable {
    public var family: String?
    public var given: String?
    /// An organisation ("The White House") or a name that does not split into family and given.
    public var literal: String?

    public init(family: String?, given: String? = nil) {
        self.family = family
        self.given = given
    }

    public init(literal: String) {
        self.literal = literal
    }
}
