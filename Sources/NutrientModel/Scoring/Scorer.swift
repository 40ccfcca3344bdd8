/// Scores logged entries against targets: per nutrient the daily amount, percent of
/// target, status, upper-limit check and coverage. Every figure absorb shows is made here.
public struct Scorer: Sendable {
    /// The foods entries refer to.
    public let foods: FoodTable
    /// The thresholds.
    public let rules: ScoringRules

    /// Makes a scorer.
    public init(foods: FoodTable, rules: ScoringRules) {
        self.foods = foods
        self.rules = rules
    }

    /// The scores of every nutrient for `entries`, averaged over `days` days (1 for a
    /// single day; the number of logged days for usual intake over a range).
    public func score(_ entries: [Entry], days: Int, targets: TargetSet) -> [NutrientScore] {
        Nutrient.allCases.map { score($0, entries: entries, days: days, target: targets.targets[$0]!) }
    }

    /// One nutrient's score.
    public func score(_ nutrient: Nutrient, entries: [Entry], days: Int, target: Target) -> NutrientScore {
        var total = 0.0
        var knownGrams = 0.0
        var allGrams = 0.0
        var anyKnown = false
        var limitTotal = 0.0
        var limitKnown = false
        var missing: [String] = []
        let limitComponent = target.upperLimit == nil ? nil : target.upperLimitBasis?.component(for: nutrient)
        for entry in entries {
            allGrams += entry.grams
            guard let index = foods.index(of: entry.foodID) else {
                let name = "unknown food \(entry.foodID)"
                if !missing.contains(name) { missing.append(name) }
                continue
            }
            let values = foods.values(at: index)
            if let per100g = nutrient.amount(in: values) {
                total += per100g * entry.grams / 100
                knownGrams += entry.grams
                anyKnown = true
            } else {
                let name = foods.descriptions[index]
                if !missing.contains(name) { missing.append(name) }
            }
            if let component = limitComponent {
                let per100g = component == nutrient.mainComponent ? nutrient.amount(in: values) : values[component]
                if let per100g {
                    limitTotal += per100g * entry.grams / 100
                    limitKnown = true
                }
            }
        }
        let divisor = Double(max(days, 1))
        let amount = anyKnown ? total / divisor : nil
        let limitAmount = limitKnown ? limitTotal / divisor : nil
        let coverage = allGrams > 0 ? knownGrams / allGrams : nil
        var percent: Double?
        if let amount, let value = target.value, value > 0 { percent = amount / value * 100 }

        let status: NutrientStatus
        if let limit = target.upperLimit, let limitAmount, limitAmount > limit {
            status = .aboveUL
        } else if amount == nil {
            status = .noData
        } else if let percent {
            if percent < rules.veryLowBelowPercent {
                status = .veryLow
            } else if percent < rules.metAtPercent {
                status = .low
            } else {
                status = .met
            }
        } else {
            status = .noTarget
        }
        return NutrientScore(nutrient: nutrient, amount: amount, target: target, percent: percent,
                             upperLimitAmount: limitAmount, status: status, coverage: coverage,
                             missingDataFoods: missing)
    }
}
