import Foundation
import XCTest
@testable import DataFiles
@testable import NutrientModel

/// The planner's preparation kept beside the food table: a planner read from it ranks,
/// judges and plans exactly as one worked out anew, the person's own foods included; it is
/// made again when any data file changes, and a damaged or mismatched copy is not used.
final class PlannerPreparationTests: XCTestCase {
    private var scratch: URL!
    private let day = LocalDate(year: 2026, month: 11, day: 24)!

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("absorb-planner-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    private var cacheFolder: String { scratch.appendingPathComponent("cache").path }

    private func copies(_ prefix: String) throws -> [String] {
        guard FileManager.default.fileExists(atPath: cacheFolder) else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: cacheFolder).filter { $0.hasPrefix(prefix) }.sorted()
    }

    /// Every ranked list, every verdict of every food for every audience, fish and
    /// pregnancy, and the per-food figures, the same in both planners.
    private func assertSamePlanner(_ a: GapPlanner, _ b: GapPlanner, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.table.count, b.table.count, file: file, line: line)
        for basis in RankedFoods.Basis.allCases {
            for n in 0..<GapPlanner.nutrientCount {
                XCTAssertEqual(a.ranked.list(basis, n), b.ranked.list(basis, n), "list \(basis) \(n)", file: file, line: line)
            }
        }
        XCTAssertEqual(a.servingGrams.map(\.bitPattern), b.servingGrams.map(\.bitPattern), file: file, line: line)
        XCTAssertEqual(a.servingKcal.map(\.bitPattern), b.servingKcal.map(\.bitPattern), file: file, line: line)
        XCTAssertEqual(a.servingPortion, b.servingPortion, file: file, line: line)
        XCTAssertEqual(a.perServing.map(\.bitPattern), b.perServing.map(\.bitPattern), file: file, line: line)
        XCTAssertEqual(a.limitPerServing.map(\.bitPattern), b.limitPerServing.map(\.bitPattern), file: file, line: line)
        XCTAssertEqual(a.per100.map(\.bitPattern), b.per100.map(\.bitPattern), file: file, line: line)
        XCTAssertEqual(a.groupMaxGrams, b.groupMaxGrams, file: file, line: line)
        XCTAssertEqual(a.hasMeasure, b.hasMeasure, file: file, line: line)
        XCTAssertEqual(a.energetic, b.energetic, file: file, line: line)
        var differing: [String] = []
        for food in 0..<a.table.count {
            for audience in 0..<FoodVerdicts.audienceCount
            where a.verdicts.exclusion(food, audiences: [audience]) != b.verdicts.exclusion(food, audiences: [audience]) {
                differing.append("\(a.table.ids[food]) for audience \(audience)")
            }
            if a.verdicts.fish(food) != b.verdicts.fish(food) { differing.append("\(a.table.ids[food]) fish") }
            if a.verdicts.avoidInPregnancy(food) != b.verdicts.avoidInPregnancy(food) { differing.append("\(a.table.ids[food]) pregnancy") }
        }
        XCTAssertEqual(differing, [], file: file, line: line)
    }

    private func entry(_ id: Int64, _ food: String, _ grams: Double) -> Entry {
        Entry(id: id, date: day, meal: .lunch, foodID: food, grams: grams, loggedAt: Date(timeIntervalSince1970: Double(id)))
    }

    /// A day short of every nutrient, for people a plan treats differently.
    private func reports(_ data: NutrientData) throws -> [Report] {
        let people = [
            PersonProfile(name: "Ana", sex: .female, ageMonths: 30 * 12),
            PersonProfile(name: "Tom", sex: .male, ageMonths: 2 * 12),
            PersonProfile(name: "Mia", sex: .female, ageMonths: 17 * 12, condition: .pregnancy),
        ]
        return try people.map { person in
            Report(profile: person, targets: try data.targets.targets(for: person), range: DateRange(day: day),
                   entries: [entry(1, "11457", 30), entry(2, "01001", 5)], scorer: data.scorer)
        }
    }

    /// Custom foods that tie with table foods on every list (a copy of salmon's values and
    /// measures) and that top them (ten times spinach's), added after the table.
    private func ownFoods(_ data: NutrientData) throws -> [Food] {
        let salmon = try XCTUnwrap(data.foods.food(id: "15076"))
        let spinach = try XCTUnwrap(data.foods.food(id: "11457"))
        var rich: [FoodComponent: Double] = [:]
        for component in FoodComponent.allCases { if let value = spinach.values[component] { rich[component] = value * 10 } }
        return [
            Food(id: "own-salmon", description: "My salmon, as the table's", group: "Custom foods", source: .custom,
                 values: salmon.values, portions: salmon.portions),
            Food(id: "own-greens", description: "Greens powder", group: "Custom foods", source: .custom,
                 values: FoodValues(rich), portions: [Portion(amount: 1, description: "scoop", grams: 10)]),
        ]
    }

    func testAPlannerReadFromItsPreparationIsTheOneWorkedOutAnew() throws {
        let cache = FoodTableCache(directory: cacheFolder)
        // The run that parses the CSVs and keeps the table keeps no preparation: the store has
        // not yet shown it can keep anything (one that cannot would pay for it every time).
        let parsed = try NutrientData(directory: TestData.directory, cache: cache)
        XCTAssertFalse(parsed.foodsFromCache)
        _ = parsed.makePlanner()
        XCTAssertEqual(try copies("foods-").count, 1)
        XCTAssertEqual(try copies("planner-"), [], "nothing is kept before the table was read back")
        let first = try NutrientData(directory: TestData.directory, cache: cache)
        XCTAssertTrue(first.foodsFromCache)
        let made = first.makePlanner()
        XCTAssertEqual(try copies("planner-").count, 1, "the first planner over a kept table keeps its preparation")
        let second = try NutrientData(directory: TestData.directory, cache: cache)
        let preparation = try XCTUnwrap(cache.storedPreparation(for: try XCTUnwrap(second.plannerKey)))
        XCTAssertEqual(preparation.foodCount, TestData.data.foods.count)
        let read = second.makePlanner()
        let fresh = TestData.data.makePlanner()
        assertSamePlanner(read, fresh)
        assertSamePlanner(made, fresh)
        for report in try reports(second) {
            XCTAssertEqual(read.plan(for: report), fresh.plan(for: report), report.profile.name)
            XCTAssertFalse(read.plan(for: report).items.isEmpty, report.profile.name)
        }
    }

    func testThePersonsOwnFoodsAreWorkedOutOnTopAndMergedIntoTheLists() throws {
        let cache = FoodTableCache(directory: cacheFolder)
        _ = try NutrientData(directory: TestData.directory, cache: cache)  // the table kept
        // The first planner is made with the person's foods in the table: what it keeps is
        // the table's own foods only.
        var first = try NutrientData(directory: TestData.directory, cache: cache)
        try first.addCustomFoods(try ownFoods(first))
        _ = first.makePlanner()
        let key = try XCTUnwrap(first.plannerKey)
        XCTAssertEqual(cache.storedPreparation(for: key)?.foodCount, TestData.data.foods.count)
        XCTAssertTrue(try XCTUnwrap(cache.storedPreparation(for: key)).lists.allSatisfy { $0.allSatisfy { $0 < TestData.data.foods.count } })

        var withOwn = try NutrientData(directory: TestData.directory, cache: cache)
        try withOwn.addCustomFoods(try ownFoods(withOwn))
        var freshData = TestData.data
        try freshData.addCustomFoods(try ownFoods(freshData))
        let read = withOwn.makePlanner(), fresh = freshData.makePlanner()
        assertSamePlanner(read, fresh)
        // The copy of salmon comes right after salmon wherever salmon is ranked (a tie keeps
        // the table's order), and the greens powder is ranked too.
        let salmon = Int32(try XCTUnwrap(freshData.foods.index(of: "15076")))
        let copy = Int32(try XCTUnwrap(freshData.foods.index(of: "own-salmon")))
        let greens = Int32(try XCTUnwrap(freshData.foods.index(of: "own-greens")))
        let byServing = read.ranked.list(.serving, Nutrient.epaDha.index)
        let at = try XCTUnwrap(byServing.firstIndex(of: salmon))
        XCTAssertEqual(byServing[at + 1], copy)
        XCTAssertTrue(read.ranked.list(.hundred, Nutrient.vitaminK.index).contains(greens))
        for report in try reports(withOwn) { XCTAssertEqual(read.plan(for: report), fresh.plan(for: report), report.profile.name) }
        // And without them again, the same preparation serves the table alone.
        let alone = try NutrientData(directory: TestData.directory, cache: cache).makePlanner()
        assertSamePlanner(alone, TestData.data.makePlanner())
    }

    func testAChangeToAnyDataFileMakesItAgain() throws {
        // A copy of Data/ whose files change one by one: a line break added changes nothing a
        // plan does, yet the key must change with the bytes.
        let folder = scratch.appendingPathComponent("Data")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: TestData.directory), to: folder)
        let cache = FoodTableCache(directory: cacheFolder)
        _ = try NutrientData(directory: folder.path, cache: cache)  // the table kept
        let before = try NutrientData(directory: folder.path, cache: cache)
        _ = before.makePlanner()
        let firstKey = try XCTUnwrap(before.plannerKey)
        for name in ["planner.csv", "fish_foods.csv", "safety.csv", "rules.csv", "diets.csv"] {
            let path = folder.appendingPathComponent(name)
            var text = try String(contentsOf: path, encoding: .utf8)
            text += "\n"  // a blank last line, which the CSV reader allows
            try Data(text.utf8).write(to: path)
            let after = try NutrientData(directory: folder.path, cache: cache)
            XCTAssertTrue(after.foodsFromCache, "the table's files did not change")
            let key = try XCTUnwrap(after.plannerKey)
            XCTAssertNotEqual(key, firstKey, name)
            XCTAssertNil(cache.storedPreparation(for: key), "\(name): nothing kept yet for the new bytes")
            _ = after.makePlanner()
            XCTAssertNotNil(cache.storedPreparation(for: key), name)
            XCTAssertEqual(try copies("planner-"), [URL(fileURLWithPath: cache.path(for: key, prefix: FoodTableCache.plannerPrefix)).lastPathComponent],
                           "\(name): the older copy is removed")
            XCTAssertEqual(try copies("foods-").count, 1, "\(name): the table's copy stays")
        }
        // A planner.csv that leaves out spinach is obeyed at once, not the kept verdicts.
        let path = folder.appendingPathComponent("planner.csv")
        let text = try String(contentsOf: path, encoding: .utf8)
        let header = try XCTUnwrap(text.split(separator: "\n").first)
        XCTAssertEqual(header, "kind,value,who,reason,source", "planner.csv's columns")
        try Data((text + "word,spinach,everyone,a test leaves it out,absorb's test\n").utf8).write(to: path)
        let strict = try NutrientData(directory: folder.path, cache: cache)
        let spinach = try XCTUnwrap(strict.foods.index(of: "11457"))
        XCTAssertEqual(strict.makePlanner().verdicts.exclusion(spinach, audiences: [0]), "a test leaves it out")
    }

    func testADamagedOrMismatchedPreparationIsNotUsed() throws {
        let cache = FoodTableCache(directory: cacheFolder, programIdentity: 5)
        let planner = TestData.data.makePlanner()
        let preparation = planner.preparation(count: TestData.data.foods.count)
        cache.store(preparation, for: 77)
        XCTAssertEqual(cache.storedPreparation(for: 77), preparation)
        XCTAssertNil(cache.storedPreparation(for: 78), "another key")
        let path = cache.path(for: 77, prefix: FoodTableCache.plannerPrefix)
        let good = try FileBytes.read(path)
        // A changed byte anywhere fails the checksum.
        var generator = SplitMix64(seed: 20261202)
        for _ in 0..<40 {
            var bytes = good
            let at = Int(generator.next() % UInt64(bytes.count))
            bytes[at] ^= UInt8(1 + generator.next() % 255)
            XCTAssertNil(bytes.withUnsafeBytes { FoodTableCache.decodePreparation($0, key: 77) }, "byte \(at)")
        }
        XCTAssertNil(Array(good.prefix(good.count / 2)).withUnsafeBytes { FoodTableCache.decodePreparation($0, key: 77) })
        // Parts that do not fit together are refused when it is made.
        func changed(lists: [[Int32]]? = nil, excluded: [Int32]? = nil, fish: [UInt8]? = nil,
                     servingGrams: [Double]? = nil) -> PlannerPreparation? {
            PlannerPreparation(
                foodCount: preparation.foodCount, servingGrams: servingGrams ?? preparation.servingGrams,
                servingKcal: preparation.servingKcal, servingPortion: preparation.servingPortion, per100: preparation.per100,
                limitPer100: preparation.limitPer100, groupMaxGrams: preparation.groupMaxGrams,
                hasMeasure: preparation.hasMeasure, energetic: preparation.energetic, lists: lists ?? preparation.lists,
                excluded: excluded ?? preparation.excluded, reasons: preparation.reasons, fish: fish ?? preparation.fish,
                pregnancy: preparation.pregnancy)
        }
        XCTAssertNotNil(changed())
        XCTAssertNil(changed(lists: preparation.lists.map { $0 + [Int32(preparation.foodCount)] }), "a food past the table")
        XCTAssertNil(changed(lists: Array(preparation.lists.dropLast())), "a list missing")
        XCTAssertNil(changed(excluded: preparation.excluded.map { _ in Int32(preparation.reasons.count) }), "a reason past the reasons")
        XCTAssertNil(changed(fish: preparation.fish.map { _ in 4 }), "a fish code that means nothing")
        XCTAssertNil(changed(servingGrams: Array(preparation.servingGrams.dropLast())), "a column short")
        // One made for a longer table, or naming a measure a food does not have, is not used.
        XCTAssertTrue(preparation.fits(TestData.data.foods))
        var shorter = FoodTable()
        try shorter.append(TestData.data.foods.food(at: 0))
        XCTAssertFalse(preparation.fits(shorter))
        // A preparation still partly unknown is valid, and the rest is worked out when asked.
        let partial = try XCTUnwrap(changed(excluded: preparation.excluded.map { _ in -2 }, fish: preparation.fish.map { _ in 0 }))
        let data = TestData.data
        let fromPartial = GapPlanner(table: data.foods, exclusions: data.plannerExclusions, diets: data.diets, rules: data.scoringRules,
                                     safety: data.planSafety, preparation: partial)
        assertSamePlanner(fromPartial, planner)
    }
}
