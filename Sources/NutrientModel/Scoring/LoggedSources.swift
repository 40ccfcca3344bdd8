/// How much of a nutrient one logged food gave over a report's days, and its share of all of it.
public struct LoggedSource: Sendable, Equatable {
    public let foodID: String
    public let description: String
    /// The total from this food over the report's entries (not a daily average).
    public let amount: Double
    /// The grams of it logged over the report's entries.
    public let grams: Double
    /// Its share of the nutrient from every food with a value, 0...1.
    public let share: Double
}

extension Report {
    /// Every food that gave some of `nutrient` over the report's entries, largest first,
    /// each food once however many times it was logged. Foods without a value for the
    /// nutrient are not sources (the score's coverage says they are missing).
    public func sources(of nutrient: Nutrient, in foods: FoodTable) -> [LoggedSource] {
        var totals: [String: (amount: Double, grams: Double)] = [:]
        for entry in entries {
            guard let index = foods.index(of: entry.foodID),
                  let per100 = nutrient.amount(in: foods.values(at: index)) else { continue }
            totals[entry.foodID, default: (0, 0)].amount += per100 * entry.grams / 100
            totals[entry.foodID, default: (0, 0)].grams += entry.grams
        }
        let all = totals.values.reduce(0) { $0 + $1.amount }
        guard all > 0 else { return [] }
        return totals.filter { $0.value.amount > 0 }
            .sorted { ($0.value.amount, $1.key) > ($1.value.amount, $0.key) }
            .map { LoggedSource(foodID: $0.key, description: foods.food(id: $0.key)?.description ?? $0.key,
                                amount: $0.value.amount, grams: $0.value.grams, share: $0.value.amount / all) }
    }

    /// The `limit` foods that gave the most of `nutrient` (see `sources(of:in:)`).
    public func topSources(of nutrient: Nutrient, in foods: FoodTable, limit: Int = 3) -> [LoggedSource] {
        Array(sources(of: nutrient, in: foods).prefix(limit))
    }

    /// One report per day of the range, each with that day's entries (a day with none
    /// has no entries and `loggedDays` 0): the day-by-day figures of CSV, charts and the
    /// summary, all scored the same way.
    public func dayReports(scorer: Scorer) -> [Report] {
        let byDay = Dictionary(grouping: entries, by: \.date)
        return (0..<range.dayCount).map { offset in
            let day = range.from.adding(days: offset)
            return Report(profile: profile, targets: targets, range: DateRange(day: day), entries: byDay[day] ?? [],
                          scorer: scorer)
        }
    }

    /// What logging `grams` of a food with `values` on this report's day would add to each
    /// nutrient, and the percent of target before and after (the add-food screen's
    /// preview; a one-day report).
    public func preview(adding values: FoodValues, grams: Double) -> [EntryPreview] {
        scores.map { score in
            let added = score.nutrient.amount(in: values).map { $0 * grams / 100 }
            var before: Double?, after: Double?
            if let target = score.target.value, target > 0, let added {
                let amount = score.amount ?? 0
                before = amount / target * 100
                after = (amount + added) / target * 100
            }
            return EntryPreview(nutrient: score.nutrient, added: added, percentBefore: before, percentAfter: after)
        }
    }
}

/// What an entry not yet saved would add to one nutrient.
public struct EntryPreview: Sendable, Equatable {
    public let nutrient: Nutrient
    /// The amount it adds, or `nil` when the food has no value for the nutrient.
    public let added: Double?
    /// The percent of target before and after it, where there is a target.
    public let percentBefore: Double?
    public let percentAfter: Double?
}
