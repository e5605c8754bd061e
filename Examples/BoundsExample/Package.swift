// swift-tools-version:6.0
// An example client of the Bounds library: computes the exact rates for a = (1, 2, 4).
// Depends on the ratecalc package two directories up by local path (docs/library.md).
import Foundation
import PackageDescription

// SwiftPM names a local package after its directory, which differs between clones.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().standardizedFileURL

let package = Package(
    name: "BoundsExample",
    dependencies: [
        .package(path: root.path),
    ],
    targets: [
        .executableTarget(
            name: "BoundsExample",
            dependencies: [.product(name: "Bounds", package: root.lastPathComponent)]
        ),
    ]
)
