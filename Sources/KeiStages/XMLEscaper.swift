import KeiCore

/// The XML 1.0 escaper lives in KeiCore (the CI reporters write XML too); this alias keeps the
/// stages' spelling without an import in every file.
typealias XMLEscaper = KeiCore.XMLEscaper
