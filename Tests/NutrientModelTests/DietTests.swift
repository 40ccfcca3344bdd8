import Foundation
import XCTest
@testable import NutrientModel

/// Diets and allergies over the whole table: a reviewed list of foods each must leave out
/// and keep (Tests/Fixtures/diet-foods.csv), and, for every one of the 8,789 foods, the
/// words an allergy must never let through, written here rather than read from the table
/// under test.
final class DietTests: XCTestCase {
    let data = TestData.data

    func words(_ food: Int) -> [String] { FoodWords.words(of: data.foods.descriptions[food]) }

    func exclusion(_ food: Int, _ diet: String) -> String? {
        data.diets.exclusion(group: data.foods.group(at: food), words: words(food), diets: [diet])
    }

    func testTheReviewedFoodsAreLeftOutAndKept() throws {
        let fixture = TestData.packageRoot.appendingPathComponent("Tests/Fixtures/diet-foods.csv").path
        let lines = try String(contentsOfFile: fixture, encoding: .utf8).split(separator: "\n").dropFirst()
        XCTAssertGreaterThan(lines.count, 150)
        var diets = Set<String>()
        for line in lines {
            let fields = TestData.csvFields(String(line))
            let (diet, id, expect) = (fields[0], fields[1], fields[2])
            diets.insert(diet)
            XCTAssertNotNil(data.diets.diet(diet), "no diet \(diet)")
            let food = try XCTUnwrap(data.foods.index(of: id), "no food \(id)")
            XCTAssertEqual(data.foods.descriptions[food], fields[3], "the fixture names \(id) as the table does")
            let reason = exclusion(food, diet)
            if expect == "out" {
                XCTAssertNotNil(reason, "\(diet) lets through \(id) \(fields[3])")
            } else {
                XCTAssertNil(reason, "\(diet) leaves out \(id) \(fields[3]): \(reason ?? "")")
            }
        }
        XCTAssertEqual(diets, Set(data.diets.diets.map(\.key)), "every diet has reviewed foods")
    }

    /// Words an allergy or a diet must never let through, whatever else the description
    /// says, unless one of the phrases that are not that food names it.
    static let mustLeaveOut: [String: (words: Set<String>, unless: [[String]])] = [
        "no_dairy": (["milk", "cheese", "butter", "cream", "yogurt", "whey", "casein", "caseinate", "ghee", "buttermilk", "custard",
                      "pudding", "puddings", "cheesecake", "pesto", "caesar", "kefir"],
                     [["peanut", "butter"], ["almond", "butter"], ["cashew", "butter"], ["sesame", "butter"], ["apple", "butter"],
                      ["cocoa", "butter"], ["nutmeg", "butter"], ["shea", "butter"], ["butter", "beans"], ["coconut", "milk"],
                      ["coconut", "cream"], ["almond", "milk"], ["rice", "milk"], ["soy", "milk"], ["oat", "milk"], ["nut", "butter"],
                      ["cream", "of", "tartar"], ["without", "milk"], ["without", "butter"], ["tofu", "yogurt"], ["soy", "yogurt"]]),
        "no_egg": (["egg", "eggs", "yolk", "mayonnaise", "meringue", "custard", "eggnog", "omelet", "quiche", "caesar"], []),
        "no_fish": (["fish", "salmon", "tuna", "anchovy", "anchovies", "sardine", "sardines", "cod", "herring", "shrimp", "crab",
                     "lobster", "clam", "clams", "oyster", "oysters", "worcestershire", "caesar", "roe", "caviar", "crustaceans", "mollusks"], []),
        "no_crustaceans": (["shrimp", "crab", "lobster", "crayfish", "crustaceans", "prawns"], []),
        "no_molluscs": (["clam", "clams", "oyster", "oysters", "mussels", "scallops", "squid", "octopus", "mollusks"], []),
        "no_tree_nuts": (["almond", "almonds", "walnut", "walnuts", "pecans", "cashew", "cashews", "pistachio", "pistachios", "hazelnuts",
                          "macadamia", "brazilnuts", "pesto", "nuts", "praline"], [["nuts", "coconut"]]),
        "no_peanuts": (["peanut", "peanuts"], []),
        "no_wheat": (["wheat", "bread", "pasta", "couscous", "semolina", "bulgur", "spaghetti", "macaroni", "crackers", "seitan"], []),
        "no_gluten": (["wheat", "barley", "rye", "oats", "oat", "malt", "spelt", "bread", "pasta", "couscous", "bulgur"], []),
        "no_soy": (["soy", "soybean", "soybeans", "soymilk", "tofu", "tempeh", "miso", "edamame"], []),
        "no_sesame": (["sesame", "tahini", "hummus"], []),
        "no_meat": (["beef", "pork", "chicken", "turkey", "lamb", "veal", "bacon", "ham", "sausage", "lard", "gelatin", "marshmallows",
                     "marshmallow", "liverwurst"], [["egg", "turkey"], ["veggie", "burger"], ["meatless"]]),
        "vegetarian": (["beef", "pork", "chicken", "fish", "salmon", "tuna", "anchovy", "gelatin", "marshmallow", "marshmallows",
                        "worcestershire", "caesar", "lard", "shrimp"], [["egg", "turkey"], ["meatless"]]),
        "vegan": (["milk", "cheese", "butter", "cream", "egg", "eggs", "honey", "gelatin", "marshmallow", "lard", "whey", "pesto",
                   "custard", "pudding", "worcestershire", "caesar", "fish", "beef", "pork", "chicken", "mayonnaise", "ghee", "yogurt"],
                  [["peanut", "butter"], ["almond", "butter"], ["cashew", "butter"], ["sesame", "butter"], ["apple", "butter"],
                   ["cocoa", "butter"], ["nutmeg", "butter"], ["shea", "butter"], ["butter", "beans"], ["coconut", "milk"],
                   ["coconut", "cream"], ["almond", "milk"], ["rice", "milk"], ["soy", "milk"], ["oat", "milk"], ["nut", "butter"],
                   ["cream", "of", "tartar"], ["without", "milk"], ["without", "butter"], ["tofu", "yogurt"], ["soy", "yogurt"]]),
    ]
    /// Groups a diet leaves out whole: no keep phrase brings a food of them back.
    static let wholeGroups: [String: [String]] = [
        "no_meat": ["Beef Products", "Pork Products", "Poultry Products", "Sausages and Luncheon Meats", "Lamb, Veal, and Game Products"],
        "vegetarian": ["Beef Products", "Pork Products", "Poultry Products", "Sausages and Luncheon Meats", "Finfish and Shellfish Products"],
        "vegan": ["Dairy and Egg Products", "Beef Products", "Sausages and Luncheon Meats", "Finfish and Shellfish Products"],
        "no_fish": ["Finfish and Shellfish Products"],
    ]

