import XCTest
@testable import NutrientModel

final class FoodTableTests: XCTestCase {
    func testBundledTableHasEveryUSDAFoodAndTheSupplements() {
        let foods = TestData.data.foods
        XCTAssertEqual(foods.count, 8789 + 13)
        XCTAssertEqual(foods.food(id: "01123")?.description, "Egg, whole, raw, fresh")
        XCTAssertEqual(foods.food(id: "01123")?.group, "Dairy and Egg Products")
        XCTAssertNil(foods.food(id: "1123"), "ids keep their leading zeros")
        XCTAssertEqual(foods.food(id: "S0001")?.source, .supplement)
    }

    func testValuesPer100gAsTheUSDAWritesThem() throws {
        // NUT_DATA.txt rows for 15237 (salmon, Atlantic, farmed, cooked, dry heat).
        let salmon = try XCTUnwrap(TestData.data.foods.food(id: "15237"))
        XCTAssertEqual(salmon.values[.fat], 12.35)
        XCTAssertEqual(salmon.values[.vitaminD], 13.1)
        XCTAssertEqual(salmon.values[.epa], 0.690)
        XCTAssertEqual(salmon.values[.dha], 1.457)
        XCTAssertEqual(Nutrient.epaDha.amount(in: salmon.values)!, 2147, accuracy: 1e-9)
        XCTAssertEqual(salmon.portions.first, Portion(amount: 3, description: "oz", grams: 85))
    }

    func testUnknownIsNotZero() throws {
        // 11458 (spinach, cooked) has a vitamin D value; find a food without one and check
        // it stays unknown rather than becoming 0.
        let foods = TestData.data.foods
        let missing = try XCTUnwrap((0..<8789).first { foods.values(at: $0)[.vitaminD] == nil })
        XCTAssertNil(foods.values(at: missing)[.vitaminD])
        XCTAssertNil(Nutrient.vitaminD.amount(in: foods.values(at: missing)))
    }

    func testSupplementsAreStoredPerUnitWeight() throws {
        let fishOil = try XCTUnwrap(TestData.data.foods.food(id: "S0003"))
        let softgel = try XCTUnwrap(fishOil.portions.first)
        XCTAssertEqual(softgel.description, "softgel")
        // 180 mg EPA + 120 mg DHA in one softgel.
        let perSoftgel = Nutrient.epaDha.amount(in: fishOil.values)! * softgel.grams / 100
        XCTAssertEqual(perSoftgel, 300, accuracy: 1e-9)
    }

    private func load(_ text: String) -> CSVError? {
        var table = FoodTable()
        do {
            try FoodTableLoader.loadFoods(Array(text.utf8), fileName: "foods.csv", into: &table)
            return nil
        } catch {
            return error
        }
    }

    private var header: String {
        "id,description,food_group," + FoodComponent.allCases.map(\.column).joined(separator: ",")
    }

    func testMalformedFoodsAreReportedByLineAndColumn() {
        let good = "1,2,3,4,5,6,7,8,9,10,11,12,13"
        XCTAssertNil(load("\(header)\n01001,Butter,Dairy,\(good)\n"))
        let negative = load("\(header)\n01001,Butter,Dairy,1,-2,3,4,5,6,7,8,9,10,11,12,13\n")
        XCTAssertEqual(negative?.line, 2)
        XCTAssertEqual(negative?.column, 22)
        XCTAssertTrue(negative?.message.contains("fat_g cannot be negative") ?? false, "\(String(describing: negative))")
        let word = load("\(header)\n01001,Butter,Dairy,lots,2,3,4,5,6,7,8,9,10,11,12,13\n")
        XCTAssertEqual(word?.message, "energy_kcal must be a number, found \"lots\"")
        let impossible = load("\(header)\n01001,Butter,Dairy,1,200,3,4,5,6,7,8,9,10,11,12,13\n")
        XCTAssertTrue(impossible?.message.contains("more than 100 g of food can hold") ?? false)
        let short = load("\(header)\n01001,Butter,Dairy,1,2\n")
        XCTAssertEqual(short?.message, "expected 16 fields as in the header, found 5")
        let duplicate = load("\(header)\n01001,Butter,Dairy,\(good)\n01001,Again,Dairy,\(good)\n")
        XCTAssertEqual(duplicate?.line, 3)
        XCTAssertEqual(duplicate?.message, "the food id 01001 is used twice")
        let missingColumn = load("id,description\n01001,Butter\n")
        XCTAssertTrue(missingColumn?.message.contains("the header has no column \"food_group\"") ?? false)
        XCTAssertEqual(load("")?.message, "the file is empty: expected a header line")
    }

    func testAMissingDataFileIsNamed() {
        XCTAssertThrowsError(try NutrientData(directory: "/nonexistent/Data")) { error in
            XCTAssertEqual("\(error)", "cannot load absorb's data: /nonexistent/Data/rules.csv: does not exist")
        }
    }
}

final class FoodSearchTests: XCTestCase {
    private func firstResults(_ query: String, _ count: Int = 3) -> [String] {
        TestData.data.searchFoods(query, limit: count).map(\.id)
    }

    func testWordsInAnyOrderByPrefixCaseInsensitive() {
        XCTAssertEqual(firstResults("salmon cook").first, "15237")  // Fish, salmon, Atlantic, farmed, cooked, dry heat
        XCTAssertEqual(firstResults("COOK SALMON").first, "15237")
        XCTAssertEqual(firstResults("spinach raw").first, "11457")
        XCTAssertEqual(firstResults("spin").first, "11457")
        let results = TestData.data.searchFoods("salmon cook", limit: 50)
        XCTAssertTrue(results.allSatisfy { $0.description.lowercased().contains("salmon") && $0.description.lowercased().contains("cook") })
    }

    func testLikelyFoodsComeFirst() {
        XCTAssertEqual(firstResults("egg").first, "01123")     // Egg, whole, raw, fresh (not dried)
        XCTAssertEqual(firstResults("egg dried").first, "01133")  // asked for, so not pushed back
        XCTAssertEqual(firstResults("coffee").first, "14209")  // a whole word beats "Coffeecake"
    }

    func testNoMatchAndCorrections() {
        XCTAssertEqual(firstResults("xyzzy"), [])
        XCTAssertEqual(firstResults(""), [])
        XCTAssertTrue(TestData.data.search.corrections(for: "samlon").contains("salmon"))
        XCTAssertThrowsError(try TestData.data.findFood("salmn cooked")) { error in
            let error = error as! FoodLookupError
            XCTAssertFalse(error.suggestions.isEmpty)
            XCTAssertTrue(error.description.contains("Closest matches"))
        }
    }
}
