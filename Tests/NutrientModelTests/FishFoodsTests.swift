import Foundation
import XCTest
@testable import NutrientModel

/// Which foods count as fish for the weekly fish advice (`Data/fish_foods.csv`), over the
/// whole table, against the reviewed list `Tests/Fixtures/fish-foods.csv`: every food
/// outside the fish group that the rule counts is listed there as one that must count,
/// and the near misses (fish oil, fish sauce, oyster crackers, scallop squash...) as ones
/// that must not.
final class FishFoodsTests: XCTestCase {
    let data = TestData.data
    static let fishGroup = "Finfish and Shellfish Products"

    func fixture() throws -> [(id: String, counts: Bool, description: String)] {
        let path = TestData.packageRoot.appendingPathComponent("Tests/Fixtures/fish-foods.csv").path
        let rows = try TestData.rows(try String(contentsOfFile: path, encoding: .utf8), file: path).dropFirst()
        return try rows.map { fields in
            XCTAssertEqual(fields.count, 4, "\(fields)")
            XCTAssertTrue(["counts", "not"].contains(fields[1]), "\(fields)")
            XCTAssertFalse(fields[3].isEmpty, "every food of the list says why: \(fields)")
            return (try XCTUnwrap(fields.first), fields[1] == "counts", fields[2])
        }
    }

    func testEveryFoodTheRuleCountsIsReviewedAndTheNearMissesAreNot() throws {
        let planner = data.makePlanner()
        let list = try fixture()
        let mustCount = list.filter(\.counts), mustNot = list.filter { !$0.counts }
        XCTAssertGreaterThanOrEqual(mustCount.count, 25)
        XCTAssertGreaterThanOrEqual(mustNot.count, 25)
        for food in list {
            let index = try XCTUnwrap(data.foods.index(of: food.id), food.id)
            XCTAssertEqual(data.foods.descriptions[index], food.description, "the list names \(food.id) as the table does")
            XCTAssertEqual(planner.isFish(index), food.counts, "\(food.id) \(food.description)")
        }
        // The whole table: the fish group counts whole; outside it, exactly the reviewed foods.
        let reviewed = Set(mustCount.map(\.id))
        var unreviewed: [String] = [], missed: [String] = []
        for food in 0..<data.foods.count {
            let id = data.foods.ids[food], inGroup = data.foods.group(at: food) == Self.fishGroup
            let counts = planner.isFish(food)
            if inGroup, !counts { missed.append("\(id) \(data.foods.descriptions[food]) (the fish group)") }
            if !inGroup, counts, !reviewed.contains(id) { unreviewed.append("\(id) \(data.foods.descriptions[food])") }
            if !inGroup, !counts, reviewed.contains(id) { missed.append("\(id) \(data.foods.descriptions[food])") }
        }
        XCTAssertEqual(unreviewed, [], "counted as fish but not in the reviewed list:\n" + unreviewed.joined(separator: "\n"))
        XCTAssertEqual(missed, [], "reviewed as fish but not counted:\n" + missed.joined(separator: "\n"))
        XCTAssertGreaterThan(reviewed.count, 80)
    }

    /// A dish (tuna salad, fish sticks, a fish sandwich, clam chowder) is counted whole and
    /// named as such; a plain fish is not a dish.
    func testDishesAreToldApartFromPlainFish() throws {
        let planner = data.makePlanner()
        for id in ["15128", "15027", "15142", "21105", "21232", "06430", "06048", "25070", "36620"] {
            let food = try XCTUnwrap(data.foods.index(of: id))
            XCTAssertTrue(planner.isFish(food) && planner.isFishDish(food), data.foods.descriptions[food])
        }
        for id in ["15086", "15121", "15109", "35150"] {
            let food = try XCTUnwrap(data.foods.index(of: id))
            XCTAssertTrue(planner.isFish(food), data.foods.descriptions[food])
            XCTAssertFalse(planner.isFishDish(food), data.foods.descriptions[food])
        }
    }

