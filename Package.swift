// swift-tools-version:6.0
// ratecalc: exact convergence rates of SSMs and Transformers (Nishikawa & Suzuki 2024;
// Takakura & Suzuki 2023; Okumoto & Suzuki 2022) and their empirical check.
import PackageDescription

let package = Package(
    name: "ratecalc",
    products: [
        .executable(name: "ratecalc", targets: ["ratecalc"]),
        .library(name: "Bounds", targets: ["Bounds"]),
        .library(name: "Numeric", targets: ["Numeric"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // libgmp through pkg-config `gmp`, with inline shims for GMP's macros.
        .systemLibrary(
            name: "CGMP",
            path: "Sources/CGMP",
            pkgConfig: "gmp",
            providers: [.apt(["libgmp-dev"])]
        ),
        // OpenBLAS (CBLAS) and LAPACKE for the Numeric engine.
        .systemLibrary(
            name: "CBLAS",
            path: "Sources/CBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]
        ),
        // Hot loops of the training engine in C, one variant per instruction set (baseline,
        // AVX2+FMA, AVX-512F via __attribute__((target))), chosen once at start-up from CPUID.
        .target(name: "CKernels", path: "Sources/CKernels", linkerSettings: [.linkedLibrary("m")]),
        // Exact theory: GMP rationals, smoothness input, the theorems' formulas and renderers.
        // The built-in theorem files (Theorems/*.toml) are embedded by scripts/embed-theorems.sh
        // into Library/BuiltInTheoremFiles.swift; a test checks the two agree.
        .target(name: "Bounds", dependencies: ["CGMP"], exclude: ["Theorems"]),
        // Process concerns shared by every command: stdout that fails loudly, atomic output files,
        // Ctrl-C/SIGTERM and the stderr progress line (Foundation only).
        .target(name: "ProcessIO"),
        // Notes: refreshing ratecalc blocks in Markdown, Quarto, LaTeX and Typst files (text only).
        .target(name: "Notes"),
        // Empirical side: estimators, training, synthetic targets, the check sweep.
        .target(name: "Numeric", dependencies: ["Bounds", "CBLAS", "CKernels", "ProcessIO"]),
        // Thin command-line front end.
        .executableTarget(
            name: "ratecalc",
            dependencies: [
                "Bounds", "Numeric", "Notes", "ProcessIO",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "BoundsTests", dependencies: ["Bounds"], exclude: ["Fixtures"]),
        .testTarget(name: "NumericTests", dependencies: ["Numeric", "Bounds", "CKernels", "ProcessIO"]),
        .testTarget(name: "CLITests", dependencies: ["Bounds", "Notes", "Numeric", "ProcessIO"], exclude: ["Golden"]),
        .testTarget(name: "NotesTests", dependencies: ["Notes"]),
    ],
    swiftLanguageModes: [.v6]
)
