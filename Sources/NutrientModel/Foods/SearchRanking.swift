/// Adjustments to search ranks from `Data/search_ranking.csv`: foods people usually mean
/// (farmed Atlantic salmon among the salmon) rank up; forms they rarely mean unless they
/// say so (dried, powdered, baby food) rank down.
public struct SearchRanking: Sendable {
    /// Rank change per food id (negative ranks higher).
    public let foodAdjustments: [String: Double]
    /// Rank change for foods whose description has the word, unless the query names it.
    public let wordAdjustments: [String: Double]

    /// No adjustments.
    public static let none = SearchRanking(foodAdjustments: [:], wordAdjustments: [:])

    /// Makes a ranking.
    public init(foodAdjustments: [String: Double], wordAdjustments: [String: Double]) {
        self.foodAdjustments = foodAdjustments
        self.wordAdjustments = wordAdjustments
    }

    /// Reads `search_ranking.csv`.
    public init(bytes: [UInt8], fileName: String) throws(CSVError) {
        var foods: [String: Double] = [:]
        var words: [String: Double] = [:]
        var header: CSVHeader?
        var columns = (kind: 0, key: 0, adjustment: 0)
        try CSVReader(bytes: bytes, fileName: fileName).forEachRecord { record throws(CSVError) in
            guard let known = header else {
                let parsed = try CSVHeader(record: record)
                columns = (try parsed.position(of: "kind"), try parsed.position(of: "key"),
                           try parsed.position(of: "adjustment"))
                header = parsed
                return
            }
            try known.check(record)
            let key = try record.string(at: columns.key)
            guard let adjustment = try record.number(at: columns.adjustment, column: "adjustment") else {
                throw record.error(at: columns.adjustment, "the adjustment is empty")
            }
            switch try record.string(at: columns.kind) {
            case "food": foods[key] = adjustment
            case "word": words[key.lowercased()] = adjustment
            case let other: throw record.error(at: columns.kind, "unknown kind \"\(other)\": expected food or word")
            }
        }
        self.init(foodAdjustments: foods, wordAdjustments: words)
    }
}
