/// A food as its package label gives it: the values of one serving of a known weight. It
/// becomes a custom food with values per 100 g and the serving as its measure; a value the
/// label does not give stays unknown, never zero.
public struct FoodLabel: Sendable, Equatable {
    public var name: String
    /// The serving's weight in grams.
    public var servingGrams: Double
    /// What a serving is called ("bar", "slice").
    public var measure: String
    /// The label's values for one serving.
    public var perServing: [FoodComponent: Double]

    public init(name: String, servingGrams: Double, measure: String, perServing: [FoodComponent: Double]) {
        self.name = name
        self.servingGrams = servingGrams
        self.measure = measure
        self.perServing = perServing
    }

    /// The heaviest serving a label may give (rules.csv's largest entry).
    public static func check(_ label: FoodLabel, maxServingGrams: Double) throws(FoodLabelError) -> [FoodComponent: Double] {
        guard !label.name.trimmingSpaces().isEmpty else { throw FoodLabelError(field: nil, message: "the food needs a name") }
        do { _ = try TextRules.checked(label.name, "the name") } catch { throw FoodLabelError(field: nil, message: error.description) }
        guard label.servingGrams.isFinite, label.servingGrams > 0, label.servingGrams <= maxServingGrams else {
            throw FoodLabelError(field: nil, message: "the serving must weigh more than 0 g and at most \(Format.grouped(maxServingGrams)) g")
        }
        guard !label.measure.trimmingSpaces().isEmpty else { throw FoodLabelError(field: nil, message: "the measure needs a name (bar, slice, serving)") }
        do { _ = try TextRules.checked(label.measure, "the measure") } catch { throw FoodLabelError(field: nil, message: error.description) }
        var per100: [FoodComponent: Double] = [:]
        for component in FoodComponent.allCases {
            guard let value = label.perServing[component] else { continue }
            guard value.isFinite, value >= 0 else {
                throw FoodLabelError(field: component, message: "\(component.label) must be a number of 0 or more")
            }
            let scaled = value * 100 / label.servingGrams
            guard scaled <= component.physicalLimitPer100g else {
                throw FoodLabelError(field: component, message: "\(Format.number(value)) \(component.unit) of \(component.label) in \(Format.number(label.servingGrams)) g is more than food can hold")
            }
            per100[component] = scaled
        }
        return per100
    }

    /// The custom food, with values per 100 g; `id` must start with C.
    public func food(id: String, group: String, maxServingGrams: Double) throws(FoodLabelError) -> Food {
        let per100 = try Self.check(self, maxServingGrams: maxServingGrams)
        return Food(id: id, description: name.trimmingSpaces(), group: group, source: .custom, values: FoodValues(per100),
                    portions: [Portion(amount: 1, description: measure.trimmingSpaces(), grams: servingGrams)])
    }
}

/// What is wrong with a label, and which value (if one).
public struct FoodLabelError: Error, Sendable, Equatable, CustomStringConvertible {
    public let field: FoodComponent?
    /// The printed vitamin value it is about (`vitamin-a-iu`, `vitamin-e-form`), if one.
    public let labelField: LabelVitamins.Field?
    public let message: String
    public var description: String { message }

    public init(field: FoodComponent?, labelField: LabelVitamins.Field? = nil, message: String) {
        self.field = field
        self.labelField = labelField
        self.message = message
    }
}
