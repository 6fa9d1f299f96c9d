import Foundation

/// Whether tests that need an external program (xsltproc, fop, pdftotext, chromium) must fail when it is
/// missing: `KEI_REQUIRE_TOOLS=1`, which `.ci/run` exports. Otherwise such tests print why they skip.
public enum ToolRequirement {
    public static var required: Bool { ProcessInfo.processInfo.environment["KEI_REQUIRE_TOOLS"] == "1" }
}
