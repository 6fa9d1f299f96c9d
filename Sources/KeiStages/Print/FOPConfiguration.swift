import Foundation

/// The Apache FOP 2.8 configuration (`fop.xconf`) `render.pdf` writes to a temporary file for one run:
/// relative image paths resolve against `base` (the article's source folder), and every face of
/// ``PrintFonts`` is registered for embedding (FOP embeds subsets of the glyphs used). Not an output.
struct FOPConfiguration {
    var base: URL
    var fonts: PrintFonts

    /// The configuration document (UTF-8 XML; paths are escaped for XML attributes).
    var xml: String {
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<fop version="1.0">"#,
            "  <base>\(XMLEscaper.attribute(base.absoluteString))</base>",
            "  <renderers>",
            #"    <renderer mime="application/pdf">"#,
            "      <fonts>",
        ]
        for face in fonts.faces {
            lines.append("        <font kerning=\"yes\" embed-url=\"\(XMLEscaper.attribute(face.file.absoluteString))\">"
                + "<font-triplet name=\"\(XMLEscaper.attribute(face.family))\" style=\"\(face.style)\" weight=\"\(face.weight)\"/></font>")
        }
        lines += ["      </fonts>", "    </renderer>", "  </renderers>", "</fop>", ""]
        return lines.joined(separator: "\n")
    }
}
