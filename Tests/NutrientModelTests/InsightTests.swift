import DataFiles
import Foundation
import XCTest
@testable import NutrientModel

/// Fat pairing, honest judgements, balance and the gap planner, against hand-computed
/// figures from the USDA rows in Data/foods.csv.
final class InsightTests: XCTestCase {
    let data = TestData.data
    let day = LocalDate(year: 2026, month: 11, day: 24)!
    let woman = PersonProfile(name: "Ana", sex: .female, ageMonths: 30 * 12)

    func entry(_ id: Int64, _ food: String, _ grams: Double, _ meal: Meal, on date: LocalDate? = nil) -> Entry {
        Entry(id: id, date: date ?? day, meal: meal, foodID: food, grams: grams, loggedAt: Date(timeIntervalSince1970: Double(id)))
    }

    func targets(_ person: PersonProfile? = nil) throws -> TargetSet {
        try data.targets.targets(for: person ?? woman)
    }

    func report(_ entries: [Entry], _ person: PersonProfile? = nil) throws -> Report {
        Report(profile: person ?? woman, targets: try targets(person), range: DateRange(day: day), entries: entries, scorer: data.scorer)
    }

    // MARK: Fat pairing

    /// Lunch: 100 g raw spinach 11457 (fat 0.39 g, A 469 µg RAE, E 2.03 mg, K 482.9 µg).
    /// Dinner: 150 g farmed salmon 15236 (fat 13.42 × 1.5 = 20.13 g, A 87, D 16.5, K 0.75).
    func testASaladWithoutFatIsFlaggedAndTheSharesAreByAmount() throws {
        let entries = [entry(1, "11457", 100, .lunch), entry(2, "15236", 150, .dinner)]
        let pairing = data.fatPairing.analyze(entries, targets: try targets())
        XCTAssertEqual(pairing.thresholdGrams, 3)
        XCTAssertEqual(pairing.meals.count, 2)
        XCTAssertEqual(pairing.meals[0].fatGrams, 0.39, accuracy: 1e-9)
        XCTAssertEqual(pairing.meals[1].fatGrams, 20.13, accuracy: 1e-9)
        // A (469 of 700 = 67 %), E (2.03 of 15 = 13.5 %) and K (482.9 of 90) are each
        // over 10 % of the target: all three flagged; the spinach has 0 D.
        XCTAssertEqual(pairing.flags.map(\.nutrient), [.vitaminA, .vitaminE, .vitaminK])
        XCTAssertEqual(pairing.flags[2].amount, 482.9, accuracy: 1e-9)
        XCTAssertEqual(pairing.flags[0].suggestion,
                       "add a fat source to it, such as 1 tsp of olive oil (4.5 g fat), or eat it with a meal that has some")
        // Shares: A 87 / (469 + 87); D all at dinner; K 0.75 / 483.65.
        XCTAssertEqual(pairing.pairedShare[.vitaminA]!, 87 / 556, accuracy: 1e-9)
        XCTAssertEqual(pairing.pairedShare[.vitaminD]!, 1, accuracy: 1e-9)
        XCTAssertEqual(pairing.pairedShare[.vitaminK]!, 0.75 / 483.65, accuracy: 1e-9)
    }

    func testAProfilesOwnThresholdIsUsed() throws {
        let entries = [entry(1, "11457", 100, .lunch), entry(2, "15236", 150, .dinner)]
        let pairing = data.fatPairing.analyze(entries, targets: try targets(), thresholdGrams: 25)
        XCTAssertEqual(pairing.thresholdGrams, 25)
        // 20.13 g at dinner is now too little: D (16.5 µg, 110 %) is flagged too.
        XCTAssertTrue(pairing.flags.contains { $0.meal == .dinner && $0.nutrient == .vitaminD })
        XCTAssertEqual(pairing.pairedShare[.vitaminD]!, 0, accuracy: 1e-9)
    }

    func testASupplementTakenWithoutFatIsToldToMoveToTheLargestMeal() throws {
        // One 2,000 IU softgel (0.25 g, 50 µg D) at breakfast with nothing else.
        let entries = [entry(1, "S0002", 0.25, .breakfast), entry(2, "15236", 150, .dinner)]
        let flags = data.fatPairing.analyze(entries, targets: try targets()).flags
        XCTAssertEqual(flags.count, 1)
        XCTAssertEqual(flags[0].nutrient, .vitaminD)
        XCTAssertEqual(flags[0].suggestion,
                       "take the Vitamin D3 (cholecalciferol) 2,000 IU, softgel with dinner, the meal with the most fat (20.1 g)")
    }

