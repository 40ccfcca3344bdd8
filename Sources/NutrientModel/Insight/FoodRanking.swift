/// How a ranking of foods compares them: by one serving (the food's first household
/// measure), by 100 g, or by 100 kcal.
public enum RankBasis: String, CaseIterable, Sendable {
    case serving
    case per100g = "100g"
    case per100kcal = "100kcal"
}

/// A ranking of the foods richest in one nutrient (NUT's "Story"), by the planner's rules.
public struct FoodRanking: Sendable, Equatable {
    public let nutrient: Nutrient
    public let basis: RankBasis
    /// The group the ranking was kept to, if any.
    public let group: String?
    public let sources: [NutrientSource]
    /// Why no food is listed, when none is (an infant too young for foods, a nutrient
    /// already above its upper limit), or `nil`.
    public let withheld: String?
}

extension NutrientSource {
    /// The figure a ranking on `basis` orders by.
    public func amount(per basis: RankBasis) -> Double? {
        switch basis {
        case .serving: amountPerServing
        case .per100g: amountPer100g
        case .per100kcal: amountPer100Kcal
        }
    }
}

extension GapPlanner {
    /// The names of the food groups, as `rank(group:)` takes them.
    public var groupNames: [String] {
        var seen = Set<String>(), names: [String] = []
        for index in 0..<table.count where seen.insert(table.group(at: index)).inserted { names.append(table.group(at: index)) }
        return names.sorted()
    }

    /// The foods that give the most of `nutrient` on `basis`, richest first, by the same
    /// rules as a plan: foods eaten as such and with a household measure
    /// (`Data/planner.csv`), within `diets` and the life stage of `report`'s person; for
    /// that person, nothing that adds to a nutrient already above its upper limit or that
    /// pregnancy advice says to avoid, and no list at all for a nutrient above its limit
    /// or an infant too young for foods. Per 100 kcal, only foods with energy (a
    /// zero-calorie drink does not open a vitamin E list). `group` keeps it to one food group.
    public func rank(_ nutrient: Nutrient, per basis: RankBasis, group: String? = nil, diets keys: Set<String> = [],
                     for report: Report? = nil, limit: Int = 20) -> FoodRanking {
        if let report, let reason = sourcesWithheld(of: nutrient, for: report) {
            return FoodRanking(nutrient: nutrient, basis: basis, group: group, sources: [], withheld: reason)
        }
        let n = nutrient.index
        let audiences = audiences(of: report?.profile)
        let target = report?.score(of: nutrient).target
        func usable(_ food: Int) -> Bool {
            if let group, table.group(at: food) != group { return false }
            return exclusion(food, diets: keys, audiences: audiences) == nil && !(report.map { unsafe(food, for: $0) } ?? false)
        }
        let order: [Int]
        switch basis {
        case .serving: order = byServing[n].map(Int.init)
        case .per100kcal: order = byKcal[n].map(Int.init)
        case .per100g:
            let n100 = Self.nutrientCount
            order = (0..<table.count).filter { per100[$0 * n100 + n] > 0 }
                .sorted { (per100[$0 * n100 + n], $1) > (per100[$1 * n100 + n], $0) }
        }
        var sources: [NutrientSource] = []
        for food in order where sources.count < limit && usable(food) {
            sources.append(source(food, nutrient: nutrient, target: target))
        }
        return FoodRanking(nutrient: nutrient, basis: basis, group: group, sources: sources, withheld: nil)
    }

    /// One food as a source of `nutrient`.
    func source(_ index: Int, nutrient: Nutrient, target: Target?) -> NutrientSource {
        let food = self.food(index)
        let amount = food.perServing[nutrient.index]
        return NutrientSource(food: food, amountPerServing: amount,
                              amountPer100Kcal: food.kcalPerServing > 0 ? amount / food.kcalPerServing * 100 : nil,
                              amountPer100g: per100[index * Self.nutrientCount + nutrient.index],
                              percentOfTarget: target?.value.flatMap { $0 > 0 ? amount / $0 * 100 : nil })
    }
}
