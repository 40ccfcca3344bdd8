/// One meal's fat and the fat-soluble vitamins that came with it.
public struct MealFat: Sendable, Equatable {
    public let date: LocalDate
    public let meal: Meal
    /// Grams of fat from the foods that have a fat value.
    public let fatGrams: Double
    /// Whether every food of the meal has a fat value (if not, the fat may be more).
    public let fatIsComplete: Bool
    /// How much of each fat-soluble vitamin the meal carried (only those with a value).
    public let vitamins: [Nutrient: Double]
    /// The vitamins the meal carried with too little fat.
    public let flags: [FatPairingFlag]
}

/// A fat-soluble vitamin eaten in a meal with too little fat, and what to do about it.
public struct FatPairingFlag: Sendable, Equatable {
    public let date: LocalDate
    public let meal: Meal
    public let nutrient: Nutrient
    /// How much of the vitamin the meal carried.
    public let amount: Double
    /// The meal's fat.
    public let fatGrams: Double
    /// A concrete suggestion.
    public let suggestion: String
}

/// Fat pairing over a set of entries: every meal's fat and vitamins, the flags, and per
/// vitamin the share eaten in meals with enough fat. It is a flag, never an "absorbed
/// amount": the evidence supports no such number (see Data/absorption.csv).
public struct FatPairingReport: Sendable, Equatable {
    /// The threshold used (the profile's own or the data's).
    public let thresholdGrams: Double
    public let meals: [MealFat]
    public var flags: [FatPairingFlag] { meals.flatMap(\.flags) }
    /// Per fat-soluble vitamin, the share (0...1) of its amount eaten in meals with at
    /// least the threshold of fat; `nil` where none of it was eaten, or where no advice
    /// is given for it (`withoutAdvice`: a figure that invites "fixing" is advice too).
    public let pairedShare: [Nutrient: Double]
    /// The vitamins given no absorption advice: above their upper limit, or vitamin A
    /// under the pregnancy caution.
    public let withoutAdvice: Set<Nutrient>

    /// What presenters show in place of the share of a vitamin given no advice.
    public static let noAdviceText = "no absorption advice: see the caution"
}

/// Works out fat pairing from entries, the food table and the rules.
public struct FatPairingAnalyzer: Sendable {
    public let foods: FoodTable
    public let rules: AbsorptionRules
    public let meals: MealTable

    public init(foods: FoodTable, rules: AbsorptionRules, meals: MealTable) {
        self.foods = foods
        self.rules = rules
        self.meals = meals
    }

    /// The fat-soluble vitamins, in table order.
    public static let vitamins = Nutrient.allCases.filter(\.isFatSolubleVitamin)

