/// Thresholds and limits from `Data/rules.csv`, read by key.
public struct RuleTable: Sendable {
    private let values: [String: Double]
    private let fileName: String

    /// Reads `rules.csv`.
    public init(bytes: [UInt8], fileName: String) throws(CSVError) {
        var values: [String: Double] = [:]
        var lines: [String: Int] = [:]
        var header: CSVHeader?
        var columns = (key: 0, value: 0)
        try CSVReader(bytes: bytes, fileName: fileName).forEachRecord { record throws(CSVError) in
            guard let known = header else {
                let parsed = try CSVHeader(record: record)
                columns = (try parsed.position(of: "key"), try parsed.position(of: "value"))
                header = parsed
                return
            }
            try known.check(record)
            let key = try record.string(at: columns.key)
            guard let value = try record.number(at: columns.value, column: "value") else {
                throw record.error(at: columns.value, "the rule \"\(key)\" has no value")
            }
            // A second row of a key would silently win over the first.
            if let first = lines[key] {
                throw record.error(at: columns.key, "the rule \"\(key)\" appears twice (first on line \(first))")
            }
            lines[key] = record.line
            values[key] = value
        }
        self.values = values
        self.fileName = fileName
    }

    /// A table with the given values (for tests and tools).
    public init(values: [String: Double]) {
        self.values = values
        self.fileName = "rules"
    }

    /// The value of a rule that must be present.
    public func value(_ key: String) throws(CSVError) -> Double {
        guard let value = values[key] else {
            throw CSVError(file: fileName, line: 1, column: 1, message: "the rule \"\(key)\" is missing")
        }
        return value
    }
}

/// The thresholds scoring uses.
public struct ScoringRules: Sendable, Equatable {
    /// Under this percent of the target a nutrient is `very_low`.
    public let veryLowBelowPercent: Double
    /// At or over this percent of the target it is `met`.
    public let metAtPercent: Double
    /// How foods count toward the upper limits.
    public let upperLimits: UpperLimitRules

    /// Makes rules.
    public init(veryLowBelowPercent: Double, metAtPercent: Double, upperLimits: UpperLimitRules) {
        self.veryLowBelowPercent = veryLowBelowPercent
        self.metAtPercent = metAtPercent
        self.upperLimits = upperLimits
    }

    /// Reads them from the rule table and the conversions table.
    public init(_ rules: RuleTable, conversions: RuleTable) throws(CSVError) {
        self.init(veryLowBelowPercent: try rules.value("very_low_below_percent"),
                  metAtPercent: try rules.value("met_at_percent"),
                  upperLimits: try UpperLimitRules(conversions))
    }
}
