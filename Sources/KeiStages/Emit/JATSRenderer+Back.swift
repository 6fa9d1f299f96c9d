import Foundation
import KeiDocument

extension JATSRenderer {
    /// `<back>` with `<ack>` (acknowledgements), `<fn-group>` (notes) and `<ref-list>` (references), in
    /// that order (JATS 1.3 allows them in any order; acknowledgements come first as in print);
    /// omitted when all are empty.
    mutating func writeBack(_ depth: Int) {
        guard !article.notes.isEmpty || !article.references.isEmpty || article.acknowledgements != nil else { return }
        open("back", [], depth)
        if let ack = article.acknowledgements {
            open("ack", [], depth + 1)
            if !ack.title.isEmpty { inlineLeaf("title", [], ack.title, .title, depth + 2) }
            writeBlocks(ack.blocks, in: .section, depth + 2)
            close("ack", depth + 1)
        }
        if !article.notes.isEmpty {
            open("fn-group", [], depth + 1)
            for (index, note) in article.notes.enumerated() {
                open("fn", [("id", noteElementIDs[index])], depth + 2)
                if let label = Self.nonEmpty(note.label) { textLeaf("label", [], label, depth + 3) }
                writeBlocks(note.blocks, in: .note, depth + 3)
                close("fn", depth + 2)
            }
            close("fn-group", depth + 1)
        }
        if !article.references.isEmpty {
            open("ref-list", [], depth + 1)
            textLeaf("title", [], "References", depth + 2)
            for (index, ref) in article.references.enumerated() {
                open("ref", [("id", referenceElementIDs[index])], depth + 2)
                if let label = Self.nonEmpty(ref.label) { textLeaf("label", [], label, depth + 3) }
                inlineLeaf("mixed-citation", [], ref.inlines, .citation, depth + 3)
                close("ref", depth + 2)
            }
            close("ref-list", depth + 1)
        }
        close("back", depth)
    }
}
