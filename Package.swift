// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "kei-pipeline",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kei-pipeline", targets: ["kei-pipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // SHA-256 (the Crossref deposit record, the index's CSP hash); Foundation on Linux has no digest API.
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // libxml2 from the system (apt: libxml2-dev). Only KeiXML imports it.
        .systemLibrary(
            name: "CKeiLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        // libxslt from the system (apt: libxslt1-dev). Only KeiXML imports it (XSLTTransform).
        .systemLibrary(
            name: "CKeiLibXSLT",
            pkgConfig: "libxslt",
            providers: [.apt(["libxslt1-dev"]), .brew(["libxslt"])]
        ),
        // SQLite from the system (apt: libsqlite3-dev). Only KeiLedger imports it.
        .systemLibrary(
            name: "CKeiSQLite3",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
        ),
        // The article result cache and run ledger (.kei/ledger.sqlite): a thin SQLite wrapper plus the schema.
        .target(name: "KeiLedger", dependencies: ["CKeiSQLite3", "KeiCore", "KeiDocument",
                                                  .product(name: "Crypto", package: "swift-crypto")]),
        // Thin wrapper: parses with libxml2, transforms with libxslt, copies into Swift values, frees C memory.
        .target(name: "KeiXML", dependencies: ["CKeiLibXML2", "CKeiLibXSLT", "KeiDocument"]),
        // Value-type article model, diagnostics, visitors, tree dumper.
        .target(name: "KeiDocument"),
        // Dates: extraction of date expressions, calendar arithmetic, the timeline model.
        .target(name: "KeiDates", dependencies: ["KeiDocument"]),
        // Citations: the reference parser (a trained sequence labeller), CSL-JSON items, notes read as citations.
        .target(name: "KeiCitations", dependencies: ["KeiDocument", "KeiDates"], exclude: ["Training"]),
        // Trains and measures the reference parser's model (make train-cite / cv-cite / bench-cite); not installed.
        .executableTarget(name: "kei-cite-train", dependencies: ["KeiCitations"]),
        // Stage protocol, workflow loading, runner, reporters, file I/O.
        .target(name: "KeiCore", dependencies: ["KeiDocument", "KeiCitations", "KeiDates", .product(name: "Yams", package: "Yams")]),
        // Built-in stages (one per file) and their registry.
        .target(name: "KeiStages", dependencies: ["KeiCore", "KeiDocument", "KeiXML", "KeiCitations", "KeiDates",
                                                  .product(name: "Crypto", package: "swift-crypto")]),
        // The command-line interface as a library, driven in-process by tests.
        .target(name: "KeiCLI", dependencies: [
            "KeiCore", "KeiStages", "KeiDocument", "KeiCitations", "KeiDates", "KeiLedger",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Yams", package: "Yams"),   // batch: back-issue folders' issue.yml
        ]),
        .executableTarget(name: "kei-pipeline", dependencies: ["KeiCLI"]),
        // libFuzzer driver for the data-file readers (make fuzz builds it instrumented in .build/fuzz);
        // an ordinary build replays files through a reader: kei-fuzz TARGET FILE…
        .executableTarget(name: "kei-fuzz", dependencies: ["KeiCLI"]),

        .target(name: "KeiTestSupport", dependencies: ["KeiCore", "KeiStages", "KeiDocument", "KeiXML", "KeiCLI", "KeiCitations", "KeiDates"], path: "Tests/KeiTestSupport"),
        .testTarget(name: "KeiXMLTests", dependencies: ["KeiXML", "KeiTestSupport"]),
        .testTarget(name: "KeiDocumentTests", dependencies: ["KeiDocument", "KeiTestSupport"]),
        .testTarget(name: "KeiCitationsTests", dependencies: ["KeiCitations", "KeiTestSupport"]),
        .testTarget(name: "KeiDatesTests", dependencies: ["KeiDates", "KeiTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "KeiCoreTests", dependencies: ["KeiCore", "KeiStages", "KeiTestSupport"]),
        .testTarget(name: "KeiStagesTests", dependencies: ["KeiStages", "KeiCore", "KeiXML", "KeiDocument", "KeiTestSupport"], exclude: ["Snapshots"]),
        .testTarget(name: "KeiLedgerTests", dependencies: ["KeiLedger", "KeiCore", "KeiStages", "KeiTestSupport"]),
        .testTarget(name: "KeiCLITests", dependencies: ["KeiCLI", "KeiCore", "KeiStages", "KeiTestSupport", .product(name: "Yams", package: "Yams")], exclude: ["Snapshots", "Fixtures"]),
    ]
)
