import Foundation
import XCTest
@testable import NutrientModel

/// Cronometer servings exports of each shape (Tests/Fixtures/Cronometer, made by its
/// make-fixtures.py in Cronometer's own column sets) read into foods and entries; the
/// figures expected are worked out by hand from the fixtures' rows.
final class CronometerImportTests: XCTestCase {
    static let fixtures = TestData.packageRoot.appendingPathComponent("Tests/Fixtures/Cronometer")

    private func read(_ name: String) throws -> CronometerExport {
        let bytes = Array(try Data(contentsOf: Self.fixtures.appendingPathComponent(name)))
        return try CronometerExport(bytes: bytes, fileName: name, conversions: TestData.data.labelConversions)
    }

    private func plan(_ export: CronometerExport, existing: [Food] = []) throws -> CronometerImport {
        let data = TestData.data
        var usda: [String: String] = [:]
        for index in 0..<data.foods.count where data.foods.source(at: index) == .usda {
            usda[data.foods.food(at: index).description.lowercased()] = data.foods.food(at: index).id
        }
        return try CronometerImport(export, units: data.units, meals: data.meals, existing: existing,
                                    usdaIDsByName: usda, maxEntryGrams: data.quantities.maxEntryGrams)
    }

    private func food(_ plan: CronometerImport, _ description: String) throws -> CronometerImport.PlannedFood {
        try XCTUnwrap(plan.foods.first { $0.food.description == description }, "no food \(description)")
    }

    func testTheNewerShapeScalesPerGramConvertsIUAndLeavesEmptyCellsUnknown() throws {
        let export = try read("servings-2026.csv")
        XCTAssertEqual(export.rows.count, 6)
        let plan = try plan(export)
        XCTAssertEqual(plan.foods.count, 5)

        // Oats: 80 g gave 303.2 kcal, 5.22 g fat, 0.34 mg E, 1.6 µg K, 0.09 g ALA, 1.96 g LA.
        let oats = try food(plan, "Oats, rolled, dry")
        XCTAssertEqual(oats.basis, .perGram)
        XCTAssertEqual(oats.food.values[.energy]!, 379, accuracy: 1e-9)
        XCTAssertEqual(oats.food.values[.fat]!, 6.525, accuracy: 1e-9)
        XCTAssertEqual(oats.food.values[.vitaminE]!, 0.425, accuracy: 1e-9)
        XCTAssertEqual(oats.food.values[.vitaminK]!, 2.0, accuracy: 1e-9)
        XCTAssertEqual(oats.food.values[.alphaLinolenicAcid]!, 0.1125, accuracy: 1e-9)
        XCTAssertEqual(oats.food.values[.linoleicAcid]!, 2.45, accuracy: 1e-9)
        // Vitamin E with no added or natural split: a label's E of no stated form (the scorer
        // counts it × 2.02 toward the UL, estimated).
        XCTAssertNil(oats.food.values[.vitaminEAdded])
        XCTAssertNil(oats.food.values[.vitaminEUpperLimit])

        // Salmon from 150 g: 786 IU of D = 19.65 µg → 13.1 µg per 100 g; EPA 1.03 and DHA 2.21 g
        // → 0.6867 and 1.4733; Omega-3 (3.90 g) is a total and fills nothing; E and K empty.
        let salmon = try food(plan, "Salmon, Atlantic, farmed, cooked")
        XCTAssertEqual(salmon.food.values[.vitaminD]!, 13.1, accuracy: 1e-9)
        XCTAssertEqual(salmon.food.values[.epa]!, 1.03 / 1.5, accuracy: 1e-9)
        XCTAssertEqual(salmon.food.values[.dha]!, 2.21 / 1.5, accuracy: 1e-9)
        XCTAssertEqual(salmon.food.values[.alphaLinolenicAcid]!, 0.17 / 1.5, accuracy: 1e-9)
        XCTAssertEqual(salmon.food.values[.retinol]!, 51, accuracy: 1e-9)
        XCTAssertNil(salmon.food.values[.vitaminE], "an empty cell is unknown, not zero")
        XCTAssertNil(salmon.food.values[.vitaminK])
        // The fillet row's 412 kcal at 206 kcal per 100 g: 200 g, kept as the food's measure.
        XCTAssertEqual(salmon.food.portions, [Portion(amount: 1, description: "fillet", grams: 200)])
        let fillet = try XCTUnwrap(plan.entries.first { $0.line == 5 })
        XCTAssertEqual(fillet.grams, 200, accuracy: 1e-9)
        XCTAssertEqual(fillet.meal, .dinner)
        XCTAssertEqual(fillet.loggedAt, "2026-07-17T19:50:00.000Z")

        // Almonds: 1 oz = 28.349523125 g; 7.27 mg of E; K empty. The name is the USDA's.
        let almonds = try food(plan, "Nuts, almonds")
        XCTAssertEqual(almonds.food.values[.vitaminE]!, 7.27 * 100 / 28.349523125, accuracy: 1e-9)
        XCTAssertNil(almonds.food.values[.vitaminK])
        XCTAssertEqual(almonds.usdaMatch, "12061")
        let almondEntry = try XCTUnwrap(plan.entries.first { $0.line == 6 })
        XCTAssertEqual(almondEntry.grams, 28.349523125, accuracy: 1e-9)
        XCTAssertEqual(almondEntry.meal, .snack)
        XCTAssertEqual(almondEntry.loggedAt, "2026-07-17T12:00:00.000Z", "a row without a time is logged at noon")

        // Milk: no row gives a weight, so one serving of 100 g: 120 IU of D = 3 µg.
        let milk = try food(plan, "Milk, 2%, 1.00 cup")
        XCTAssertEqual(milk.basis, .serving)
        XCTAssertEqual(milk.food.portions, [Portion(amount: 1, description: "serving", grams: 100)])
        XCTAssertEqual(milk.food.values[.vitaminD]!, 3, accuracy: 1e-9)
        XCTAssertEqual(milk.food.values[.vitaminA]!, 134, accuracy: 1e-9)
        XCTAssertEqual(milk.food.values[.retinol]!, 132, accuracy: 1e-9)

        // The burrito bowl: only energy and fat known; a group of the person's own at 21:30 is dinner.
        let bowl = try food(plan, "Chicken Burrito Bowl, 1.00 serving")
        XCTAssertEqual(bowl.components, [.energy, .fat])
        XCTAssertEqual(try XCTUnwrap(plan.entries.last).meal, .dinner)
        XCTAssertEqual(export.notes.count, 3)
        XCTAssertTrue(export.notes.contains { $0.hasPrefix("Omega-3 (g) and Omega-6 (g): totals") })
    }