    func testNoDietLetsThroughAWordItMustNeverAllowOverTheWholeTable() {
        XCTAssertGreaterThanOrEqual(data.foods.count, 8_789, "the USDA table and the bundled extras")
        var leaks: [String] = []
        for (diet, rule) in Self.mustLeaveOut {
            for food in 0..<data.foods.count {
                let words = self.words(food)
                var covered = [Bool](repeating: false, count: words.count)
                for phrase in rule.unless where phrase.count <= words.count {
                    for start in 0...(words.count - phrase.count) where Array(words[start..<(start + phrase.count)]) == phrase {
                        for i in start..<(start + phrase.count) { covered[i] = true }
                    }
                }
                let named = words.indices.contains { !covered[$0] && rule.words.contains(words[$0]) }
                let inGroup = Self.wholeGroups[diet]?.contains(data.foods.group(at: food)) ?? false
                if (named || inGroup), exclusion(food, diet) == nil {
                    leaks.append("\(diet): \(data.foods.ids[food]) \(data.foods.descriptions[food])")
                }
            }
        }
        XCTAssertEqual(leaks, [], leaks.prefix(40).joined(separator: "\n"))
    }

    func testAKeepPhraseCancelsOnlyTheWordItNamesNeverAGroup() {
        // Coconut milk is kept for no_dairy; the same description with whole milk is not.
        XCTAssertNil(data.diets.exclusion(group: "Nut and Seed Products", words: ["nuts", "coconut", "milk", "canned"], diets: ["no_dairy"]))
        XCTAssertNotNil(data.diets.exclusion(group: "Nut and Seed Products", words: ["coconut", "milk", "with", "whole", "milk"], diets: ["no_dairy"]))
        // "rice" or "soy" in a sausage's name does not bring it back into a vegan diet.
        XCTAssertNotNil(data.diets.exclusion(group: "Sausages and Luncheon Meats", words: ["soy", "rice", "links"], diets: ["vegan"]))
        XCTAssertNotNil(data.diets.exclusion(group: "Dairy and Egg Products", words: ["soymilk"], diets: ["vegan"]))
        // A diet included by another keeps its own keep phrases, and no others'.
        XCTAssertNil(data.diets.exclusion(group: "Legumes and Legume Products", words: ["peanut", "butter", "smooth"], diets: ["vegan"]))
        XCTAssertNotNil(data.diets.exclusion(group: "Legumes and Legume Products", words: ["peanut", "butter", "smooth"], diets: ["vegan", "no_nuts"]))
    }

    func testEveryDietNamesItsSource() {
        for diet in data.diets.diets { XCTAssertFalse(diet.source.isEmpty, diet.key) }
        for key in ["no_egg", "no_milk", "no_fish", "no_crustaceans", "no_molluscs", "no_tree_nuts", "no_peanuts", "no_wheat",
                    "no_gluten", "no_soy", "no_sesame"] {
            XCTAssertNotNil(data.diets.diet(key), key)
        }
    }
}
