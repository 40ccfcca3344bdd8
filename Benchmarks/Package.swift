// swift-tools-version:6.0
// The benchmark suite: its own package, so that the main build and CI carry none of its
// dependencies. `swift run -c release --package-path Benchmarks` runs it.
import Foundation
import PackageDescription

// SwiftPM names a path dependency after its folder: the repository's, whatever it is cloned as.
let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let absorb = repository.lastPathComponent

let package = Package(
    name: "absorb-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    ],
    targets: [
        .executableTarget(
            name: "absorb-benchmarks",
            dependencies: [
                .product(name: "NutrientModel", package: absorb),
                .product(name: "DataFiles", package: absorb),
                .product(name: "Journal", package: absorb),
                .product(name: "Dashboard", package: absorb),
                .product(name: "SwiftCSV", package: "SwiftCSV"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
    ]
)
