/// How much of a nutrient one logged food gave over a report's days, and its share of all of it.
public struct LoggedSource: Sendable, Equatable {
    public let foodID: String
    public let description: String
    /// The total from this food over the report's entries (not a daily average).
    public let amount: Double
    /// Its share of the nutrient from every food with a value, 0...1.
    public let share: Double
}

extension Report {
    /// The foods that gave the most of `nutrient` over the report's entries, largest first,
    /// each food once however many times it was logged. Foods without a value for the
    /// nutrient are not sources (the score's coverage says they are missing).
    public func topSources(of nutrient: Nutrient, in foods: FoodTable, limit: Int = 3) -> [LoggedSource] {
        var totals: [String: Double] = [:]
        for entry in entries {
            guard let index = foods.index(of: entry.foodID),
                  let per100 = nutrient.amount(in: foods.values(at: index)) else { continue }
            totals[entry.foodID, default: 0] += per100 * entry.grams / 100
        }
        let all = totals.values.reduce(0, +)
        guard all > 0 else { return [] }
        return totals.filter { $0.value > 0 }
            .sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            .prefix(limit)
            .map { LoggedSource(foodID: $0.key, description: foods.food(id: $0.key)?.description ?? $0.key,
                                  amount: $0.value, share: $0.value / all) }
    }
}