    func testTracesAreNotFlagged() throws {
        // 178 g of pear (6.8 µg K, under 10 % of 90 µg) with 0.25 g of fat: no flag.
        let flags = data.fatPairing.analyze([entry(1, "09412", 178, .snack)], targets: try targets()).flags
        XCTAssertEqual(flags, [])
    }

    // MARK: Honest judgements

    func testALowFigureWithMuchMissingDataSaysSo() throws {
        // 20 g salmon (2.2 µg D, 15 %) and 178 g pear (no D value): 10 % of the food has a value.
        let score = try report([entry(1, "15236", 20, .lunch), entry(2, "09412", 178, .lunch)]).score(of: .vitaminD)
        XCTAssertEqual(score.judgement(lowCoverageBelowPercent: 80),
                       "very low — but 90 % of the food logged has no Vitamin D data")
        let complete = try report([entry(1, "15236", 20, .lunch)]).score(of: .vitaminD)
        XCTAssertEqual(complete.judgement(lowCoverageBelowPercent: 80), "very low")
    }

    // MARK: Balance

    func testFibreFermentedFoodsAndTheFattyAcidRatio() throws {
        // 245 g whole-milk yogurt 01116 (61 kcal, fibre 0, LA ?, fermented: 245 / 150 servings)
        // and 100 g spinach (23 kcal, fibre 2.2 g, LA 0.026 g, ALA 0.138 g).
        let entries = [entry(1, "01116", 245, .breakfast), entry(2, "11457", 100, .lunch)]
        let balance = data.balance.analyze(entries, ageMonths: woman.ageMonths)
        XCTAssertEqual(balance.days, 1)
        XCTAssertEqual(balance.kcal, 61 * 2.45 + 23, accuracy: 1e-9)
        XCTAssertEqual(balance.fibreGrams, 2.2, accuracy: 1e-9)
        XCTAssertEqual(balance.fibreTarget!, 14 * (61 * 2.45 + 23) / 1000, accuracy: 1e-9)
        XCTAssertEqual(balance.fermentedServingsPerDay, 245.0 / 150, accuracy: 1e-9)
        XCTAssertEqual(balance.fermentedKindsPerDay, ["yogurt": 245.0 / 150])
        let yogurt = data.foods.values(at: data.foods.index(of: "01116")!)
        let la = (yogurt[.linoleicAcid] ?? 0) * 2.45 + 0.026
        let ala = (yogurt[.alphaLinolenicAcid] ?? 0) * 2.45 + 0.138
        XCTAssertEqual(balance.ratio!, la / ala, accuracy: 1e-9)
        XCTAssertEqual(balance.linoleicPercentEnergy!, la * 9 / balance.kcal * 100, accuracy: 1e-9)
        // The AMDRs (LA 5-10 %, ALA 0.6-1.2 % of energy) allow 5/1.2 to 10/0.6.
        XCTAssertEqual(balance.ratioRangeFromAMDRs!.lowerBound, 5 / 1.2, accuracy: 1e-9)
        XCTAssertEqual(balance.ratioRangeFromAMDRs!.upperBound, 10 / 0.6, accuracy: 1e-9)
    }

    // MARK: The gap planner

