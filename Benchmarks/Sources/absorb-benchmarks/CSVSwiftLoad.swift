import CSV
import Foundation

/// Loads foods.csv with yaslab/CSV.swift, converting the value columns as absorb does.
enum CSVSwiftLoad {
    static func load(_ path: String, valueColumns: Range<Int>) throws -> Double {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let reader = try CSVReader(string: text, hasHeaderRow: true)
        var sum = 0.0
        while let row = reader.next() {
            for column in valueColumns where column < row.count { sum += Double(row[column]) ?? 0 }
        }
        return sum
    }
}
