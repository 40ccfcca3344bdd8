import Foundation
import NutrientModel

// build-food-table: rebuilds Data/foods.csv and Data/portions.csv from the USDA SR28 files.

let usage = """
    usage: build-food-table [--sr28 DIR] [--out DIR] [--derived FILE]

    Rebuilds foods.csv and portions.csv from the USDA SR28 ASCII files.
      --sr28 DIR   the SR28 folder (default: ../shared/data/usda-sr28 next to this package)
      --out DIR    where to write the tables (default: this package's Data/ folder)
      --derived FILE  household measures SR28 lacks, each with its basis
                   (default: this package's Data/derived_portions.csv)
    """

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("build-food-table: \(message)\n".utf8))
    exit(1)
}

let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
var sr28Directory = packageRoot.appendingPathComponent("../shared/data/usda-sr28").standardized.path
var outputDirectory = packageRoot.appendingPathComponent("Data").path
var derivedFile = packageRoot.appendingPathComponent("Data/derived_portions.csv").path

var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--sr28":
        guard let value = arguments.popFirst() else { fail("--sr28 needs a folder\n\(usage)") }
        sr28Directory = value
    case "--out":
        guard let value = arguments.popFirst() else { fail("--out needs a folder\n\(usage)") }
        outputDirectory = value
    case "--derived":
        guard let value = arguments.popFirst() else { fail("--derived needs a file\n\(usage)") }
        derivedFile = value
    case "-h", "--help":
        print(usage)
        exit(0)
    default:
        fail("unknown argument \"\(argument)\"\n\(usage)")
    }
}

do {
    let started = Date()
    let tables = try SR28Converter(directory: sr28Directory, derivedPortionsFile: derivedFile).convert()
    try FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
    let foodsPath = (outputDirectory as NSString).appendingPathComponent("foods.csv")
    let portionsPath = (outputDirectory as NSString).appendingPathComponent("portions.csv")
    try Data(tables.foods.utf8).write(to: URL(fileURLWithPath: foodsPath), options: .atomic)
    try Data(tables.portions.utf8).write(to: URL(fileURLWithPath: portionsPath), options: .atomic)
    let seconds = Date().timeIntervalSince(started)
    print("wrote \(foodsPath) (\(tables.foodCount) foods, \(tables.derivedCount) derived values)")
    print("wrote \(portionsPath) (\(tables.portionCount) household measures)")
    print(String(format: "in %.2f s", seconds))
} catch {
    fail("\(error)")
}