    /// A fish to avoid inside a dish (shark fin soup) is left out for children, pregnancy and
    /// lactation, as the plain fish are; so is every raw, smoked or sushi fish in pregnancy,
    /// wherever the table files it.
    func testTheFishToAvoidAndRawFishAreLeftOutWhereverTheyAre() throws {
        let planner = data.makePlanner()
        let avoid: [[String]] = [["mackerel", "king"], ["king", "mackerel"], ["marlin"], ["roughy"], ["shark"], ["swordfish"], ["tilefish"], ["bigeye"]]
        let people = [PersonProfile(name: "child", sex: .female, ageMonths: 72),
                      PersonProfile(name: "teen", sex: .male, ageMonths: 200),
                      PersonProfile(name: "pregnant", sex: .female, ageMonths: 360, condition: .pregnancy),
                      PersonProfile(name: "lactating", sex: .female, ageMonths: 360, condition: .lactation)]
        let pregnant = people[2]
        var dishesToAvoid: [String] = []
        for food in 0..<data.foods.count where planner.isFish(food) {
            let words = FoodWords.words(of: data.foods.descriptions[food])
            let label = "\(data.foods.ids[food]) \(data.foods.descriptions[food])"
            if avoid.contains(where: { PlanAuditTests.contains(words, $0) }) {
                if data.foods.group(at: food) != Self.fishGroup { dishesToAvoid.append(data.foods.ids[food]) }
                for person in people { XCTAssertFalse(planner.allows(food, diets: [], for: person), "\(label) for \(person.name)") }
            }
            if words.contains(where: ["raw", "smoked", "sushi", "kippered", "lox"].contains) {
                XCTAssertFalse(planner.allows(food, diets: [], for: pregnant), "\(label) in pregnancy")
            }
        }
        XCTAssertTrue(dishesToAvoid.contains("06180"), "shark fin soup is a dish with a fish to avoid: \(dishesToAvoid)")
    }
}

/// The week's fish counted wherever it is logged: dishes whole, hand-computed.
final class FishDishWeekTests: XCTestCase {
    let data = TestData.data
    let day = LocalDate(year: 2026, month: 11, day: 24)!

    func entry(_ id: Int64, _ food: String, _ grams: Double, daysBefore: Int = 0) -> Entry {
        Entry(id: id, date: day.adding(days: -daysBefore), meal: .lunch, foodID: food, grams: grams, loggedAt: Date(timeIntervalSince1970: Double(id)))
    }

    func report(_ person: PersonProfile, _ entries: [Entry]) throws -> Report {
        Report(profile: person, targets: try data.targets.targets(for: person), range: DateRange(day: day), entries: entries, scorer: data.scorer)
    }

    func fishGrams(_ plan: GapPlan, _ planner: GapPlanner) -> [Double] {
        plan.items.filter { planner.isFish($0.food.index) }.map(\.grams)
    }

    /// A 4-year-old: 2 oz (56.7 g) a serving, 2 a week (113.4 g).
    func testAChildsTunaSaladEntriesCountWholeTowardTheWeek() throws {
        let planner = data.makePlanner()
        let child = PersonProfile(name: "C", sex: .male, ageMonths: 48)
        let limits = planner.limits(for: child)
        XCTAssertEqual(limits.fishServingGrams, 56.7, accuracy: 1e-9)
        XCTAssertEqual(limits.fishServingsPerWeek, 2)
        let today = try report(child, [entry(10, "09003", 100)])
        let salmon = try XCTUnwrap(data.foods.index(of: "15086")), tunaSalad = try XCTUnwrap(data.foods.index(of: "15128"))

        // Two 60 g entries of tuna salad: 120 / 56.7 = 2.1 servings: no fish, and why.
        let two = [entry(1, "15128", 60, daysBefore: 2), entry(2, "15128", 60, daysBefore: 5)]
        XCTAssertEqual(planner.fishServings(in: two, limits: limits), 120 / 56.7, accuracy: 1e-9)
        let none = planner.plan(for: today, week: two)
        XCTAssertEqual(fishGrams(none, planner), [])
        XCTAssertEqual(none.fishNote, "No fish suggested: 2.1 servings of fish (57 g each) logged in the 7 days to Tue 24 Nov 2026, and the advice is 2 a week (FDA and EPA, Advice about Eating Fish, 2021). Counting the whole of Fish, tuna salad as fish: its fish share is not known.")
        XCTAssertTrue(none.lines(review: data.review(today)).contains(none.fishNote!))
        let named = planner.plan(for: today, week: two, using: [salmon, tunaSalad])
        XCTAssertEqual(named.items, [])
        XCTAssertEqual(named.leftOut.map(\.reason), ["the week's fish servings are already logged", "the week's fish servings are already logged"])

        // One entry: 113.4 - 60 = 53.4 g left, less than a serving: a plan's fish at most that.
        let one = [two[0]]
        let some = planner.plan(for: today, week: one)
        XCTAssertEqual(some.fishNote, "Fish in this plan at most 53 g: 1.1 servings of fish (57 g each) logged in the 7 days to Tue 24 Nov 2026, and the advice is 2 a week (FDA and EPA, Advice about Eating Fish, 2021). Counting the whole of Fish, tuna salad as fish: its fish share is not known.")
        XCTAssertLessThanOrEqual(fishGrams(some, planner).count, 1)
        XCTAssertTrue(fishGrams(some, planner).allSatisfy { $0 <= 53.4 + 1e-9 }, "\(some.items.map(\.portionText))")
        // Portions of salmon and tuna salad: one fish item, of at most what is left (½ × 3 oz = 42.5 g).
        let portions = planner.plan(for: today, week: one, using: [salmon, tunaSalad])
        let fish = fishGrams(portions, planner)
        XCTAssertEqual(fish.count, 1, "\(portions.items.map(\.portionText)) \(portions.leftOut.map(\.reason))")
        XCTAssertTrue(fish.allSatisfy { $0 <= 53.4 + 1e-9 && $0 <= limits.fishServingGrams }, "\(fish)")
        XCTAssertLessThanOrEqual(60 + fish.reduce(0, +), 113.4 + 1e-9, "the week's advice is never exceeded")
        XCTAssertEqual(planner.portions(of: salmon, limits: limits, fishGrams: 53.4).map(\.grams).max() ?? 0, 42.5, accuracy: 1e-9)
    }

