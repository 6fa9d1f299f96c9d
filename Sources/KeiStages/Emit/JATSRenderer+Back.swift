import Foundation
import KeiDocument

extension JATSRenderer {
    /// `<back>` with `<ack>` (acknowledgements), `<fn-group>` (notes, their citations linked to the
    /// `ref`s) and `<ref-list>` (the page's references and the sources cited in the notes), in
    /// that order (JATS 1.3 allows them in any order; acknowledgements come first as in print);
    /// omitted when all are empty.
    mutating func writeBack(_ depth: Int) {
        guard !article.notes.isEmpty || !article.references.isEmpty || !writtenSources.isEmpty || article.acknowledgements != nil else { return }
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
                queueCitedParagraphs(of: note)
                writeBlocks(note.blocks, in: .note, depth + 3)
                citedParagraphs = []
                close("fn", depth + 2)
            }
            close("fn-group", depth + 1)
        }
        writeReferenceList(depth + 1)
        close("back", depth)
    }
}
