/// The rules of trials and of "what changed", from `Data/trials.csv`: the weeks a trial may
/// last, how many days a phase needs before its figures are given, the lags compared, and
/// the cautions shown with every result (each row has its source).
public struct TrialRules: Sendable, Equatable {
    public let minWeeks: Int
    public let maxWeeks: Int
    public let maxReintroduceWeeks: Int
    /// Days with a value a phase needs before its mean and range of a daily scale are given.
    public let minPhaseDays: Int
    /// POEM totals a phase needs before its mean and range are given.
    public let minPhaseWeeks: Int
    /// Days with a check-in a range needs before "what changed" is worked out.
    public let whatChangedMinDays: Int
    /// The longest lag compared, in days (0 … this).
    public let maxLagDays: Int
    /// Fermented or prebiotic servings that count as "at or above" on a day.
    public let servingsAtTarget: Double
    /// The caution shown with every trial's result, and its source.
    public let caution: String
    public let cautionSource: String
    /// The caution shown with what changed.
    public let whatChangedCaution: String

    /// The longest a trial's name may be, in bytes.
    public static let maxNameBytes = 60

    /// Reads `trials.csv`.
    public init(bytes: [UInt8], fileName: String) throws(CSVError) {
        let table = try NamedCSVTable(bytes: bytes, fileName: fileName, columns: ["key", "value", "meaning", "source"])
        var rows: [String: NamedCSVTable.Row] = [:]
        for row in table.rows {
            guard rows[row["key"]] == nil else { throw row.error("key", "the key \(row["key"].prefix(40)) appears twice") }
            rows[row["key"]] = row
        }
        func row(_ key: String) throws(CSVError) -> NamedCSVTable.Row {
            guard let row = rows[key] else {
                throw CSVError(file: fileName, line: table.rows.count + 2, column: 1, message: "the rule \(key) is missing")
            }
            return row
        }
        func whole(_ key: String, _ bounds: ClosedRange<Int>) throws(CSVError) -> Int {
            let row = try row(key)
            let value = try row.number("value")
            guard value == value.rounded(), value >= Double(bounds.lowerBound), value <= Double(bounds.upperBound) else {
                throw row.error("value", "\(key) must be a whole number from \(bounds.lowerBound) to \(bounds.upperBound)")
            }
            return Int(value)
        }
        func text(_ key: String) throws(CSVError) -> NamedCSVTable.Row {
            let row = try row(key)
            guard !row["value"].trimmingSpaces().isEmpty, !row["source"].trimmingSpaces().isEmpty else {
                throw row.error("value", "\(key) needs its text and its source")
            }
            return row
        }
        minWeeks = try whole("min_weeks", 1...52)
        maxWeeks = try whole("max_weeks", 1...52)
        guard minWeeks <= maxWeeks else { throw try row("max_weeks").error("value", "max_weeks must be at least min_weeks") }
        maxReintroduceWeeks = try whole("max_reintroduce_weeks", 0...52)
        minPhaseDays = try whole("min_phase_days", 1...366)
        minPhaseWeeks = try whole("min_phase_weeks", 1...52)
        whatChangedMinDays = try whole("what_changed_min_days", 2...366)
        maxLagDays = try whole("what_changed_max_lag_days", 0...14)
        let servings = try row("servings_at_target")
        servingsAtTarget = try servings.number("value")
        guard servingsAtTarget > 0, servingsAtTarget <= 100 else {
            throw servings.error("value", "servings_at_target must be more than 0 and at most 100")
        }
        let caution = try text("caution")
        self.caution = caution["value"]
        cautionSource = caution["source"]
        whatChangedCaution = try text("what_changed_caution")["value"]
    }

    /// Reads a whole number of weeks typed for `what` (`--weeks 3`) within `bounds`, by the
    /// rules of every number absorb reads (`NumberInput`), or says why not.
    public func parseWeeks(_ text: String, for what: String, in bounds: ClosedRange<Int>) throws(TrialError) -> Int {
        let rule = "\(what) must be a whole number of weeks from \(bounds.lowerBound) to \(bounds.upperBound)"
        let trimmed = text.trimmingSpaces()
        if let reason = NumberInput.ambiguity(in: trimmed[...]) { throw TrialError("\(rule); \"\(trimmed.prefix(40))\": \(reason)") }
        guard !trimmed.isEmpty, trimmed.utf8.count <= 9, trimmed.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
              let value = Int(trimmed) else {
            throw TrialError("\(rule), found \"\(trimmed.prefix(40))\"")
        }
        guard bounds.contains(value) else { throw TrialError("\(rule), found \(value)") }
        return value
    }

    /// The weeks a trial may last.
    public var weeks: ClosedRange<Int> { minWeeks...maxWeeks }
    /// The weeks a reintroduction may last.
    public var reintroduceWeeks: ClosedRange<Int> { 0...maxReintroduceWeeks }
}