    /// Pregnant: 4 oz (113.4 g) a serving, 3 a week (340.2 g); a fish sandwich (220 g) and a
    /// cup of clam chowder (248 g) are 468 g: 4.1 servings, though neither is in the fish group.
    func testAPregnantWomansFishSandwichAndChowderFillTheWeek() throws {
        let planner = data.makePlanner()
        let pregnant = PersonProfile(name: "P", sex: .female, ageMonths: 360, condition: .pregnancy)
        let limits = planner.limits(for: pregnant)
        XCTAssertEqual(limits.fishServingGrams, 113.4, accuracy: 1e-9)
        XCTAssertEqual(limits.fishServingsPerWeek, 3)
        let today = try report(pregnant, [entry(10, "09003", 100)])
        let week = [entry(1, "21105", 220, daysBefore: 3), entry(2, "06430", 248, daysBefore: 1)]
        XCTAssertEqual(planner.fishServings(in: week, limits: limits), 468 / 113.4, accuracy: 1e-9)
        let plan = planner.plan(for: today, week: week)
        XCTAssertEqual(fishGrams(plan, planner), [])
        XCTAssertEqual(plan.fishNote, "No fish suggested: 4.1 servings of fish (113 g each) logged in the 7 days to Tue 24 Nov 2026, and the advice is 3 a week (FDA and EPA, Advice about Eating Fish, 2021). Counting the whole of Fast foods, fish sandwich, with tartar sauce and Soup, clam chowder, new england, canned, prepared with equal volume water as fish: their fish share is not known.")
        // The sandwich alone: 220 g, 1.9 servings; 120.2 g left, more than a serving.
        let half = planner.plan(for: today, week: [week[0]])
        XCTAssertEqual(half.fishNote, "1.9 of 3 servings of fish logged in the 7 days to Tue 24 Nov 2026 (FDA and EPA, Advice about Eating Fish, 2021). Counting the whole of Fast foods, fish sandwich, with tartar sauce as fish: its fish share is not known.")
        XCTAssertTrue(fishGrams(half, planner).allSatisfy { $0 <= 113.4 + 1e-9 })
        // Plain fish logged, room left: nothing to say (as before).
        XCTAssertNil(planner.plan(for: today, week: [entry(3, "15086", 113.4, daysBefore: 2)]).fishNote)
    }

