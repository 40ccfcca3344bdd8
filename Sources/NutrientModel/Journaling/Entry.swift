import Foundation

/// One logged food: so many grams of a food, eaten on a day, in a meal.
public struct Entry: Sendable, Equatable, Identifiable {
    /// The journal's id for the entry.
    public let id: Int64
    /// The day it was eaten.
    public let date: LocalDate
    /// The meal.
    public let meal: Meal
    /// The food's id in the food table.
    public let foodID: String
    /// The weight eaten, in grams.
    public let grams: Double
    /// When it was logged.
    public let loggedAt: Date
    /// The household measure it was logged in ("1.5 cup, chopped"), or nil: logged in grams
    /// (and every entry from before the journal kept it).
    public let measure: LoggedMeasure?

    /// Makes an entry.
    public init(id: Int64, date: LocalDate, meal: Meal, foodID: String, grams: Double, loggedAt: Date,
                measure: LoggedMeasure? = nil) {
        self.id = id
        self.date = date
        self.meal = meal
        self.foodID = foodID
        self.grams = grams
        self.loggedAt = loggedAt
        self.measure = measure
    }
}

extension Collection<Entry> {
    /// How many different days the entries are from. Linear, with no set, when they are
    /// in date order (a report's are: ten years are 36,500 entries); by a set otherwise.
    public var dayCount: Int {
        var count = 0
        var previous: LocalDate?
        var index = startIndex
        while index != endIndex {
            let date = self[index].date  // the date alone, not a copy of the entry
            if let previous, date < previous { return Set(map(\.date)).count }
            if date != previous { count += 1 }
            previous = date
            formIndex(after: &index)
        }
        return count
    }
}

/// The amount of an entry as it was logged: so many of one of the food's household
/// measures (the measure named as the food table names it).
public struct LoggedMeasure: Sendable, Equatable, Hashable {
    /// How many.
    public let amount: Double
    /// The measure's description ("cup, chopped", "oz").
    public let unit: String

    /// Makes a measure.
    public init(amount: Double, unit: String) {
        self.amount = amount
        self.unit = unit
    }

    /// "1.5 cup, chopped".
    public var text: String { "\(Format.number(amount, decimals: 2)) \(unit)" }
}
