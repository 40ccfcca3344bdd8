import DataFiles
import Foundation
import NutrientModel

/// A food table of any size made from the real one: new names by recombining the words of
/// real descriptions, values resampled column by column from real rows (empty stays
/// possible, as in the USDA data). Seeded: the same size gives the same table.
enum SyntheticTable {
    /// Writes a Data/ folder with `count` foods (the real ones first) and returns its path.
    static func make(count: Int, from data: String, into directory: String) throws -> String {
        let fm = FileManager.default
        try? fm.removeItem(atPath: directory)
        try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for file in try fm.contentsOfDirectory(atPath: data) where file.hasSuffix(".csv") && file != "foods.csv" {
            try fm.copyItem(atPath: data + "/" + file, toPath: directory + "/" + file)
        }
        let real = try CSVReader(bytes: try FileBytes.read(data + "/foods.csv"), fileName: "foods.csv").allRows()
        let header = real[0]
        let rows = Array(real.dropFirst())
        var words: [String] = []
        for row in rows { words += row[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
        var out = CSVWriter.record(header) + "\r\n"
        for row in rows { out += CSVWriter.record(row) + "\r\n" }
        var random = SplitMix(seed: UInt64(count))
        for index in 0..<max(0, count - rows.count) {
            var row = rows[Int(random.next() % UInt64(rows.count))]
            row[0] = String(format: "X%07d", index)
            let parts = (0..<(2 + Int(random.next() % 4))).map { _ in words[Int(random.next() % UInt64(words.count))] }
            row[1] = parts.joined(separator: ", ")
            for column in 3..<(header.count - 1) {
                row[column] = rows[Int(random.next() % UInt64(rows.count))][column]
            }
            out += CSVWriter.record(row) + "\r\n"
        }
        try out.write(toFile: directory + "/foods.csv", atomically: true, encoding: .utf8)
        return directory
    }
}

/// A small fast seeded generator.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 &+ 1 }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