    /// Why a food may not be suggested, found here from the text of Data/diets.csv and
    /// Data/planner.csv rather than asked of the planner under test: a planner exclusion
    /// (group, word, or word in a group), or a diet's group or word (with the diets it
    /// includes) that none of that diet's keep words lifts. Nil: the food may be suggested.
    func independentExclusion(of food: Int, diets: Set<String>) throws -> String? {
        let group = data.foods.group(at: food)
        let words = Set(data.foods.descriptions[food].lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init))
        // The rules for everyone and for anyone past infancy (these are adults' days; the
        // life stages are audited in PlanAuditTests).
        for row in try TestData.csvTable("planner.csv") where ["everyone", "from_12_months"].contains(row["who"]) {
            let value = row["value"] ?? ""
            switch row["kind"] {
            case "group" where value == group: return "planner: group \(value)"
            case "word" where words.contains(value.lowercased()): return "planner: word \(value)"
            case "group_word":
                let parts = value.split(separator: ";", maxSplits: 1).map(String.init)
                if parts.count == 2, parts[0] == group, words.contains(parts[1].lowercased()) { return "planner: \(value)" }
            default: break
            }
        }
        let rows = try TestData.csvTable("diets.csv")
        let tokens = FoodWords.words(of: data.foods.descriptions[food])
        // Each diet with its own keep phrases; an included diet is checked as it is.
        func excluded(_ diet: String, _ seen: inout Set<String>) -> String? {
            guard seen.insert(diet).inserted else { return nil }
            let mine = rows.filter { $0["diet"] == diet }
            if let row = mine.first(where: { $0["kind"] == "group" && $0["value"] == group }) { return "\(diet): group \(row["value"]!)" }
            var kept = [Bool](repeating: false, count: tokens.count)
            for row in mine where row["kind"] == "keep" {
                let phrase = FoodWords.words(of: row["value"]!)
                guard !phrase.isEmpty, phrase.count <= tokens.count else { continue }
                for start in 0...(tokens.count - phrase.count) where Array(tokens[start..<(start + phrase.count)]) == phrase {
                    for i in start..<(start + phrase.count) { kept[i] = true }
                }
            }
            for row in mine where row["kind"] == "word" {
                let phrase = FoodWords.words(of: row["value"]!)
                guard !phrase.isEmpty, phrase.count <= tokens.count else { continue }
                for start in 0...(tokens.count - phrase.count) where Array(tokens[start..<(start + phrase.count)]) == phrase {
                    if (start..<(start + phrase.count)).contains(where: { !kept[$0] }) { return "\(diet): word \(row["value"]!)" }
                }
            }
            for row in mine where row["kind"] == "include" {
                if let reason = excluded(row["value"]!, &seen) { return reason }
            }
            return nil
        }
        var seen = Set<String>()
        for diet in diets.sorted() {
            if let reason = excluded(diet, &seen) { return reason }
        }
        return nil
    }

    func testTheIndependentDietCheckSeesWhatItShould() throws {
        let salmon = try XCTUnwrap(data.foods.index(of: "15236")), egg = try XCTUnwrap(data.foods.index(of: "01129"))
        let spinach = try XCTUnwrap(data.foods.index(of: "11457"))
        XCTAssertNotNil(try independentExclusion(of: salmon, diets: ["vegetarian"]))
        XCTAssertNotNil(try independentExclusion(of: egg, diets: ["vegan"]))
        XCTAssertNil(try independentExclusion(of: egg, diets: ["no_dairy"]))
        XCTAssertNil(try independentExclusion(of: spinach, diets: ["vegan", "no_nuts", "no_fish"]))
        XCTAssertNotNil(try independentExclusion(of: salmon, diets: []), "raw fish is a planner exclusion")
    }

    /// Checks a plan against every constraint: at most three foods, each allowed by the
    /// diets and the planner's exclusions, no upper limit passed, every gap it claims to
    /// close closed, and a reason for every gap it leaves.
    func check(_ plan: GapPlan, day entries: [Entry], person: PersonProfile, planner: GapPlanner,
               file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertLessThanOrEqual(plan.items.count, 3, file: file, line: line)
        var all = entries
        for (offset, item) in plan.items.enumerated() {
            let excluded = try independentExclusion(of: item.food.index, diets: person.diets)
            XCTAssertNil(excluded, "\(item.food.description) is not allowed (\(excluded ?? ""))", file: file, line: line)
            XCTAssertLessThanOrEqual(item.grams, GapPlanner.maxPortionGrams, file: file, line: line)
            all.append(entry(1000 + Int64(offset), data.foods.ids[item.food.index], item.grams, .snack))
        }
        let after = try report(all, person)
        for score in after.scores {
            XCTAssertNotEqual(score.status, .aboveUL, "\(score.nutrient) passes its UL", file: file, line: line)
            if plan.gaps.contains(score.nutrient), !plan.remaining.contains(where: { $0.nutrient == score.nutrient }) {
                XCTAssertGreaterThanOrEqual(score.percent ?? 0, 100 - 1e-6, "\(score.nutrient) not closed", file: file, line: line)
            }
        }
        for (nutrient, reason) in plan.remaining {
            XCTAssertLessThan(after.score(of: nutrient).percent ?? 0, 100, file: file, line: line)
            XCTAssertFalse(reason.isEmpty, file: file, line: line)
        }
    }

    func testPlansMeetEveryConstraintOnVariedDays() throws {
        let planner = data.makePlanner()
        let days: [(String, [Entry], PersonProfile)] = [
            ("an empty day", [], woman),
            ("a salad", [entry(1, "11457", 60, .lunch)], woman),
            ("fish and eggs", [entry(1, "15236", 150, .dinner), entry(2, "01123", 100, .breakfast)], woman),
            ("a vegetarian day", [entry(1, "11457", 100, .lunch), entry(2, "01116", 245, .breakfast)],
             PersonProfile(name: "V", sex: .female, ageMonths: 40 * 12, diets: ["vegetarian"])),
            ("a man of 60, no fish, no nuts", [entry(1, "01123", 100, .breakfast)],
             PersonProfile(name: "M", sex: .male, ageMonths: 60 * 12, diets: ["no_fish", "no_nuts"])),
            ("pregnancy", [entry(1, "15236", 50, .lunch)],
             PersonProfile(name: "P", sex: .female, ageMonths: 28 * 12, condition: .pregnancy)),
            ("a vegan", [entry(1, "11457", 100, .lunch)], PersonProfile(name: "W", sex: .female, ageMonths: 30 * 12, diets: ["vegan"])),
        ]
        for (name, entries, person) in days {
            let plan = planner.plan(for: try report(entries, person), diets: person.diets)
            XCTAssertFalse(plan.gaps.isEmpty, name)
            try check(plan, day: entries, person: person, planner: planner)
        }
    }

    func testAVeganPlanKeepsToTheDietAndSaysWhatStaysShort() throws {
        let planner = data.makePlanner()
        let vegan = PersonProfile(name: "W", sex: .female, ageMonths: 30 * 12, diets: ["vegan"])
        let plan = planner.plan(for: try report([entry(1, "11457", 100, .lunch)], vegan), diets: vegan.diets)
        for item in plan.items {
            let group = data.foods.group(at: item.food.index)
            XCTAssertFalse(["Dairy and Egg Products", "Finfish and Shellfish Products", "Beef Products", "Poultry Products"].contains(group),
                           item.food.description)
            XCTAssertNil(data.diets.exclusion(group: group, words: FoodWords.words(of: item.food.description), diets: ["vegan"]))
        }
        try check(plan, day: [entry(1, "11457", 100, .lunch)], person: vegan, planner: planner)
    }

    func testWhenNoPlanClosesEveryGapItSaysWhichRemainAndWhy() throws {
        let planner = data.makePlanner()
        // An empty day has all seven gaps; one food cannot close them all.
        let plan = planner.plan(for: try report([]), maxFoods: 1)
        XCTAssertEqual(plan.gaps.count, 7)
        XCTAssertEqual(plan.items.count, 1)
        XCTAssertFalse(plan.remaining.isEmpty)
        try check(plan, day: [], person: woman, planner: planner)
        let lines = plan.lines(review: data.review(try report([])))
        XCTAssertTrue(lines.contains { $0.hasPrefix("Still short: ") }, lines.joined(separator: "\n"))
        // With three foods the same day closes more of them.
        let three = planner.plan(for: try report([]))
        XCTAssertLessThan(three.remaining.count, plan.remaining.count)
    }

    func testAMetDayNeedsNoPlan() throws {
        let planner = data.makePlanner()
        // 100 g of farmed salmon has some of all seven; with a clinician's target of 0.01 for
        // each, every one is met and there is nothing to plan.
        let overrides = Nutrient.allCases.map { TargetOverride(nutrient: $0, value: 0.01, setOn: day) }
        let targets = try data.targets.targets(for: woman, overrides: overrides)
        let report = Report(profile: woman, targets: targets, range: DateRange(day: day),
                            entries: [entry(1, "15236", 100, .dinner)], scorer: data.scorer)
        XCTAssertTrue(report.scores.allSatisfy { $0.status == .met }, "\(report.scores.map(\.status))")
        let plan = planner.plan(for: report)
        XCTAssertEqual(plan.gaps, [])
        XCTAssertEqual(plan.items, [])
        XCTAssertEqual(plan.lines(review: data.review(report)), ["Every target is met on Tue 24 Nov 2026: nothing to close."])
    }

    func testBestSourcesOfVitaminDPerServing() throws {
        let planner = data.makePlanner()
        let best = planner.bestSources(of: .vitaminD, target: try targets()[.vitaminD], limit: 5)
        XCTAssertEqual(best.perServing.count, 5)
        // Richest first, each a real serving of an allowed food, its percent of 15 µg.
        for (a, b) in zip(best.perServing, best.perServing.dropFirst()) {
            XCTAssertGreaterThanOrEqual(a.amountPerServing, b.amountPerServing)
        }
        for source in best.perServing {
            XCTAssertNil(try independentExclusion(of: source.food.index, diets: []), source.food.description)
            XCTAssertEqual(source.percentOfTarget!, source.amountPerServing / 15 * 100, accuracy: 1e-9)
            let per100 = data.foods.values(at: source.food.index)[.vitaminD]!
            XCTAssertEqual(source.amountPerServing, per100 * source.food.servingGrams / 100, accuracy: 1e-9)
        }
    }

    func testPlannerExclusionsLeaveOutOddFoods() throws {
        let planner = data.makePlanner()
        for (id, allowed) in [("15236", false), ("15237", true), ("03000", false), ("11457", true)] {
            let index = try XCTUnwrap(data.foods.index(of: id), "no food \(id) in the table")
            XCTAssertEqual(planner.allows(index, diets: []), allowed, "\(id) \(data.foods.descriptions[index])")
        }
        // No dairy keeps eggs; vegan does not.
        let egg = data.foods.index(of: "01129")!  // hard-boiled (raw eggs are not suggested)
        XCTAssertTrue(planner.allows(egg, diets: ["no_dairy"]))
        XCTAssertFalse(planner.allows(egg, diets: ["vegan"]))
    }
}

