import Foundation
import SwiftCSV

/// Loads foods.csv with SwiftCSV: the text, the rows, and the value columns as numbers,
/// the same work absorb's loader does.
enum SwiftCSVLoad {
    static func load(_ path: String, valueColumns: Range<Int>) throws -> Double {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let csv = try EnumeratedCSV(string: text, delimiter: .comma, loadColumns: false)
        var sum = 0.0
        for row in csv.rows {
            for column in valueColumns where column < row.count { sum += Double(row[column]) ?? 0 }
        }
        return sum
    }
}
