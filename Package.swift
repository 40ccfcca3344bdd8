// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "absorb",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "absorb", targets: ["absorb"]),
        .executable(name: "build-food-table", targets: ["build-food-table"]),
        .library(name: "NutrientModel", targets: ["NutrientModel"]),
        .library(name: "DataFiles", targets: ["DataFiles"]),
        .library(name: "Journal", targets: ["Journal"]),
        .library(name: "Dashboard", targets: ["Dashboard"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .target(name: "NutrientModel"),
        // The platform side of loading data: reading files, the food-table cache (mapped,
        // hashed). NutrientModel's loaders are given it; the model itself reads nothing.
        .target(name: "DataFiles", dependencies: ["NutrientModel"]),
        .target(name: "Dashboard", dependencies: ["NutrientModel"]),
        // Linked by its module map; no pkgConfig, whose -D_XOPEN_SOURCE flags SwiftPM refuses
        // with a warning on every build (the shim defines what the wide-character API needs).
        .systemLibrary(name: "CNCurses"),
        .target(name: "Terminal", dependencies: ["CNCurses", "Dashboard"]),
        .target(
            name: "Journal",
            dependencies: [
                "NutrientModel", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        .executableTarget(
            name: "absorb",
            dependencies: [
                "NutrientModel", "DataFiles", "Journal", "Dashboard", "Terminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "build-food-table", dependencies: ["NutrientModel"]),
        .testTarget(name: "NutrientModelTests", dependencies: ["NutrientModel", "DataFiles"]),
        .testTarget(name: "DashboardTests", dependencies: ["Dashboard", "NutrientModel", "DataFiles"]),
        .testTarget(
            name: "JournalTests",
            dependencies: ["Journal", "NutrientModel", "DataFiles", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "absorbTests",
            dependencies: ["NutrientModel", "DataFiles", "Journal", "absorb", "build-food-table", .product(name: "GRDB", package: "GRDB.swift")]
        ),
    ]
)
