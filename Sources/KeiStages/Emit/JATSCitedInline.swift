import KeiDocument

/// A note paragraph's content as ``JATSCitationLinker`` marks it for writing: the model's inlines,
/// with the stretches that cite a source to be written inside `<xref ref-type="bibr" rid="…">`.
indirect enum JATSCitedInline: Equatable {
    /// Written as usual.
    case inline(Inline)
    /// `<xref ref-type="bibr" rid="rid">` around inlines that the DTD allows in an `xref` (text,
    /// code, line breaks, formatting and quotations of those).
    case xref(rid: String, [Inline])
    /// An empty `<xref ref-type="bibr" rid="rid"/>`: a citation none of whose text can be put in an
    /// `xref` (all of it is a link's text, say) still links to its `ref`.
    case anchor(rid: String)
    /// A formatting element or quotation (the inline, whose own children are ignored) around content
    /// marked in turn.
    case container(Inline, [JATSCitedInline])
}