final class DemoDataTests: XCTestCase {
    /// The demo shows off every screen: fourteen days, a week with fish and one without, a
    /// vitamin D softgel, and a fat-free spinach salad that fat pairing flags.
    func testTheDemoPatientsFourteenDays() throws {
        let data = TestData.data
        let demo = try DemoData(directory: TestData.directory + "/demo", foods: data.foods)
        XCTAssertEqual(demo.profile.name, "Maya (demo)")
        XCTAssertEqual(demo.profile.sex, .female)
        XCTAssertEqual(Set(demo.meals.map(\.dayOffset)), Set(-13...0))
        let fishDays = Set(demo.meals.filter { data.foods.group(at: data.foods.index(of: $0.foodID)!) == "Finfish and Shellfish Products" }.map(\.dayOffset))
        XCTAssertEqual(fishDays, Set(-13...(-7)), "fish in the first week only")
        XCTAssertTrue(demo.meals.contains { $0.foodID == "S0001" })
        let today = LocalDate(year: 2026, month: 11, day: 25)!
        let entries = demo.meals.enumerated().map { index, meal in
            Entry(id: Int64(index), date: today.adding(days: meal.dayOffset), meal: meal.meal, foodID: meal.foodID,
                  grams: meal.grams, loggedAt: Date(timeIntervalSince1970: Double(index)))
        }
        let targets = try data.targets.targets(for: demo.profile)
        let flags = data.fatPairing.analyze(entries, targets: targets).flags
        XCTAssertTrue(flags.contains { $0.nutrient == .vitaminK && $0.meal == .lunch }, "the salad is flagged")
        // The second week falls short of vitamin D.
        let week = Report(profile: demo.profile, targets: targets, range: DateRange(from: today.adding(days: -6), to: today),
                          entries: entries, scorer: data.scorer)
        XCTAssertLessThan(week.score(of: .vitaminD).percent!, 100)
    }

    func testABadDemoFoodIsALocatedError() throws {
        let fm = FileManager.default
        let directory = fm.temporaryDirectory.appendingPathComponent("absorb-demo-\(UUID().uuidString)").path
        try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? fm.removeItem(atPath: directory) }
        try fm.copyItem(atPath: TestData.directory + "/demo/profile.csv", toPath: directory + "/profile.csv")
        try "day,meal,food_id,grams,note\n0,lunch,99999,100,\"nothing\"\n".write(toFile: directory + "/meals.csv", atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try DemoData(directory: directory, foods: TestData.data.foods)) { error in
            XCTAssertTrue("\(error)".contains("meals.csv:2:"), "\(error)")
            XCTAssertTrue("\(error)".contains("no food has the id \"99999\""), "\(error)")
        }
    }
}
