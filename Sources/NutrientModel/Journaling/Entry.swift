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

    /// Makes an entry.
    public init(id: Int64, date: LocalDate, meal: Meal, foodID: String, grams: Double, loggedAt: Date) {
        self.id = id
        self.date = date
        self.meal = meal
        self.foodID = foodID
        self.grams = grams
        self.loggedAt = loggedAt
    }
}
