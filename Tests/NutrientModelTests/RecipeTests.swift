import XCTest
@testable import NutrientModel

final class RecipeTests: XCTestCase {
    // USDA SR28 per 100 g: egg, whole, raw (01123) vitamin D 2.0 µg, K 0.3 µg, fat 9.51 g;
    // spinach, raw (11457) D 0.0, K 482.9, fat 0.39; olive oil (04053) D 0.0, K 60.2, fat 100.
    let omelette = Recipe(id: "R0001", name: "Spinach omelette",
                          ingredients: [.init(foodID: "01123", grams: 100), .init(foodID: "11457", grams: 30),
                                        .init(foodID: "04053", grams: 4.5)],
                          cookedGrams: 140, servings: 2)

    func testARecipeIsScoredPer100GramsOfTheCookedDish() throws {
        let food = try omelette.food(in: TestData.data.foods)
        // D: 2.0 × 100/100 = 2.0 µg in 140 g cooked → 1.428571 µg per 100 g.
        XCTAssertEqual(food.values[.vitaminD]!, 2.0 / 140 * 100, accuracy: 1e-9)
        // K: 0.3 + 482.9 × 0.30 + 60.2 × 0.045 = 0.3 + 144.87 + 2.709 = 147.879 µg → 105.6279 per 100 g.
        XCTAssertEqual(food.values[.vitaminK]!, 147.879 / 140 * 100, accuracy: 1e-9)
        // Fat: 9.51 + 0.117 + 4.5 = 14.127 g → 10.0907 per 100 g.
        XCTAssertEqual(food.values[.fat]!, 14.127 / 140 * 100, accuracy: 1e-9)
        XCTAssertEqual(food.source, .recipe)
        XCTAssertEqual(food.group, "Recipes")
        XCTAssertEqual(food.portions.map(\.grams), [70, 140], "a serving is the cooked weight over the servings, then the whole dish")
    }

    func testLoggingAServingScoresItsShareOfTheIngredients() throws {
        var data = TestData.data
        XCTAssertEqual(data.addRecipes([omelette]), [])
        let report = Report(profile: PersonProfile(name: "T", sex: .female, ageMonths: 34 * 12),
                            targets: try data.targets.targets(for: PersonProfile(name: "T", sex: .female, ageMonths: 34 * 12)),
                            range: DateRange(day: try LocalDate(parsing: "2026-11-24")),
                            entries: [Entry(id: 1, date: try LocalDate(parsing: "2026-11-24"), meal: .breakfast, foodID: "R0001",
                                            grams: 70, loggedAt: Date())],
                            scorer: data.scorer)
        // Half the dish: half of each ingredient's vitamin K, 147.879 / 2 = 73.9395 µg.
        XCTAssertEqual(report.score(of: .vitaminK).amount!, 73.9395, accuracy: 1e-9)
        XCTAssertEqual(data.searchFoods("omelette spinach", limit: 1).first?.id, "R0001", "a recipe is found by search")
    }

    func testOneUnknownIngredientValueMakesTheDishValueUnknownNotLow() throws {
        var table = FoodTable()
        try table.append(Food(id: "C1", description: "Known", group: "g", source: .custom,
                              values: FoodValues([.vitaminD: 10, .fat: 5]), portions: []))
        try table.append(Food(id: "C2", description: "Half known", group: "g", source: .custom,
                              values: FoodValues([.fat: 1]), portions: []))
        let recipe = Recipe(id: "R1", name: "Mix", ingredients: [.init(foodID: "C1", grams: 50), .init(foodID: "C2", grams: 50)],
                            cookedGrams: 100)
        let food = try recipe.food(in: table)
        XCTAssertNil(food.values[.vitaminD], "5 µg from one ingredient and an unknown amount from the other is not 5 µg")
        XCTAssertEqual(food.values[.fat], 3)
        XCTAssertEqual(food.portions.map(\.description), ["whole recipe"], "one serving: no separate serving measure")
    }

    func testBadRecipesSayWhatIsWrong() {
        let table = TestData.data.foods
        func message(_ recipe: Recipe) -> String? {
            do { _ = try recipe.food(in: table); return nil } catch { return error.description }
        }
        XCTAssertEqual(message(Recipe(id: "R1", name: "Soup", ingredients: [.init(foodID: "99999", grams: 10)], cookedGrams: 10)),
                       "recipe \"Soup\": ingredient 99999 is not in the food table")
        XCTAssertEqual(message(Recipe(id: "R1", name: "Soup", ingredients: [], cookedGrams: 10)),
                       "recipe \"Soup\": a recipe needs at least one ingredient")
        XCTAssertEqual(message(Recipe(id: "R1", name: "Soup", ingredients: [.init(foodID: "11457", grams: 10)], cookedGrams: 0)),
                       "recipe \"Soup\": the cooked weight must be more than 0 g")
        XCTAssertEqual(message(Recipe(id: "X1", name: "Soup", ingredients: [.init(foodID: "11457", grams: 10)], cookedGrams: 5)),
                       "recipe \"Soup\": a recipe's id must start with R and have no spaces (found \"X1\")")
        XCTAssertEqual(message(Recipe(id: "R1", name: "Pills", ingredients: [.init(foodID: "S0001", grams: 0.25)], cookedGrams: 1)),
                       "recipe \"Pills\": ingredient S0001 is a supplement; log supplements on their own")
        var data = TestData.data
        let problems = data.addRecipes([Recipe(id: "R1", name: "Soup", ingredients: [.init(foodID: "99999", grams: 10)], cookedGrams: 10)])
        XCTAssertEqual(problems.map(\.message), ["ingredient 99999 is not in the food table"])
        XCTAssertNil(data.foods.food(id: "R1"), "a recipe that cannot be made is left out, not half made")
    }
}
