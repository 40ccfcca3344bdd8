/// Usual intake over a sliding window: for every day of a span, each nutrient's daily
/// average over the `window` days ending that day, divided by the days in the window that
/// have entries (as `Report` does). Computed in one pass over the entries and one over
/// the days, so ten years of 30-day averages take milliseconds.
public struct UsualIntake: Sendable {
    /// One day's averages.
    public struct Day: Sendable, Equatable {
        public let date: LocalDate
        /// Days with entries in the window ending here.
        public let loggedDays: Int
        /// Per nutrient (in `Nutrient.allCases` order), the average, or `nil` when no food in
        /// the window has a value for it.
        public let amounts: [Double?]
    }

    public let days: [Day]

    /// The averages for every day from `from` to `to`.
    public init(entries: [Entry], foods: FoodTable, window: Int, from: LocalDate, to: LocalDate) {
        let nutrients = Nutrient.allCases
        let first = from.adding(days: -(window - 1)).dayNumber
        let count = to.dayNumber - first + 1
        guard count > 0, window > 0 else {
            days = []
            return
        }
        // Per day: totals, whether a food had a value, whether anything was logged.
        var totals = [Double](repeating: 0, count: count * nutrients.count)
        var known = [Int32](repeating: 0, count: count * nutrients.count)
        var logged = [Bool](repeating: false, count: count)
        var perFood: [String: [Double?]] = [:]
        for entry in entries {
            let day = entry.date.dayNumber - first
            guard day >= 0, day < count else { continue }
            logged[day] = true
            let values: [Double?]
            if let cached = perFood[entry.foodID] {
                values = cached
            } else {
                let found = foods.index(of: entry.foodID).map { foods.values(at: $0) }
                values = nutrients.map { nutrient in found.flatMap { nutrient.amount(in: $0) } }
                perFood[entry.foodID] = values
            }
            for n in nutrients.indices {
                if let per100 = values[n] {
                    totals[day * nutrients.count + n] += per100 * entry.grams / 100
                    known[day * nutrients.count + n] = 1
                }
            }
        }
        // Slide the window.
        var sums = [Double](repeating: 0, count: nutrients.count)
        var knownDays = [Int](repeating: 0, count: nutrients.count)
        var loggedInWindow = 0
        var result: [Day] = []
        result.reserveCapacity(to.dayNumber - from.dayNumber + 1)
        for day in 0..<count {
            if logged[day] { loggedInWindow += 1 }
            for n in nutrients.indices {
                sums[n] += totals[day * nutrients.count + n]
                knownDays[n] += Int(known[day * nutrients.count + n])
            }
            let leaving = day - window
            if leaving >= 0 {
                if logged[leaving] { loggedInWindow -= 1 }
                for n in nutrients.indices {
                    sums[n] -= totals[leaving * nutrients.count + n]
                    knownDays[n] -= Int(known[leaving * nutrients.count + n])
                }
            }
            guard day >= window - 1 else { continue }
            let amounts: [Double?] = nutrients.indices.map { n in
                knownDays[n] > 0 ? max(0, sums[n]) / Double(max(loggedInWindow, 1)) : nil
            }
            result.append(Day(date: LocalDate(dayNumber: first + day), loggedDays: loggedInWindow, amounts: amounts))
        }
        days = result
    }
}
