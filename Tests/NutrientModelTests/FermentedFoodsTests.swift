import Foundation
import XCTest
@testable import NutrientModel

/// Which foods count as fermented (Data/fermented.csv), over the whole USDA table.
final class FermentedFoodsTests: XCTestCase {
    let fermented = TestData.data.fermented

    private func kind(_ description: String) -> String? { fermented.kind(of: description)?.label }

    func testEveryFoodOfTheTableAgainstTheReviewedList() throws {
        let url = TestData.packageRoot.appendingPathComponent("Tests/Fixtures/fermented-foods.txt")
        var expected: [String] = []
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            XCTAssertEqual(fields.count, 3, "\(line)")
            expected.append(fields.joined(separator: "\t"))
        }
        let foods = TestData.data.foods
        var found: [String] = []
        for index in 0..<foods.count {
            if let kind = fermented.kind(of: foods.descriptions[index]) {
                found.append("\(foods.ids[index])\t\(kind.label)\t\(foods.descriptions[index])")
            }
        }
        XCTAssertEqual(found.count, 61)
        XCTAssertEqual(Set(found).subtracting(expected).sorted(), [], "counted but not in the reviewed list")
        XCTAssertEqual(Set(expected).subtracting(found).sorted(), [], "in the reviewed list but not counted")
    }

    func testFoodsThatAreFermented() {
        XCTAssertEqual(kind("Yogurt, plain, whole milk, 8 grams protein per 8 ounce"), "yogurt")
        XCTAssertEqual(kind("Yogurt, Greek, strawberry, DANNON OIKOS"), "yogurt")
        XCTAssertEqual(kind("SILK Plain soy yogurt"), "yogurt")
        XCTAssertEqual(kind("Kefir, lowfat, plain, LIFEWAY"), "kefir")
        XCTAssertEqual(kind("Milk, buttermilk, fluid, cultured, lowfat"), "cultured buttermilk")
        XCTAssertEqual(kind("Sauerkraut, canned, solids and liquids"), "sauerkraut")
        XCTAssertEqual(kind("Tempeh, cooked"), "tempeh")
        XCTAssertEqual(kind("Tofu, salted and fermented (fuyu)"), "fermented tofu")
        XCTAssertEqual(kind("Tofu, fermented"), "fermented tofu", "both words, in any order")
        XCTAssertEqual(kind("Fuyu"), "fermented tofu")
        XCTAssertEqual(kind("Yogurts, plain"), "yogurt", "a plural matches")
    }

    func testFoodsMadeWithAFermentedFoodAreNot() {
        XCTAssertNil(kind("Biscuits, plain or buttermilk, prepared from recipe"))
        XCTAssertNil(kind("KELLOGG, KELLOGG'S EGGO, Buttermilk Pancake"))
        XCTAssertNil(kind("Waffles, buttermilk, frozen, ready-to-heat"))
        XCTAssertNil(kind("Salad dressing, buttermilk, lite"))
        XCTAssertNil(kind("Snacks, candy rolls, yogurt-covered, fruit flavored with high vitamin C"))
        XCTAssertNil(kind("Yogurt covered raisins"))
        XCTAssertNil(kind("Yogurt coated pretzels"))
        XCTAssertNil(kind("Lemon yogurt cake"))
        XCTAssertNil(kind("Milk, buttermilk, dried"))
        XCTAssertNil(kind("Frozen yogurts, vanilla, soft-serve"), "frozen yogurt is not counted (fermented.csv says why)")
        XCTAssertNil(kind("Yogurt, frozen, flavors other than chocolate, lowfat"))
        XCTAssertNil(kind("Tofu, raw, firm"), "tofu alone is not fermented tofu")
        XCTAssertNil(kind("Seasoning mix, dry, sazon, coriander & annatto"), "whole words only: annatto is not natto")
        XCTAssertNil(kind("Cheese, goat, semisoft type"), "semisoft is not miso")
    }

    func testTheTableIsChecked() {
        func error(_ text: String) -> String? {
            do { _ = try FermentedFoods(bytes: Array(text.utf8), fileName: "fermented.csv"); return nil } catch { return error.message }
        }
        let header = "kind,words,serving_g,label,source\n"
        XCTAssertNil(error(header + "food,yogurt,150,yogurt,x\nexclude,cake,,,x\n"))
        XCTAssertNotNil(error(header + "food,yogurt,0,yogurt,x\n"))
        XCTAssertNotNil(error(header + "food,,150,yogurt,x\n"))
        XCTAssertNotNil(error(header + "drink,kombucha,240,kombucha,x\n"))
        XCTAssertNotNil(error(header + "exclude,ice cream,,,x\n"))
    }
}
