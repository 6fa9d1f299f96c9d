import Foundation

/// Attribute values read from serialised XML by name (the writer's fixed `name="value"` form), for tests
/// that check links between elements.
public enum JATSAttributes {
    /// Every value of attribute `name` (exact name, preceded by a space), unescaped only for `&amp;`.
    public static func values(of name: String, in xml: String) -> [String] {
        xml.components(separatedBy: " \(name)=\"").dropFirst().map {
            String($0.prefix { $0 != "\"" }).replacingOccurrences(of: "&amp;", with: "&")
        }
    }
}
