/// One person of a style's vocabulary (``StyleVocabulary``): the full name as the style writes it and
/// the surname a later reference uses alone ("Lee Jae Myung" → "Lee", "Donald Trump" → "Trump").
public struct StylePerson: Sendable, Hashable {
    public var fullName: String
    /// One of the words of ``fullName``.
    public var surname: String

    public init(_ fullName: String, surname: String) {
        self.fullName = fullName
        self.surname = surname
    }
}
