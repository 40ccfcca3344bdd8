extension NutrientStatus {
    /// The status in words: the one wording the dashboard, the report and the summary use.
    public var words: String {
        switch self {
        case .veryLow: "very low"
        case .low: "low"
        case .met: "met"
        case .aboveUL: "above the upper limit"
        case .noTarget: "no target"
        case .noData: "no data"
        }
    }
}

extension NutrientScore {
    /// Whether the nutrient is a gap: it has a target, and what the logged food gives of it
    /// is under the target (very low or low), or no logged food has a value for it. The one
    /// definition the planner, the summary and the screens use; `isIncomplete` says when
    /// the gap may be missing data rather than a low intake.
    public var isGap: Bool {
        guard let value = target.value, value > 0 else { return false }
        return status == .veryLow || status == .low || status == .noData
    }

    /// The status in words, honest about missing data: a nutrient that looks low while
    /// much of the food had no value for it says so instead of alarming
    /// ("low — but 40 % of the food logged has no vitamin D data"), and a status within
    /// an upper limit that could not be checked for every food says so too.
    public func judgement(lowCoverageBelowPercent: Double, days: Int = 1) -> String {
        if status == .noData { return "no data: none of the food logged has a \(nutrient.name) value" }
        var text = status.words
        var qualifiers: [String] = []
        if status == .veryLow || status == .low, let coverage, coverage * 100 < lowCoverageBelowPercent {
            qualifiers.append("but \(Format.percent((1 - coverage) * 100)) % of the food logged has no \(nutrient.name) data")
        }
        // On the total basis the foods not checked are those with no value, which the
        // coverage already says; on retinol or added E it is news.
        if status != .aboveUL, target.upperLimit != nil, target.upperLimitBasis != .total, !upperLimitComplete {
            let count = upperLimitUncheckedFoods.count
            qualifiers.append("the upper limit could not be checked for \(count) food\(count == 1 ? "" : "s")")
        }
        if status == .aboveUL, upperLimitDecidedByEstimate {
            qualifiers.append("counting unknown parts conservatively")
        }
        if !qualifiers.isEmpty { text += " — " + qualifiers.joined(separator: "; ") }
        return text
    }

}
