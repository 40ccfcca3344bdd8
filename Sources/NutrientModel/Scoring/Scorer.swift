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
        let logged = LoggedFoods(entries, foods: foods)
        return Nutrient.allCases.map { score($0, entries: entries, logged: logged, days: days, target: targets.targets[$0]!) }
    }

    /// The different foods of some entries, each at a slot of its own, and each entry's
    /// slot: what is worked out per food (a nutrient's value, its upper-limit count) is
    /// worked out once per food and read by slot for every entry (ten years are 36,500
    /// entries of a few hundred foods).
    private struct LoggedFoods {
        /// Per entry, its food's slot, or nil where the table lacks the food.
        let slotOfEntry: [Int?]
        /// Per slot, the food's position in the table.
        let foodIndex: [Int]

        init(_ entries: [Entry], foods: FoodTable) {
            var slotOfFood = [Int32](repeating: -1, count: entries.isEmpty ? 0 : foods.count)  // by position in the table
            var foodIndex: [Int] = []
            slotOfEntry = entries.map { entry -> Int? in
                guard let index = foods.index(of: entry.foodID) else { return nil }
                if slotOfFood[index] >= 0 { return Int(slotOfFood[index]) }
                slotOfFood[index] = Int32(foodIndex.count)
                foodIndex.append(index)
                return foodIndex.count - 1
            }
            self.foodIndex = foodIndex
        }
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
        score(nutrient, entries: entries, logged: LoggedFoods(entries, foods: foods), days: days, target: target)
    }

    /// One nutrient's score, with each entry's food at its slot of `logged`. The sums are
    /// made entry by entry in the entries' order, as they always were (the same figures to
    /// the last bit); only what depends on the food alone is worked out once per food.
    private func score(_ nutrient: Nutrient, entries: [Entry], logged: LoggedFoods, days: Int, target: Target) -> NutrientScore {
        var total = 0.0
        var knownGrams = 0.0
        var allGrams = 0.0
        var anyKnown = false
        var limitTotal = 0.0, limitKnownTotal = 0.0
        var limitAny = false
        var missing = OrderedFoods(), estimated = OrderedFoods(), unchecked = OrderedFoods()
        let limitBasis = target.upperLimit == nil ? nil : target.upperLimitBasis
        // Per food: the nutrient per 100 g (nil: no value) and what counts toward the limit.
        let per100gOfFood = logged.foodIndex.map { nutrient.amount(in: foods.values(at: $0)) }
        let limitCountOfFood = limitBasis.map { basis in
            logged.foodIndex.map { rules.upperLimits.count(nutrient, basis: basis, in: foods.values(at: $0), source: foods.source(at: $0)) }
        }
        // Whether a food was already added to `missing`, `estimated` or `unchecked` (each
        // food once, in the order first met: what adding to them again would have kept).
        var isMissing = [Bool](repeating: false, count: logged.foodIndex.count)
        var isEstimated = isMissing, isUnchecked = isMissing
        for position in entries.indices {
            let grams = entries[position].grams
            allGrams += grams
            guard let slot = logged.slotOfEntry[position] else {
                let name = "unknown food \(entries[position].foodID)"
                missing.add(unknown: name)
                if limitBasis != nil { unchecked.add(unknown: name) }
                continue
            }
            if let per100g = per100gOfFood[slot] {
                total += per100g * grams / 100
                knownGrams += grams
                anyKnown = true
            } else if !isMissing[slot] {
                isMissing[slot] = true
                missing.add(logged.foodIndex[slot])
            }
            if let limitCountOfFood {
                switch limitCountOfFood[slot] {
                case .known(let per100g):
                    limitTotal += per100g * grams / 100
                    limitKnownTotal += per100g * grams / 100
                    limitAny = true
                case .estimated(let per100g):
                    limitTotal += per100g * grams / 100
                    limitAny = true
                    if per100g > 0, !isEstimated[slot] {
                        isEstimated[slot] = true
                        estimated.add(logged.foodIndex[slot])
                    }
                case .unknown:
                    if !isUnchecked[slot] {
                        isUnchecked[slot] = true
                        unchecked.add(logged.foodIndex[slot])
                    }
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