    func testTheOldestShapeHasNoTimeOrGroupAndVitaminAInIU() throws {
        let export = try read("servings-2016.csv")
        XCTAssertEqual(export.rows.map(\.date.description), ["2016-09-26", "2016-09-27", "2016-09-27"])
        XCTAssertEqual(export.rows[2].amountText, "1.00 medium (7\" to 7-7/8\" long)")
        XCTAssertNil(export.columns[.retinol])
        XCTAssertNil(export.columns[.alphaLinolenicAcid], "no ALA column: Omega-3 is not read as one")
        let plan = try plan(export)
        // Bananas from 100 g: 64 IU of vitamin A as retinol = 19.2 µg RAE; retinol unknown.
        let bananas = try food(plan, "Bananas, raw")
        XCTAssertEqual(bananas.food.values[.vitaminA]!, 19.2, accuracy: 1e-9)
        XCTAssertNil(bananas.food.values[.retinol])
        XCTAssertNil(bananas.food.values[.vitaminD], "an empty cell is unknown")
        XCTAssertNil(bananas.food.values[.alphaLinolenicAcid])
        XCTAssertEqual(bananas.usdaMatch, "09040")
        // The medium banana: 105.02 kcal at 89 kcal per 100 g = 118 g.
        XCTAssertEqual(plan.entries[2].grams, 118, accuracy: 1e-9)
        XCTAssertTrue(plan.entries.allSatisfy { $0.meal == .snack }, "no group and no time: a snack")
        // Granola: no weight anywhere: one serving, 1,200 IU of vitamin A = 360 µg RAE.
        let granola = try food(plan, "Granola, fruit and nut, 0.50 Serving (1/2 cup)")
        XCTAssertEqual(granola.food.values[.vitaminA]!, 360, accuracy: 1e-9)
        XCTAssertEqual(plan.entries[0].grams, 100)
    }

    func testThe2021ShapeScalesAnotherUnitFromTheGramRow() throws {
        let plan = try plan(try read("servings-2021.csv"))
        XCTAssertEqual(plan.entries.map(\.meal), [.breakfast, .dinner, .lunch])
        XCTAssertEqual(plan.entries.map(\.loggedAt), ["2021-06-01T08:15:00.000Z", "2021-06-01T19:30:00.000Z", "2021-06-02T12:00:00.000Z"])
        XCTAssertEqual(plan.entries[2].grams, 30, accuracy: 1e-9, "1 cup with the figures of 30 g weighs 30 g")
        let eggs = try food(plan, "Eggs, scrambled, 2.00 large")
        XCTAssertEqual(eggs.food.values[.vitaminD]!, 2.2, accuracy: 1e-9)  // 88 IU
        XCTAssertNil(eggs.food.values[.vitaminK])
    }

    func testABOMAndCRLFReadTheSame() throws {
        XCTAssertEqual(try read("servings-2026-bom-crlf.csv").rows.map(\.values), try read("servings-2026.csv").rows.map(\.values))
        XCTAssertEqual(try plan(try read("servings-2026-bom-crlf.csv")).entries.map(\.grams),
                       try plan(try read("servings-2026.csv")).entries.map(\.grams))
    }

