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
        // Each entry's food is looked up once for all the nutrients.
        let indices = entries.map { foods.index(of: $0.foodID) }
        return Nutrient.allCases.map { score($0, entries: entries, indices: indices, days: days, target: targets.targets[$0]!) }
    }

    /// Foods in the order first added, each once, kept by position in the table (a set
    /// beside the list: ten years of entries must not make this quadratic, and no name is
    /// made for an entry until the list is asked for); foods the table lacks, by name.
    private struct OrderedFoods {
        private var order: [Int] = []  // a position, or -1 - an index into `unknown`
        private var seen: Set<Int> = []
        private var unknown: [String] = []
        private var seenUnknown: Set<String> = []
        mutating func add(_ food: Int) {
            if seen.insert(food).inserted { order.append(food) }
        }
        mutating func add(unknown name: String) {
            if seenUnknown.insert(name).inserted {
                order.append(-1 - unknown.count)
                unknown.append(name)
            }
        }
        /// The names, each once (two foods may share a description).
        func names(_ foods: FoodTable) -> [String] {
            var shown: Set<String> = []
            return order.map { $0 >= 0 ? foods.descriptions[$0] : unknown[-1 - $0] }.filter { shown.insert($0).inserted }
        }
    }

    /// One nutrient's score.
    public func score(_ nutrient: Nutrient, entries: [Entry], days: Int, target: Target) -> NutrientScore {
        score(nutrient, entries: entries, indices: entries.map { foods.index(of: $0.foodID) }, days: days, target: target)
    }

    /// One nutrient's score, with each entry's position in the table (`nil`: not in it).
    private func score(_ nutrient: Nutrient, entries: [Entry], indices: [Int?], days: Int, target: Target) -> NutrientScore {
        var total = 0.0
        var knownGrams = 0.0
        var allGrams = 0.0
        var anyKnown = false
        var limitTotal = 0.0, limitKnownTotal = 0.0
        var limitAny = false
        var missing = OrderedFoods(), estimated = OrderedFoods(), unchecked = OrderedFoods()
        let limitBasis = target.upperLimit == nil ? nil : target.upperLimitBasis
        for (position, entry) in entries.enumerated() {
            allGrams += entry.grams
            guard let index = indices[position] else {
                let name = "unknown food \(entry.foodID)"
                missing.add(unknown: name)
                if limitBasis != nil { unchecked.add(unknown: name) }
                continue
            }
            let values = foods.values(at: index)
            if let per100g = nutrient.amount(in: values) {
                total += per100g * entry.grams / 100
                knownGrams += entry.grams
                anyKnown = true
            } else {
                missing.add(index)
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
                    if per100g > 0 { estimated.add(index) }
                case .unknown:
                    unchecked.add(index)
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
                             upperLimitEstimatedFoods: estimated.names(foods), upperLimitUncheckedFoods: unchecked.names(foods),
                             status: status, coverage: coverage, missingDataFoods: missing.names(foods))
    }
}
