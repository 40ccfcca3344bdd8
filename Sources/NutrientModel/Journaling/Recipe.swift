/// A home recipe: a named food made of other foods with their raw amounts, and the
/// weight of the whole dish once cooked. It is scored like any food: its values per
/// 100 g are the ingredients' amounts over the cooked weight.
public struct Recipe: Sendable, Equatable, Identifiable {
    /// One ingredient: a food of the table (or a custom food, or an earlier recipe) and
    /// its weight in the whole recipe.
    public struct Ingredient: Sendable, Equatable, Hashable {
        /// The food's id.
        public let foodID: String
        /// Grams of it in the whole recipe.
        public let grams: Double

        /// Makes an ingredient.
        public init(foodID: String, grams: Double) {
            self.foodID = foodID
            self.grams = grams
        }
    }

    /// The id, `R` and a number (`R0001`), so it never clashes with a USDA number, a
    /// supplement (`S…`) or a custom food (`C…`).
    public let id: String
    /// The dish's name.
    public let name: String
    /// The ingredients, in the order the person gave them.
    public let ingredients: [Ingredient]
    /// The whole dish's weight once cooked (water lost or gained changes it).
    public let cookedGrams: Double
    /// How many servings the dish makes (a "serving" measure is cooked weight / servings).
    public let servings: Double

    /// Makes a recipe.
    public init(id: String, name: String, ingredients: [Ingredient], cookedGrams: Double, servings: Double = 1) {
        self.id = id
        self.name = name
        self.ingredients = ingredients
        self.cookedGrams = cookedGrams
        self.servings = servings
    }

    /// The group recipes are shown in.
    public static let group = "Recipes"

    /// Checks what a person could have typed wrong, naming the problem.
    public func validate() throws(RecipeError) {
        guard id.hasPrefix("R"), id.count > 1, !id.contains(" ") else {
            throw RecipeError(recipe: name, message: "a recipe's id must start with R and have no spaces (found \"\(id)\")")
        }
        guard !name.trimmingSpaces().isEmpty else { throw RecipeError(recipe: id, message: "a recipe needs a name") }
        guard !ingredients.isEmpty else { throw RecipeError(recipe: name, message: "a recipe needs at least one ingredient") }
        for ingredient in ingredients where !(ingredient.grams.isFinite && ingredient.grams > 0) {
            throw RecipeError(recipe: name, message: "ingredient \(ingredient.foodID) must weigh more than 0 g")
        }
        guard cookedGrams.isFinite, cookedGrams > 0 else {
            throw RecipeError(recipe: name, message: "the cooked weight must be more than 0 g")
        }
        guard servings.isFinite, servings > 0 else {
            throw RecipeError(recipe: name, message: "the number of servings must be more than 0")
        }
    }

    /// The recipe as a food, with values per 100 g of the cooked dish and measures for a
    /// serving and the whole dish. A component is known only when every ingredient's
    /// value for it is known: a sum with a hole in it would pass for a whole figure.
    /// Ingredients are looked up in `table`; one it lacks is an error.
    public func food(in table: FoodTable) throws(RecipeError) -> Food {
        try validate()
        var totals = [Double](repeating: 0, count: FoodComponent.count)
        for ingredient in ingredients {
            guard let index = table.index(of: ingredient.foodID) else {
                throw RecipeError(recipe: name, message: "ingredient \(ingredient.foodID) is not in the food table")
            }
            guard table.source(at: index) != .supplement else {
                throw RecipeError(recipe: name, message: "ingredient \(ingredient.foodID) is a supplement; log supplements on their own")
            }
            let values = table.values(at: index)
            for component in FoodComponent.allCases {
                // NaN (unknown) stays NaN through the sum.
                totals[component.rawValue] += (values[component] ?? .nan) * ingredient.grams / 100
            }
        }
        var per100: [FoodComponent: Double] = [:]
        for component in FoodComponent.allCases where !totals[component.rawValue].isNaN {
            per100[component] = totals[component.rawValue] * 100 / cookedGrams
        }
        var portions = [Portion(amount: 1, description: "whole recipe", grams: cookedGrams)]
        if servings != 1 {
            portions.insert(Portion(amount: 1, description: "serving, 1/\(Format.number(servings)) of the recipe",
                                    grams: cookedGrams / servings), at: 0)
        }
        return Food(id: id, description: name, group: Self.group, source: .recipe, values: FoodValues(per100),
                    portions: portions)
    }
}

/// A recipe that cannot be made into a food, and why.
public struct RecipeError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The recipe's name (or id).
    public let recipe: String
    /// What is wrong.
    public let message: String

    public var description: String { "recipe \"\(recipe)\": \(message)" }
}
