extension NutrientScore {
    /// The status in words, honest about missing data: a nutrient that looks low while
    /// much of the food had no value for it says so instead of alarming
    /// ("low — but 40 % of the food logged has no vitamin D data").
    public func judgement(lowCoverageBelowPercent: Double, days: Int = 1) -> String {
        let word: String
        switch status {
        case .veryLow: word = "very low"
        case .low: word = "low"
        case .met: word = "met"
        case .aboveUL: word = "above the upper limit"
        case .noTarget: word = "no target"
        case .noData: return "no data: none of the food logged has a \(nutrient.name) value"
        }
        guard status == .veryLow || status == .low, let coverage, coverage * 100 < lowCoverageBelowPercent else {
            return word
        }
        let missing = Format.percent((1 - coverage) * 100)
        return "\(word) — but \(missing) % of the food logged has no \(nutrient.name) data"
    }
}