    /// A home recipe counts by its ingredients' fish: "Sunday bake" (no fish in its name) of
    /// 150 g canned tuna (15121), 200 g cooked pasta (20121) and 50 g cheddar (01009), 400 g
    /// cooked: 150 / 400 = 0.375 g of fish a gram. A 4-year-old's 320 g of it is 120 g of
    /// fish, 2.1 servings of 56.7 g: no fish. A recipe with no fish ingredient whose name
    /// names one counts whole; one of an earlier fish recipe counts by that one's share.
    func testARecipeCountsByTheFishOfItsIngredients() throws {
        var data = TestData.data
        let bake = Recipe(id: "R0001", name: "Sunday bake",
                          ingredients: [.init(foodID: "15121", grams: 150), .init(foodID: "20121", grams: 200), .init(foodID: "01009", grams: 50)],
                          cookedGrams: 400)
        let named = Recipe(id: "R0002", name: "Salmon-free fish pie", ingredients: [.init(foodID: "20121", grams: 100)], cookedGrams: 100)
        let leftovers = Recipe(id: "R0003", name: "Leftovers", ingredients: [.init(foodID: "R0001", grams: 200), .init(foodID: "20121", grams: 200)],
                               cookedGrams: 400)
        XCTAssertEqual(data.addRecipes([bake, named, leftovers]), [])
        XCTAssertEqual(data.recipeFishShares["R0001"]!, 0.375, accuracy: 1e-12)
        XCTAssertEqual(data.recipeFishShares["R0002"]!, 0)
        XCTAssertEqual(data.recipeFishShares["R0003"]!, 200 * 0.375 / 400, accuracy: 1e-12)
        let planner = data.makePlanner()
        let child = PersonProfile(name: "C", sex: .male, ageMonths: 48)
        let limits = planner.limits(for: child)
        XCTAssertEqual(planner.fishServings(in: [entry(1, "R0001", 320, daysBefore: 1)], limits: limits), 120 / 56.7, accuracy: 1e-9)
        XCTAssertEqual(planner.fishServings(in: [entry(1, "R0002", 50)], limits: limits), 50 / 56.7, accuracy: 1e-9, "its name says fish: whole")
        XCTAssertEqual(planner.fishServings(in: [entry(1, "R0003", 100)], limits: limits), 18.75 / 56.7, accuracy: 1e-9)
        let today = Report(profile: child, targets: try data.targets.targets(for: child), range: DateRange(day: day),
                           entries: [entry(10, "09003", 100)], scorer: data.scorer)
        let plan = planner.plan(for: today, week: [entry(1, "R0001", 320, daysBefore: 1)])
        XCTAssertEqual(plan.fishNote, "No fish suggested: 2.1 servings of fish (57 g each) logged in the 7 days to Tue 24 Nov 2026, and the advice is 2 a week (FDA and EPA, Advice about Eating Fish, 2021). Counting 38 g of fish in 100 g of Sunday bake, by its recipe (the fish's raw weight).")
        XCTAssertEqual(fishGrams(plan, planner), [])
    }

    /// A person's own food counts by its name, as the table's do: "Grandma's tuna casserole"
    /// is a dish counted whole; "Goldfish-shaped crackers" and "Fish sauce, my brand" are not fish.
    func testAPersonsOwnFoodsCountByTheirNames() throws {
        var data = TestData.data
        func own(_ id: String, _ name: String) -> Food {
            Food(id: id, description: name, group: "Custom foods", source: .custom, values: FoodValues([.energy: 150]),
                 portions: [Portion(amount: 1, description: "cup", grams: 200)])
        }
        try data.addCustomFoods([own("C0001", "Grandma's tuna casserole"), own("C0002", "Crackers, fish shaped"),
                                 own("C0003", "Fish sauce, my brand"), own("C0004", "Prawn curry")])
        let planner = data.makePlanner()
        let ids = ["C0001", "C0002", "C0003", "C0004"].map { data.foods.index(of: $0)! }
        XCTAssertEqual(ids.map(planner.isFish), [true, false, false, true])
        XCTAssertEqual(ids.map(planner.isFishDish), [true, false, false, true])
        let child = PersonProfile(name: "C", sex: .male, ageMonths: 48)
        XCTAssertEqual(planner.fishServings(in: [entry(1, "C0001", 60), entry(2, "C0003", 30), entry(3, "C0004", 60)],
                                            limits: planner.limits(for: child)), 120 / 56.7, accuracy: 1e-9)
    }

