/// A food's values per 100 g, one per `FoodComponent`; `nil` where the source has none.
public struct FoodValues: Sendable, Equatable {
    // NaN marks "no value": unknown is never stored as zero.
    private var storage: ArraySlice<Double>

    /// Values read from a flat table row (NaN = unknown).
    init(storage: ArraySlice<Double>) {
        precondition(storage.count == FoodComponent.count)
        self.storage = storage
    }

    /// Values from a dictionary; components not given are unknown.
    public init(_ values: [FoodComponent: Double]) {
        var storage = [Double](repeating: .nan, count: FoodComponent.count)
        for (component, value) in values { storage[component.rawValue] = value }
        self.storage = storage[...]
    }

    /// The value per 100 g, or `nil` if unknown.
    public subscript(component: FoodComponent) -> Double? {
        get {
            let value = storage[storage.startIndex + component.rawValue]
            return value.isNaN ? nil : value
        }
        set {
            storage[storage.startIndex + component.rawValue] = newValue ?? .nan
        }
    }

    /// The values in component order, NaN for unknown.
    var flat: ArraySlice<Double> { storage }

    /// Equal when every component is equal or both unknown.
    public static func == (lhs: FoodValues, rhs: FoodValues) -> Bool {
        FoodComponent.allCases.allSatisfy { lhs[$0] == rhs[$0] }
    }
}

/// Where a food comes from.
public enum FoodSource: String, Sendable, Codable {
    /// The USDA SR28 table, `Data/foods.csv`.
    case usda
    /// A supplement from `Data/supplements.csv`, by its label.
    case supplement
    /// A food the person added to their journal.
    case custom
    /// A recipe the person made of other foods (see `Recipe`).
    case recipe
}

/// A household measure of a food: "1 cup, chopped" weighs 30 g.
public struct Portion: Sendable, Equatable, Hashable {
    /// How many of the measure (`0.5` in "0.5 cup").
    public let amount: Double
    /// The measure's description as the USDA writes it ("cup, chopped").
    public let description: String
    /// The weight of `amount` of the measure, in grams.
    public let grams: Double

    /// Makes a portion.
    public init(amount: Double, description: String, grams: Double) {
        self.amount = amount
        self.description = description
        self.grams = grams
    }

    /// Grams per one of the measure.
    public var gramsPerUnit: Double { grams / amount }

    /// "1 cup, chopped (30 g)".
    public var label: String {
        "\(Format.number(amount)) \(description) (\(Format.number(grams)) g)"
    }
}

/// A food with its values per 100 g and its household measures.
public struct Food: Sendable, Equatable, Identifiable {
    /// The stable id: the USDA NDB number (`01123`), or a prefixed id for others.
    public let id: String
    /// The long description ("Egg, whole, cooked, hard-boiled").
    public let description: String
    /// The USDA food group, or "Supplements" / "Custom foods".
    public let group: String
    /// Where the food comes from.
    public let source: FoodSource
    /// Values per 100 g.
    public let values: FoodValues
    /// Household measures, in the source's order.
    public let portions: [Portion]

    /// Makes a food.
    public init(id: String, description: String, group: String, source: FoodSource,
                values: FoodValues, portions: [Portion]) {
        self.id = id
        self.description = description
        self.group = group
        self.source = source
        self.values = values
        self.portions = portions
    }
}
