/// Turns a quantity into grams of a particular food: mass units directly, household
/// measures ("2 tbsp", "1 fillet", "1 softgel") through the food's own portions.
public struct QuantityResolver: Sendable {
    /// The known units.
    public let units: UnitTable
    /// The largest single entry accepted, in grams (`max_entry_grams` in rules.csv).
    public let maxEntryGrams: Double

    /// Makes a resolver.
    public init(units: UnitTable, maxEntryGrams: Double) {
        self.units = units
        self.maxEntryGrams = maxEntryGrams
    }

    /// A quantity in grams, with how it was read.
    public struct Resolved: Sendable, Equatable {
        /// The weight in grams.
        public let grams: Double
        /// How the amount was read: "2 × large (50 g)" or "3 oz".
        public let explanation: String
        /// The food's household measure it was given in ("2 large"), or nil: a weight.
        public let measure: LoggedMeasure?

        /// Makes a resolved quantity.
        public init(grams: Double, explanation: String, measure: LoggedMeasure? = nil) {
            self.grams = grams
            self.explanation = explanation
            self.measure = measure
        }
    }

    /// Resolves `text` ("2 tbsp") for `food`.
    public func resolve(_ text: String, for food: Food) throws(QuantityError) -> Resolved {
        let quantity = try Quantity(parsing: text)
        return try resolve(quantity, for: food, typed: text)
    }

    /// Resolves a parsed quantity for `food`.
    public func resolve(_ quantity: Quantity, for food: Food, typed: String? = nil) throws(QuantityError) -> Resolved {
        let typed = typed ?? "\(Format.number(quantity.amount, decimals: 3)) \(quantity.unit)"
        if quantity.unit.isEmpty {
            throw QuantityError("\"\(typed)\" has no unit: \(choices(for: food))")
        }
        let resolved: Resolved
        if let mass = units.massUnit(named: quantity.unit), let gramsPerUnit = mass.grams {
            resolved = Resolved(grams: quantity.amount * gramsPerUnit,
                                explanation: "\(Format.number(quantity.amount, decimals: 3)) \(mass.name)")
        } else if let portion = bestPortion(for: quantity.unit, in: food.portions) {
            let grams = quantity.amount * portion.gramsPerUnit
            resolved = Resolved(
                grams: grams,
                explanation: "\(Format.number(quantity.amount, decimals: 3)) × \(portion.description) (\(Format.number(portion.gramsPerUnit, decimals: 1)) g each)",
                measure: LoggedMeasure(amount: quantity.amount, unit: portion.description))
        } else {
            throw QuantityError("\"\(quantity.unit)\" is not a measure of \(food.description): \(choices(for: food))")
        }
        guard resolved.grams.isFinite, resolved.grams <= maxEntryGrams else {
            throw QuantityError(
                "\"\(typed)\" is \(Format.grouped(min(resolved.grams, 1e15))) g, more than the \(Format.grouped(maxEntryGrams)) g one entry may hold: check the amount")
        }
        guard resolved.grams >= 0.001 else {
            throw QuantityError("\"\(typed)\" is less than a milligram: check the amount")
        }
        return resolved
    }

    /// The portion a unit names, or `nil`. All of the unit's words must be in the
    /// measure's description; a measure that starts with the unit, has fewer other
    /// words, or comes first in the USDA's order wins ("large" is "large", not
    /// "extra large" or "cup (4.86 large eggs)").
    public func bestPortion(for unit: String, in portions: [Portion]) -> Portion? {
        let wanted = units.canonicalWords(unit)
        guard !wanted.isEmpty else { return nil }
        var best: (rank: (Int, Int, Int), portion: Portion)?
        for (order, portion) in portions.enumerated() {
            let words = units.canonicalWords(portion.description)
            guard wanted.allSatisfy(words.contains) else { continue }
            let startsWithUnit = words.starts(with: wanted) ? 0 : 1
            let rank = (startsWithUnit, words.count - wanted.count, order)
            if best == nil || rank < best!.rank { best = (rank, portion) }
        }
        return best?.portion
    }

    /// What a person may type for `food`: the mass units and its own measures.
    public func choices(for food: Food) -> String {
        let masses = units.massUnitNames.joined(separator: ", ")
        if food.portions.isEmpty {
            return "give a weight in \(masses) (this food has no household measures)"
        }
        let measures = food.portions.prefix(12).map {
            "\"\($0.description)\" (\(Format.number($0.gramsPerUnit, decimals: 1)) g)"
        }
        let more = food.portions.count > 12 ? ", ..." : ""
        return "give a weight in \(masses), or one of its measures: \(measures.joined(separator: ", "))\(more)"
    }
}
