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
        var groups: [DayMeal: [Entry]] = [:]
        for entry in entries { groups[DayMeal(date: entry.date, meal: entry.meal), default: []].append(entry) }
        // Per day, the meal with the most fat: where a supplement is best taken.
        var fattest: [LocalDate: (Meal, Double)] = [:]
        var fats: [DayMeal: (grams: Double, complete: Bool)] = [:]
        for (key, group) in groups {
            var grams = 0.0
            var complete = true
            for entry in group {
                if let index = foods.index(of: entry.foodID), let fat = foods.values(at: index)[.fat] {
                    grams += fat * entry.grams / 100
                } else {
                    complete = false
                }
            }
            fats[key] = (grams, complete)
            if fattest[key.date] == nil || grams > fattest[key.date]!.1 { fattest[key.date] = (key.meal, grams) }
        }
        var paired: [Nutrient: Double] = [:]
        var total: [Nutrient: Double] = [:]
        var result: [MealFat] = []
        for key in groups.keys.sorted(by: { ($0.date, $0.meal) < ($1.date, $1.meal) }) {
            let group = groups[key]!
            let fat = fats[key]!
            var amounts: [Nutrient: Double] = [:]
            var fromSupplements: [Nutrient: (Double, String)] = [:]
            for entry in group {
                guard let index = foods.index(of: entry.foodID) else { continue }
                let values = foods.values(at: index)
                for nutrient in Self.vitamins {
                    guard let per100 = nutrient.amount(in: values) else { continue }
                    let amount = per100 * entry.grams / 100
                    amounts[nutrient, default: 0] += amount
                    if foods.source(at: index) == .supplement, amount > (fromSupplements[nutrient]?.0 ?? 0) {
                        fromSupplements[nutrient] = (amount, foods.descriptions[index])
                    }
                }
            }
            var flags: [FatPairingFlag] = []
            let enoughFat = fat.grams >= threshold
            for nutrient in Self.vitamins {
                guard let amount = amounts[nutrient], amount > 0 else { continue }
                total[nutrient, default: 0] += amount
                if enoughFat { paired[nutrient, default: 0] += amount; continue }
                guard !withoutAdvice.contains(nutrient), let target = targets[nutrient].value, target > 0,
                      amount / target * 100 >= rules.flagMinimumSharePercent else { continue }
                flags.append(FatPairingFlag(
                    date: key.date, meal: key.meal, nutrient: nutrient, amount: amount, fatGrams: fat.grams,
                    suggestion: suggestion(for: nutrient, amount: amount, supplement: fromSupplements[nutrient],
                                           meal: key.meal, fattest: fattest[key.date], threshold: threshold)))
            }
            result.append(MealFat(date: key.date, meal: key.meal, fatGrams: fat.grams, fatIsComplete: fat.complete,
                                  vitamins: amounts, flags: flags))
        }
        var shares: [Nutrient: Double] = [:]
        for (nutrient, amount) in total where amount > 0 && !withoutAdvice.contains(nutrient) {
            shares[nutrient] = (paired[nutrient] ?? 0) / amount
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

    private struct DayMeal: Hashable {
        let date: LocalDate
        let meal: Meal
    }
}
