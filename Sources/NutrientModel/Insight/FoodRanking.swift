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

    /// The same ranking with its first `count` foods only (a ranking made longer than shown).
    public func prefix(_ count: Int) -> FoodRanking {
        FoodRanking(nutrient: nutrient, basis: basis, group: group, sources: Array(sources.prefix(count)), withheld: withheld)
    }
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
        // For a person, a serving is the portion a plan would suggest them (a child's fish
        // serving, an item's limits by life stage): the first that fits, of the food's own
        // measures; a food with none that fits is not listed, as a plan would not suggest it.
        // Without a person, the table's typical serving.
        let limits = report.map { self.limits(for: $0.profile) }
        func sized(_ food: Int) -> NutrientSource? {
            var source = source(food, nutrient: nutrient, target: target)
            guard let limits else { return source }
            guard let portion = portions(of: food, limits: limits).first else { return nil }
            let factor = portion.grams / 100
            let plain = self.food(food)
            let measure = PlanItem(food: plain, servings: portion.count, measure: portion.measure, grams: portion.grams,
                                   kcal: (table.values(at: food)[.energy] ?? 0) * factor, adds: []).portionText
            let perServing = (0..<Self.nutrientCount).map { per100[food * Self.nutrientCount + $0] * factor }
            let amount = perServing[n]
            let kcal = (table.values(at: food)[.energy] ?? 0) * factor
            source = NutrientSource(
                food: PlannerFood(index: food, description: plain.description, servingLabel: String(measure.prefix { $0 != "(" }).trimmingCharacters(in: .whitespaces),
                                  servingGrams: portion.grams, kcalPerServing: kcal, perServing: perServing),
                amountPerServing: amount, amountPer100Kcal: kcal > 0 ? amount / kcal * 100 : nil,
                amountPer100g: per100[food * Self.nutrientCount + n],
                percentOfTarget: target?.value.flatMap { $0 > 0 ? amount / $0 * 100 : nil })
            return source
        }
        let candidates: [Int]
        switch basis {
        case .serving: candidates = byServing(n).map(Int.init)
        case .per100kcal: candidates = byKcal(n).map(Int.init)
        case .per100g: candidates = byHundred(n).map(Int.init)
        }
        var sources: [NutrientSource] = []
        if basis == .serving, limits != nil {
            // Re-ranked by the person's own portions (a fish serving of 1 oz at 2 years).
            let sorted = candidates.lazy.filter(usable).compactMap(sized)
                .sorted { ($0.amountPerServing, $1.food.index) > ($1.amountPerServing, $0.food.index) }
            for source in sorted where sources.count < limit {
                // One of a pair that differs only by salt (canned pumpkin with and without).
                if !sources.contains(where: { sameButForSalt($0.food.index, source.food.index) }) { sources.append(source) }
            }
        } else {
            for food in candidates where sources.count < limit && usable(food) {
                guard !sources.contains(where: { sameButForSalt($0.food.index, food) }), let source = sized(food) else { continue }
                sources.append(source)
            }
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
