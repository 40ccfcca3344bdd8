/// What a `GapPlanner` works out for each food of a table before any plan: its serving,
/// its amounts per 100 g, its group's limit, its verdicts for every audience (why plans leave
/// it out, whether it is fish, whether pregnancy advice avoids it) and the ranked lists.
/// It depends only on the food table and the data files the planner reads, so a
/// `FoodTableStore` keeps it beside the table: a command that plans once then reads it
/// instead of working it out (the verdicts' word rules and the 21 sorts were most of
/// `absorb gaps` and `absorb summary`).
///
/// It covers the table's first `foodCount` foods, those loaded from the CSVs; a person's
/// own foods and recipes, added after them, are worked out on top when the planner is made.
public struct PlannerPreparation: Sendable, Equatable {
    /// The foods it covers: the table's first ones.
    public let foodCount: Int
    /// Per food (see `GapPlanner`'s fields of the same names).
    package let servingGrams: [Double]
    package let servingKcal: [Double]
    package let servingPortion: [Int32]
    /// Per food and nutrient (food * nutrients + n), and per food and upper-limit amount (food * 2).
    package let per100: [Double]
    package let limitPer100: [Double]
    package let groupMaxGrams: [Double]
    /// Per food, 1 or 0.
    package let hasMeasure: [UInt8]
    package let energetic: [UInt8]
    /// The ranked lists, basis by basis and nutrient by nutrient (`RankedFoods`' slots).
    package let lists: [[Int32]]
    /// Per food and audience, the number of the reason in `reasons`, -1 allowed, -2 not
    /// yet worked out.
    package let excluded: [Int32]
    package let reasons: [String]
    /// Per food: 0 not yet worked out, 1 not fish, 2 fish, 3 a dish with fish in it.
    package let fish: [UInt8]
    /// Per food: 0 not yet worked out, 1 allowed in pregnancy, 2 avoided.
    package let pregnancy: [UInt8]

    /// A preparation of these parts, or `nil` if they do not fit together: a count that is
    /// not the foods', a food or reason number out of range, a code that means nothing. A
    /// store's copy is checked so before it is used (a damaged copy is ignored, never
    /// trusted with an index).
    package init?(foodCount: Int, servingGrams: [Double], servingKcal: [Double], servingPortion: [Int32], per100: [Double],
                  limitPer100: [Double], groupMaxGrams: [Double], hasMeasure: [UInt8], energetic: [UInt8], lists: [[Int32]],
                  excluded: [Int32], reasons: [String], fish: [UInt8], pregnancy: [UInt8]) {
        let n = GapPlanner.nutrientCount
        guard foodCount >= 0, servingGrams.count == foodCount, servingKcal.count == foodCount,
              servingPortion.count == foodCount, per100.count == foodCount * n, limitPer100.count == foodCount * 2,
              groupMaxGrams.count == foodCount, hasMeasure.count == foodCount, energetic.count == foodCount,
              excluded.count == foodCount * FoodVerdicts.audienceCount, fish.count == foodCount,
              pregnancy.count == foodCount, lists.count == RankedFoods.listCount,
              hasMeasure.allSatisfy({ $0 <= 1 }), energetic.allSatisfy({ $0 <= 1 }),
              fish.allSatisfy({ $0 <= 3 }), pregnancy.allSatisfy({ $0 <= 2 }),
              excluded.allSatisfy({ $0 >= -2 && $0 < reasons.count }),
              lists.allSatisfy({ $0.allSatisfy { $0 >= 0 && $0 < foodCount } })
        else { return nil }
        self.foodCount = foodCount
        self.servingGrams = servingGrams
        self.servingKcal = servingKcal
        self.servingPortion = servingPortion
        self.per100 = per100
        self.limitPer100 = limitPer100
        self.groupMaxGrams = groupMaxGrams
        self.hasMeasure = hasMeasure
        self.energetic = energetic
        self.lists = lists
        self.excluded = excluded
        self.reasons = reasons
        self.fish = fish
        self.pregnancy = pregnancy
    }

    /// Whether it can be a preparation of `table`'s first foods: the table holds at least
    /// as many, and each food's serving is one of its measures (or 100 g). What it was made
    /// from is the store's key; this only keeps a wrong one from indexing out of range.
    func fits(_ table: FoodTable) -> Bool {
        guard foodCount <= table.count else { return false }
        for food in 0..<foodCount where servingPortion[food] >= table.portionCount(at: food) || servingPortion[food] < -1 {
            return false
        }
        return true
    }
}