    func testAnEarlierImportsFoodsAreUsedAsTheyAre() throws {
        let first = try plan(try read("servings-2026.csv"))
        let later = try plan(try read("servings-2026-later.csv"), existing: first.foods.map(\.food))
        XCTAssertTrue(later.foods.allSatisfy(\.alreadyThere))
        XCTAssertEqual(Set(later.foods.map(\.food.id)), Set(first.foods.map(\.food.id)).subtracting([try food(first, "Milk, 2%, 1.00 cup").food.id]))
        // The same rows give the same entries, so the journal's import adds only the new day.
        // (The almonds' row has a time now: the time is not compared.)
        let firstEntries = first.entries.map { "\($0.date) \($0.meal) \($0.foodID) \($0.grams)" }
        let laterEntries = later.entries.map { "\($0.date) \($0.meal) \($0.foodID) \($0.grams)" }
        XCTAssertEqual(laterEntries.filter { !firstEntries.contains($0) }.count, 1)
    }

    func testAServingTooRichForOneHundredGramsWeighsMore() throws {
        let text = "Day,Time,Group,Food Name,Amount,Energy (kcal),Fat (g)\n2026-07-16,8:05 AM,Breakfast,Olive oil,1.00 bottle,2210.00,250.00\n"
        let export = try CronometerExport(bytes: Array(text.utf8), fileName: "oil.csv", conversions: TestData.data.labelConversions)
        let plan = try plan(export)
        XCTAssertEqual(plan.entries[0].grams, 300)
        XCTAssertEqual(plan.foods[0].food.values[.fat]!, 250.0 / 3, accuracy: 1e-9)
        XCTAssertEqual(plan.foods[0].food.values[.energy]!, 2210.0 / 3, accuracy: 1e-9)
    }

    func testEveryBadFileIsRefusedWithItsLineAndColumn() throws {
        let directory = Self.fixtures.appendingPathComponent("Bad")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".csv") }.sorted()
        XCTAssertGreaterThanOrEqual(names.count, 15)
        for name in names {
            let expected = try String(contentsOf: directory.appendingPathComponent(name.replacingOccurrences(of: ".csv", with: ".expected.txt")), encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            do {
                _ = try plan(try read("Bad/" + name))
                XCTFail("\(name) was read")
            } catch let error as CSVError {
                XCTAssertTrue(error.description.hasPrefix("Bad/" + expected), "\(name): \(error.description)")
            }
        }
    }

    func testFoodIdsAreTheSameOnEveryMachine() throws {
        // FNV-1a's published test values, and the id a name always gets.
        XCTAssertEqual(CronometerImport.stableHash(""), 0xCBF2_9CE4_8422_2325)
        XCTAssertEqual(CronometerImport.stableHash("a"), 0xAF63_DC4C_8601_EC8C)
        XCTAssertEqual(CronometerImport.stableHash("foobar"), 0x8594_4171_F739_67E8)
        let plan = try plan(try read("servings-2026.csv"))
        XCTAssertEqual(try food(plan, "Nuts, almonds").food.id,
                       "CR" + String(CronometerImport.stableHash("Nuts, almonds") & 0xFF_FFFF_FFFF, radix: 16, uppercase: true))
    }

    func testTimesAmountsAndUnitsAsCronometerWritesThem() {
        XCTAssertEqual(CronometerExport.minuteOfDay("8:05 AM"), 485)
        XCTAssertEqual(CronometerExport.minuteOfDay("12:30 PM"), 750)
        XCTAssertEqual(CronometerExport.minuteOfDay("12:10 AM"), 10)
        XCTAssertEqual(CronometerExport.minuteOfDay("19:30"), 1170)
        XCTAssertEqual(CronometerExport.minuteOfDay("08:15:00"), 495)
        XCTAssertNil(CronometerExport.minuteOfDay("13:00 PM"))
        XCTAssertNil(CronometerExport.minuteOfDay("8"))
        XCTAssertEqual(CronometerExport.amount("0.52 Serving (22 tsp, whole pieces)")?.1, "Serving (22 tsp, whole pieces)")
        XCTAssertNil(CronometerExport.amount("0.00 g"))
        XCTAssertNil(CronometerExport.amount("1,5 cup"))
        XCTAssertEqual(CronometerExport.date("2012-9-10")?.description, "2012-09-10")
        XCTAssertNil(CronometerExport.date("2026-13-01"))
        XCTAssertEqual(CronometerExport.splitUnit("B1 (Thiamine) (mg)")?.1, "mg")
        let conversions = TestData.data.labelConversions
        XCTAssertEqual(CronometerExport.factor(from: "mg", to: .epa, conversions: conversions), 0.001)
        XCTAssertEqual(CronometerExport.factor(from: "kJ", to: .energy, conversions: conversions)!, 1 / 4.184, accuracy: 1e-12)
        XCTAssertNil(CronometerExport.factor(from: "IU", to: .vitaminK, conversions: conversions))
    }
}
