/// How a nutrient's intake compares with its target.
public enum NutrientStatus: String, Sendable, Codable, CaseIterable {
    /// Under half the target (`very_low_below_percent`).
    case veryLow = "very_low"
    /// Under the target.
    case low
    /// At or over the target, within the upper limit.
    case met
    /// Over the Tolerable Upper Intake Level, on what the limit applies to.
    case aboveUL = "above_ul"
    /// No reference intake exists for this life stage.
    case noTarget = "no_target"
    /// Nothing logged, or no logged food has a value for the nutrient.
    case noData = "no_data"
}

/// One nutrient's score over a day or a range of days.
public struct NutrientScore: Sendable, Equatable {
    /// The nutrient.
    public let nutrient: Nutrient
    /// The daily average of what the logged foods with a known value provide, in the
    /// nutrient's unit; `nil` when no logged food has a value.
    public let amount: Double?
    /// The target in force.
    public let target: Target
    /// `amount` as a percent of the target.
    public let percent: Double?
    /// The daily average of what the upper limit applies to (retinol, added vitamin E,
    /// or the total), when there is an upper limit and a value to check. It is the
    /// conservative figure: an unknown part is counted by `UpperLimitRules` (an unknown
    /// retinol as all of the vitamin A), and the status is judged on it.
    public let upperLimitAmount: Double?
    /// The part of `upperLimitAmount` from known figures only (`nil` with no limit).
    public let upperLimitKnownAmount: Double?
    /// Foods whose part was estimated by a conservative rule, in the order first logged.
    public let upperLimitEstimatedFoods: [String]
    /// Foods that could not be checked against the limit at all (neither the figure nor
    /// anything to estimate it from), in the order first logged.
    public let upperLimitUncheckedFoods: [String]
    /// The status.
    public let status: NutrientStatus
    /// The share (0...1) of the logged food's weight whose value is known; `nil` when
    /// nothing is logged.
    public let coverage: Double?
    /// Foods logged in the period that have no value for the nutrient, by description,
    /// in the order first logged.
    public let missingDataFoods: [String]

    /// Whether the figure may be understated because some food lacks data.
    public var isIncomplete: Bool { (coverage ?? 1) < 1 }

    /// Whether some part of the upper-limit figure was counted by a conservative estimate.
    public var upperLimitEstimated: Bool { !upperLimitEstimatedFoods.isEmpty }
    /// Whether every logged food could be checked against the upper limit (`true` where
    /// there is no limit).
    public var upperLimitComplete: Bool { upperLimitUncheckedFoods.isEmpty }
    /// Whether the status is above the upper limit only because of an estimated part:
    /// the known figures alone are within it.
    public var upperLimitDecidedByEstimate: Bool {
        guard status == .aboveUL, let limit = target.upperLimit, let known = upperLimitKnownAmount else { return false }
        return upperLimitEstimated && known <= limit
    }
}