    /// Every life stage from 1 year, weeks of fish dishes from none to past the advice: the
    /// fish logged plus the plan's fish never passes the week's servings (by
    /// fish_servings.csv's text), a plan has at most one fish item of at most a serving, and
    /// none once the week is full. Fish is told by the reviewed list, not by the planner.
    func testNoPlanPassesTheWeeksFishForAnyLifeStage() throws {
        let planner = data.makePlanner()
        let path = TestData.packageRoot.appendingPathComponent("Tests/Fixtures/fish-foods.csv").path
        let outside = Set(try TestData.rows(try String(contentsOfFile: path, encoding: .utf8)).filter { $0[1] == "counts" }.map { $0[0] })
        func isFish(_ food: Int) -> Bool { data.foods.group(at: food) == FishFoodsTests.fishGroup || outside.contains(data.foods.ids[food]) }
        let bands = try TestData.csvTable("fish_servings.csv")
        let people = [PersonProfile(name: "toddler", sex: .female, ageMonths: 20), PersonProfile(name: "child", sex: .male, ageMonths: 60),
                      PersonProfile(name: "child", sex: .female, ageMonths: 100), PersonProfile(name: "teen", sex: .male, ageMonths: 150),
                      PersonProfile(name: "woman", sex: .female, ageMonths: 360),
                      PersonProfile(name: "pregnant", sex: .female, ageMonths: 300, condition: .pregnancy),
                      PersonProfile(name: "lactating", sex: .female, ageMonths: 320, condition: .lactation)]
        let weeks: [[Entry]] = [
            [],
            [entry(1, "21105", 110, daysBefore: 2)],                                    // half a fish sandwich
            [entry(1, "06430", 124, daysBefore: 1), entry(2, "25070", 20, daysBefore: 4)], // chowder, shrimp crackers
            [entry(1, "21214", 100, daysBefore: 6), entry(2, "15128", 40, daysBefore: 3), entry(3, "36620", 80, daysBefore: 1)],
            [entry(1, "21232", 134, daysBefore: 2), entry(2, "06048", 250, daysBefore: 1), entry(3, "15027", 114, daysBefore: 5)],
        ]
        var planned = 0
        for person in people {
            let band = try XCTUnwrap(bands.first { row in
                row["condition"] == person.condition.rawValue
                    && (row["age_from_months"]!.isEmpty || person.ageMonths! >= Int(row["age_from_months"]!)!)
                    && (row["age_to_months"]!.isEmpty || person.ageMonths! < Int(row["age_to_months"]!)!)
            })
            let serving = Double(band["serving_g"]!)!, weekGrams = serving * Double(band["servings_per_week"]!)!
            for (w, week) in weeks.enumerated() {
                let today = try report(person, [entry(10, "09003", 100)])
                let plan = planner.plan(for: today, week: week)
                let logged = week.reduce(0) { $0 + (isFish(data.foods.index(of: $1.foodID)!) ? $1.grams : 0) }
                let fish = plan.items.filter { isFish($0.food.index) }.map(\.grams)
                let context = "\(person.name) \(person.ageMonths!) months, week \(w): \(plan.items.map(\.portionText))"
                XCTAssertLessThanOrEqual(fish.count, 1, context)
                XCTAssertTrue(fish.allSatisfy { $0 <= serving + 1e-9 }, context)
                if logged >= weekGrams - 1e-9 { XCTAssertEqual(fish, [], context) } else { XCTAssertLessThanOrEqual(logged + fish.reduce(0, +), weekGrams + 1e-9, context) }
                if logged > 0 { XCTAssertNotNil(plan.fishNote, "every week here has a dish counted whole: \(context)") }
                planned += fish.count
            }
        }
        XCTAssertGreaterThan(planned, 0, "some plan suggests fish, or the check checks nothing")
    }

    /// A 2-year-old (1 oz, 2 a week: 56.7 g) who had a 57 g piece of fish sticks today is at
    /// the week's limit: today's entries count as the week's do, each entry once.
    func testADayAtTheWeeksLimitThroughFishSticks() throws {
        let planner = data.makePlanner()
        let toddler = PersonProfile(name: "T", sex: .female, ageMonths: 24)
        let sticks = entry(1, "15027", 57)
        let today = try report(toddler, [sticks])
        for week in [[], [sticks]] {
            let plan = planner.plan(for: today, week: week)
            XCTAssertEqual(fishGrams(plan, planner), [])
            XCTAssertEqual(plan.fishNote, "No fish suggested: 2 servings of fish (28 g each) logged in the 7 days to Tue 24 Nov 2026, and the advice is 2 a week (FDA and EPA, Advice about Eating Fish, 2021). Counting the whole of Fish, fish sticks, frozen, prepared as fish: its fish share is not known.")
        }
        // 56 g (two sticks) leaves 0.7 g: no fish portion fits, and the plan says it is limited.
        let two = try report(toddler, [entry(1, "15027", 56)])
        let plan = planner.plan(for: two)
        XCTAssertEqual(fishGrams(plan, planner), [])
        XCTAssertTrue(plan.fishNote?.hasPrefix("Fish in this plan at most 1 g: 2 servings") ?? false, plan.fishNote ?? "no note")
    }
}
