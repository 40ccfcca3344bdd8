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

    /// Names in the order first added, each once (a set beside the list: ten years of
    /// entries must not make this quadratic).
    private struct OrderedNames {
        private(set) var list: [String] = []
        private var seen: Set<String> = []
        mutating func add(_ name: String) {
            if seen.insert(name).inserted { list.append(name) }
        }
    }

    /// One nutrient's score.
    public func score(_ nutrient: Nutrient, entries: [Entry], days: Int, target: Target) -> NutrientScore {
        var total = 0.0
        var knownGrams = 0.0
        var allGrams = 0.0
        var anyKnown = false
        var limitTotal = 0.0, limitKnownTotal = 0.0
        var limitAny = false
        var missing = OrderedNames(), estimated = OrderedNames(), unchecked = OrderedNames()
        let limitBasis = target.upperLimit == nil ? nil : target.upperLimitBasis
        for entry in entries {
            allGrams += entry.grams
            guard let index = foods.index(of: entry.foodID) else {
                let name = "unknown food \(entry.foodID)"
                missing.add(name)
                if limitBasis != nil { unchecked.add(name) }
                continue
            }
            let values = foods.values(at: index)
            if let per100g = nutrient.amount(in: values) {
                total += per100g * entry.grams / 100
                knownGrams += entry.grams
                anyKnown = true
            } else {
                missing.add(foods.descriptions[index])
            }
            if let limitBasis {
                switch rules.upperLimits.count(nutrient, basis: limitBasis, in: values, source: foods.source(at: index)) {
                case .known(let per100g):
                    limitTotal += per100g * entry.grams / 100
                    limitKnownTotal += per100g * entry.grams / 100
                    limitAny = true
                case .estimated(let per100g):
                    limitTotal += per100g * entry.grams / 100
                    limitAny = true
                    if per100g > 0 { estimated.add(foods.descriptions[index]) }
                case .unknown:
                    unchecked.add(foods.descriptions[index])
                }
            }
        }
        let divisor = Double(max(days, 1))
        let amount = anyKnown ? total / divisor : nil
        let limitAmount = limitAny ? limitTotal / divisor : nil
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
                             upperLimitAmount: limitAmount,
                             upperLimitKnownAmount: limitBasis == nil ? nil : limitKnownTotal / divisor,
                             upperLimitEstimatedFoods: estimated.list, upperLimitUncheckedFoods: unchecked.list,
                             status: status, coverage: coverage, missingDataFoods: missing.list)
    }
}
