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
        allSources(in: foods)[nutrient] ?? []
    }

    /// `sources(of:in:)` of every nutrient, from one pass over the entries (each entry's
    /// food looked up once, whatever the number of nutrients).
    public func allSources(in foods: FoodTable) -> [Nutrient: [LoggedSource]] {
        let nutrients = Nutrient.allCases
        let n = nutrients.count
        // A food's slot found by its position in the table (no dictionary per entry), and
        // its nutrients per 100 g read once.
        var slotOf = [Int32](repeating: -1, count: entries.isEmpty ? 0 : foods.count)
        var foodOfSlot: [Int] = []
        var grams: [Double] = []
        var amounts: [Double] = []
        var known: [Bool] = []
        var per100OfSlot: [Double?] = []
        for position in entries.indices {
            guard let index = foods.index(of: entries[position].foodID) else { continue }
            if slotOf[index] < 0 {
                slotOf[index] = Int32(foodOfSlot.count)
                foodOfSlot.append(index)
                grams.append(0)
                amounts.append(contentsOf: repeatElement(0, count: n))
                known.append(contentsOf: repeatElement(false, count: n))
                let values = foods.values(at: index)
                per100OfSlot.append(contentsOf: nutrients.map { $0.amount(in: values) })
            }
            let slot = Int(slotOf[index])
            let entryGrams = entries[position].grams
            grams[slot] += entryGrams
            for k in 0..<n {
                guard let per100 = per100OfSlot[slot * n + k] else { continue }
                amounts[slot * n + k] += per100 * entryGrams / 100
                known[slot * n + k] = true
            }
        }
        var result: [Nutrient: [LoggedSource]] = [:]
        for (k, nutrient) in nutrients.enumerated() {
            let slots = foodOfSlot.indices.filter { known[$0 * n + k] }
            let all = slots.reduce(0) { $0 + amounts[$1 * n + k] }
            guard all > 0 else {
                result[nutrient] = []
                continue
            }
            result[nutrient] = slots.filter { amounts[$0 * n + k] > 0 }
                .map { slot in (slot: slot, id: foods.ids[foodOfSlot[slot]]) }
                .sorted { (amounts[$0.slot * n + k], $1.id) > (amounts[$1.slot * n + k], $0.id) }
                .map { item in
                    let amount = amounts[item.slot * n + k]
                    return LoggedSource(foodID: item.id, description: foods.descriptions[foodOfSlot[item.slot]],
                                        amount: amount, grams: grams[item.slot], share: amount / all)
                }
        }
        return result
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
