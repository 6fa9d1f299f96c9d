/// Whether a style rule's findings carry a fix, and whether `--fix` may apply it.
public enum StyleFixPolicy: String, Sendable, Hashable, CaseIterable, Codable {
    /// No structured fix (the message says what to do).
    case none
    /// Applied by `kei-pipeline check --fix` (when the words stand in the source as the model has them).
    case safe
    /// Suggested only: shown in reports, never applied.
    case unsafe
}