    /// Analyses `entries` (any number of days) against `targets`, with the profile's own
    /// threshold if it has one. Vitamins in `withoutAdvice` (those above their upper
    /// limit) get no flag and no suggestion: absorbing more of them is not the aim.
    public func analyze(_ entries: [Entry], targets: TargetSet, thresholdGrams: Double? = nil,
                        withoutAdvice: Set<Nutrient> = []) -> FatPairingReport {
        let threshold = thresholdGrams ?? rules.mealFatThresholdGrams
        let vitamins = Self.vitamins
        // The entries by day and meal, each meal's as logged: one stable sort (none at all
        // for the journal's entries, which come in that order), then runs; each entry's food
        // looked up once. Linear in the entries, with no dictionary per meal.
        let isOrdered = entries.indices.dropFirst().allSatisfy {
            (entries[$0 - 1].date, entries[$0 - 1].meal) <= (entries[$0].date, entries[$0].meal)
        }
        let order = isOrdered ? Array(entries.indices)
            : entries.indices.sorted { (entries[$0].date, entries[$0].meal, $0) < (entries[$1].date, entries[$1].meal, $1) }
        // Each entry's food is looked up once, and what depends on the food alone (its fat,
        // its vitamins per 100 g, whether it is a supplement) is read once per food, at the
        // food's slot (ten years are 36,500 entries of a few hundred foods).
        var slotOfFood = [Int32](repeating: -1, count: entries.isEmpty ? 0 : foods.count)  // by position in the table
        var indexOfFood: [Int] = [], fatOfFood: [Double?] = [], isSupplementFood: [Bool] = []
        var vitaminsOfFood: [Double?] = []  // per slot, `vitamins.count` of them
        let slotOf: [Int?] = order.map { position in
            guard let index = foods.index(of: entries[position].foodID) else { return nil }
            if slotOfFood[index] >= 0 { return Int(slotOfFood[index]) }
            let values = foods.values(at: index)
            slotOfFood[index] = Int32(indexOfFood.count)
            indexOfFood.append(index)
            fatOfFood.append(values[.fat])
            isSupplementFood.append(foods.source(at: index) == .supplement)
            vitaminsOfFood.append(contentsOf: vitamins.map { $0.amount(in: values) })
            return indexOfFood.count - 1
        }
        struct MealRun {
            let meal: Meal
            let range: Range<Int>  // positions in `order`
            var grams = 0.0
            var complete = true
        }
        var paired = [Double](repeating: 0, count: vitamins.count)
        var amounts = [Double?](repeating: nil, count: vitamins.count)  // a meal's, per vitamin
        var fromSupplements = [(Double, String)?](repeating: nil, count: vitamins.count)
        var total = [Double](repeating: 0, count: vitamins.count)
        var result: [MealFat] = []
        var dayStart = 0
        while dayStart < order.count {
            let date = entries[order[dayStart]].date
            var dayEnd = dayStart
            while dayEnd < order.count, entries[order[dayEnd]].date == date { dayEnd += 1 }
            // The day's meals and their fat; the one with the most fat is where a supplement
            // is best taken (the first of equals).
            var runs: [MealRun] = []
            var start = dayStart
            while start < dayEnd {
                let meal = entries[order[start]].meal
                var end = start
                while end < dayEnd, entries[order[end]].meal == meal { end += 1 }
                var run = MealRun(meal: meal, range: start..<end)
                for position in run.range {
                    if let slot = slotOf[position], let fat = fatOfFood[slot] {
                        run.grams += fat * entries[order[position]].grams / 100
                    } else {
                        run.complete = false
                    }
                }
                runs.append(run)
                start = end
            }
            var fattest: (Meal, Double)?
            for run in runs where fattest == nil || run.grams > fattest!.1 { fattest = (run.meal, run.grams) }
            for run in runs {
                // Emptied, not made anew, for each meal (each new array of these asked the
                // runtime for its type: a thousand instructions a meal).
                for v in vitamins.indices {
                    amounts[v] = nil
                    fromSupplements[v] = nil
                }
                for position in run.range {
                    guard let slot = slotOf[position] else { continue }
                    let isSupplement = isSupplementFood[slot]
                    let grams = entries[order[position]].grams
                    for v in vitamins.indices {
                        guard let per100 = vitaminsOfFood[slot * vitamins.count + v] else { continue }
                        let amount = per100 * grams / 100
                        amounts[v] = (amounts[v] ?? 0) + amount
                        if isSupplement, amount > (fromSupplements[v]?.0 ?? 0) {
                            fromSupplements[v] = (amount, foods.descriptions[indexOfFood[slot]])
                        }
                    }
                }
                var flags: [FatPairingFlag] = []
                let enoughFat = run.grams >= threshold
                var carried = [Nutrient: Double](minimumCapacity: vitamins.count)
                for (v, nutrient) in vitamins.enumerated() {
                    guard let amount = amounts[v] else { continue }
                    carried[nutrient] = amount
                    guard amount > 0 else { continue }
                    total[v] += amount
                    if enoughFat { paired[v] += amount; continue }
                    guard !withoutAdvice.contains(nutrient), let target = targets[nutrient].value, target > 0,
                          amount / target * 100 >= rules.flagMinimumSharePercent else { continue }
                    flags.append(FatPairingFlag(
                        date: date, meal: run.meal, nutrient: nutrient, amount: amount, fatGrams: run.grams,
                        suggestion: suggestion(for: nutrient, amount: amount, supplement: fromSupplements[v],
                                               meal: run.meal, fattest: fattest, threshold: threshold)))
                }
                result.append(MealFat(date: date, meal: run.meal, fatGrams: run.grams, fatIsComplete: run.complete,
                                      vitamins: carried, flags: flags))
            }
            dayStart = dayEnd
        }
        var shares: [Nutrient: Double] = [:]
        for (v, nutrient) in vitamins.enumerated() where total[v] > 0 && !withoutAdvice.contains(nutrient) {
            shares[nutrient] = paired[v] / total[v]
        }
        return FatPairingReport(thresholdGrams: threshold, meals: result, pairedShare: shares, withoutAdvice: withoutAdvice)
    }

    private func suggestion(for nutrient: Nutrient, amount: Double, supplement: (Double, String)?, meal: Meal,
                            fattest: (Meal, Double)?, threshold: Double) -> String {
        if let (supplementAmount, name) = supplement, supplementAmount >= amount / 2,
           let (bigMeal, grams) = fattest, bigMeal != meal, grams >= threshold {
            return "take the \(name) with \(meals.label(of: bigMeal).lowercased()), the meal with the most fat (\(Format.number(grams, decimals: 1)) g)"
        }
        if let index = foods.index(of: rules.suggestedFatSourceID), let fat = foods.values(at: index)[.fat] {
            let portion = foods.portions(at: index).min { $0.gramsPerUnit < $1.gramsPerUnit }
            let needed = max(threshold, 0.1)
            if let portion {
                let perUnit = fat * portion.gramsPerUnit / 100
                let units = max(1, (needed / perUnit).rounded(.up))
                return "add a fat source to it, such as \(Format.number(units)) \(portion.description) of \(rules.suggestedFatSourceLabel) (\(Format.number(perUnit * units, decimals: 1)) g fat), or eat it with a meal that has some"
            }
        }
        return "add a fat source to it (at least \(Format.number(threshold)) g of fat), or eat it with a meal that has some"
    }
}
