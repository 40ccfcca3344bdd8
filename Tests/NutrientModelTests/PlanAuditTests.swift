import Foundation
import XCTest
@testable import NutrientModel

/// Plans on many varied days, for every life stage and many diets, each checked against
/// every constraint by rules read here from the text of Data/ (planner.csv, diets.csv,
/// plan_limits.csv, fish_servings.csv, safety.csv, rules.csv) and by word lists of this
/// file, never by asking the planner under test what it allows.
final class PlanAuditTests: XCTestCase {
    let data = TestData.data
    let day = LocalDate(year: 2026, month: 11, day: 24)!

    func words(_ food: Int) -> [String] {
        data.foods.descriptions[food].lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    static func contains(_ words: [String], _ phrase: [String], outside kept: [Bool]? = nil) -> Bool {
        guard !phrase.isEmpty, phrase.count <= words.count else { return false }
        for start in 0...(words.count - phrase.count) where Array(words[start..<(start + phrase.count)]) == phrase {
            if let kept, !(start..<(start + phrase.count)).contains(where: { !kept[$0] }) { continue }
            return true
        }
        return false
    }

    static func kept(_ words: [String], _ keeps: [[String]]) -> [Bool] {
        var kept = [Bool](repeating: false, count: words.count)
        for phrase in keeps where !phrase.isEmpty && phrase.count <= words.count {
            for start in 0...(words.count - phrase.count) where Array(words[start..<(start + phrase.count)]) == phrase {
                for i in start..<(start + phrase.count) { kept[i] = true }
            }
        }
        return kept
    }

    static func tokens(_ text: String) -> [String] { text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init) }

    /// Whom planner.csv's `who` names, from a person's age and condition, as the file's
    /// README defines them.
    static func applies(_ who: String, age: Int, condition: PhysiologicalCondition) -> Bool {
        switch who {
        case "everyone": true
        case "from_12_months": age >= 12
        case "infant", "under_12_months": age < 12
        case "under_4_years": age < 48
        case "under_18_years": age < 216
        case "pregnancy": condition == .pregnancy
        case "lactation": condition == .lactation
        default: false
        }
    }

    /// Why planner.csv leaves a food out for this person, read from the file's text.
    func plannerExclusion(_ food: Int, age: Int, condition: PhysiologicalCondition) throws -> String? {
        let group = data.foods.group(at: food), words = self.words(food)
        let rows = try TestData.csvTable("planner.csv").filter { Self.applies($0["who"]!, age: age, condition: condition) }
        var byWho: [String: [[String: String]]] = [:]
        for row in rows { byWho[row["who"]!, default: []].append(row) }
        for (who, rows) in byWho {
            let kept = Self.kept(words, rows.filter { $0["kind"] == "keep" }.map { Self.tokens($0["value"]!) })
            let only = rows.filter { $0["kind"] == "only_group" }.map { $0["value"]! }
            if !only.isEmpty, !only.contains(group) { return "\(who): only \(only)" }
            for row in rows {
                let value = row["value"]!
                switch row["kind"] {
                case "group" where value == group: return "\(who): group \(value)"
                case "word" where Self.contains(words, Self.tokens(value), outside: kept): return "\(who): word \(value)"
                case "group_word":
                    let parts = value.split(separator: ";", maxSplits: 1).map(String.init)
                    if parts[0] == group, Self.contains(words, Self.tokens(parts[1]), outside: kept) { return "\(who): \(value)" }
                default: break
                }
            }
        }
        return nil
    }

    /// Why diets.csv leaves a food out, read from the file's text: a group, or a word or
    /// phrase outside that diet's own keep phrases; included diets with their own keeps.
    func dietExclusion(_ food: Int, diets: Set<String>) throws -> String? {
        let rows = try TestData.csvTable("diets.csv"), group = data.foods.group(at: food), words = self.words(food)
        func check(_ diet: String, _ seen: inout Set<String>) -> String? {
            guard seen.insert(diet).inserted else { return nil }
            let mine = rows.filter { $0["diet"] == diet }
            if mine.contains(where: { $0["kind"] == "group" && $0["value"] == group }) { return "\(diet): group \(group)" }
            let kept = Self.kept(words, mine.filter { $0["kind"] == "keep" }.map { Self.tokens($0["value"]!) })
            for row in mine where row["kind"] == "word" && Self.contains(words, Self.tokens(row["value"]!), outside: kept) {
                return "\(diet): \(row["value"]!)"
            }
            for row in mine where row["kind"] == "include" { if let reason = check(row["value"]!, &seen) { return reason } }
            return nil
        }
        var seen = Set<String>()
        for diet in diets.sorted() { if let reason = check(diet, &seen) { return reason } }
        return nil
    }

    struct Limits { var itemMin = 0.0, itemMax = 0.0, itemKcal = 0.0, planKcal = 0.0, fish = 0.0 }

    func limits(age: Int, condition: PhysiologicalCondition) throws -> Limits {
        func band(_ file: String) throws -> [String: String] {
            let rows = try TestData.csvTable(file)
            func fits(_ row: [String: String], _ condition: PhysiologicalCondition) -> Bool {
                row["condition"] == condition.rawValue
                    && (row["age_from_months"]!.isEmpty || age >= Int(Double(row["age_from_months"]!)!))
                    && (row["age_to_months"]!.isEmpty || age < Int(Double(row["age_to_months"]!)!))
            }
            return try XCTUnwrap(rows.first { fits($0, condition) } ?? rows.first { fits($0, .none) })
        }
        let stage = try band("plan_limits.csv"), fish = try band("fish_servings.csv")
        return Limits(itemMin: Double(stage["item_min_g"]!)!, itemMax: Double(stage["item_max_g"]!)!,
                      itemKcal: Double(stage["item_max_kcal"]!)!, planKcal: Double(stage["plan_max_kcal"]!)!,
                      fish: Double(fish["serving_g"]!)!)
    }

    // Word lists of this file: what must never be suggested, whatever Data/ says.
    static let neverAsEaten: [[String]] = [["powder"], ["dry", "mix"], ["agar"], ["formulated"], ["dehydrated"], ["meal", "replacement"],
                                           ["unprepared"], ["concentrate"], ["formula"]]
    static let mercuryFish: [[String]] = [["mackerel", "king"], ["king", "mackerel"], ["marlin"], ["roughy"], ["shark"], ["swordfish"],
                                          ["tilefish"], ["bigeye"]]
    static let chokingUnder4: [[String]] = [["nuts"], ["almonds"], ["walnuts"], ["peanuts"], ["popcorn"], ["grapes"], ["seeds"], ["frankfurter"],
                                            ["candies"], ["marshmallows"]]
    static let pregnancyAvoid: [[String]] = [["liver"], ["liverwurst"], ["pate"], ["giblets"], ["caviar"], ["roe"], ["sushi"], ["smoked"], ["lox"],
                                             ["bologna"], ["salami"], ["luncheon"], ["frankfurter"], ["unpasteurized"], ["brie"], ["feta"]]

    /// The foods outside the fish group that count as fish, from the reviewed list
    /// (Tests/Fixtures/fish-foods.csv), not from the planner.
    static let fishOutsideTheGroup: Set<String> = {
        let path = TestData.packageRoot.appendingPathComponent("Tests/Fixtures/fish-foods.csv").path
        let rows = (try? TestData.rows(String(contentsOfFile: path, encoding: .utf8))) ?? []
        return Set(rows.filter { $0.count > 1 && $0[1] == "counts" }.map { $0[0] })
    }()

    func audit(_ plan: GapPlan, entries: [Entry], person: PersonProfile, name: String) throws {
        let age = person.ageMonths ?? 360
        let context = "\(name), \(person.name) \(age) months \(person.condition.rawValue) \(person.diets.sorted())"
        func fail(_ message: String) { XCTFail("\(context): \(message)") }
        let before = Report(profile: person, targets: try data.targets.targets(for: person), range: DateRange(day: day), entries: entries,
                            scorer: data.scorer)
        if age < 6 {
            if !plan.items.isEmpty { fail("a plan of foods under 6 months") }
            if !plan.gaps.isEmpty, plan.withheld == nil { fail("no reason given for no plan under 6 months") }
            return
        }
        let limits = try self.limits(age: age, condition: person.condition)
        XCTAssertLessThanOrEqual(plan.items.count, 3, context)
        if plan.addedKcal > limits.planKcal + 1e-6 { fail("adds \(plan.addedKcal) kcal, over \(limits.planKcal)") }
        var all = entries
        var fishItems = 0
        for (offset, item) in plan.items.enumerated() {
            let food = item.food.index, words = self.words(food), group = data.foods.group(at: food)
            let label = "\(data.foods.ids[food]) \(item.food.description) \(item.portionText)"
            if let why = try plannerExclusion(food, age: age, condition: person.condition) { fail("\(label): planner.csv leaves it out (\(why))") }
            if let why = try dietExclusion(food, diets: person.diets) { fail("\(label): diets.csv leaves it out (\(why))") }
            for phrase in Self.neverAsEaten where Self.contains(words, phrase) { fail("\(label): not eaten as such (\(phrase))") }
            // Organ meats, whatever SR28 calls them ("kidneys", or "kidney" for the New Zealand
            // imports); kidney beans are a legume.
            if (words.contains("kidney") || words.contains("kidneys")), !words.contains("beans") { fail("\(label): an organ meat") }
            if group == "Finfish and Shellfish Products", words.contains("salted") { fail("\(label): salt-cured fish") }
            if age < 12, group != "Baby Foods" { fail("\(label): an infant's plan has a food not made for infants") }
            if age < 12, words.contains("honey") { fail("\(label): honey before 12 months") }
            if age < 48 { for phrase in Self.chokingUnder4 where Self.contains(words, phrase) { fail("\(label): a choking hazard (\(phrase))") } }
            if age < 216 || person.condition != .none {
                for phrase in Self.mercuryFish where Self.contains(words, phrase) { fail("\(label): a fish to avoid (\(phrase))") }
            }
            if person.condition == .pregnancy {
                for phrase in Self.pregnancyAvoid where Self.contains(words, phrase) { fail("\(label): avoided in pregnancy (\(phrase))") }
                if group == "Sausages and Luncheon Meats" { fail("\(label): deli meat in pregnancy") }
            }
            // The portion: a number of one of the food's own measures.
            let measures = data.foods.portions(at: food).filter { $0.description == item.measure }
            if measures.isEmpty { fail("\(label): \"\(item.measure)\" is not one of its measures") }
            let step = measures.compactMap { m -> Double? in
                let s = item.servings / m.amount
                return [0.25, 0.5, 1, 1.5, 2].contains(where: { abs($0 - s) < 1e-9 }) && abs(m.grams * s - item.grams) < 1e-6 ? s : nil
            }
            if step.isEmpty { fail("\(label): not ¼, ½, 1, 1½ or 2 of the measure") }
            if item.portionText.contains("× 100 g") || item.measure == "g" { fail("\(label): a portion by weight, not a measure") }
            if item.grams > limits.itemMax + 1e-6 || item.grams < limits.itemMin - 1e-6 { fail("\(label): \(item.grams) g outside \(limits.itemMin)-\(limits.itemMax)") }
            let kcal = (data.foods.values(at: food)[.energy] ?? 0) * item.grams / 100
            XCTAssertEqual(item.kcal, kcal, accuracy: 1e-6, context)
            if kcal > limits.itemKcal + 1e-6 { fail("\(label): \(kcal) kcal, over \(limits.itemKcal)") }
            if group == "Fats and Oils", item.grams > 15 + 1e-6 { fail("\(label): more than a tablespoon of oil") }
            if group == "Finfish and Shellfish Products" || Self.fishOutsideTheGroup.contains(data.foods.ids[food]) {
                fishItems += 1
                if item.grams > limits.fish + 1e-6 { fail("\(label): more than a fish serving (\(limits.fish) g)") }
            }
            all.append(Entry(id: 1000 + Int64(offset), date: day, meal: .snack, foodID: data.foods.ids[food], grams: item.grams,
                             loggedAt: Date(timeIntervalSince1970: 0)))
        }
        if fishItems > 1 { fail("\(fishItems) fish servings in one plan") }
        let after = Report(profile: person, targets: before.targets, range: DateRange(day: day), entries: all, scorer: data.scorer)
        let epaDhaMax = try XCTUnwrap(Double(try TestData.csvTable("rules.csv").first { $0["key"] == "plan_epa_dha_max_mg" }!["value"]!))
        for (n, score) in after.scores.enumerated() {
            let was = before.scores[n]
            if score.status == .aboveUL {
                if was.status != .aboveUL { fail("\(score.nutrient) passes its UL") }
                else if (score.upperLimitAmount ?? 0) > (was.upperLimitAmount ?? 0) + 1e-9 { fail("\(score.nutrient) above its UL gets more") }
            }
            if score.nutrient == .epaDha, (score.amount ?? 0) > max(epaDhaMax, was.amount ?? 0) + 1e-6 { fail("EPA + DHA past \(epaDhaMax) mg") }
            if plan.gaps.contains(score.nutrient), !plan.remaining.contains(where: { $0.nutrient == score.nutrient }),
               (score.percent ?? 0) < 100 - 1e-6 {
                fail("\(score.nutrient) said closed but at \(score.percent ?? 0) %")
            }
        }
        for (nutrient, reason) in plan.remaining {
            if (after.score(of: nutrient).percent ?? 0) >= 100 { fail("\(nutrient) said short but met") }
            if reason.isEmpty { fail("no reason for \(nutrient)") }
        }
    }

    func entry(_ id: Int64, _ food: String, _ grams: Double) -> Entry {
        Entry(id: id, date: day, meal: .lunch, foodID: food, grams: grams, loggedAt: Date(timeIntervalSince1970: Double(id)))
    }

    /// Days: empty, ordinary, already above the vitamin A, D or EPA + DHA limit, and days
    /// of foods drawn across the whole table.
    func days() -> [(String, [Entry])] {
        var days: [(String, [Entry])] = [
            ("an empty day", []),
            ("a salad", [entry(1, "11457", 60)]),
            ("fish and eggs", [entry(1, "15236", 150), entry(2, "01129", 100)]),
            ("above the vitamin A UL (liver)", [entry(1, "13325", 150)]),
            ("above the vitamin D UL (softgels)", [entry(1, "S0002", 1.5)]),
            ("above 5 g EPA + DHA", [entry(1, "15236", 400)]),
            ("milk and a banana", [entry(1, "01077", 250), entry(2, "09040", 120)]),
        ]
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int(seed >> 33)
        }
        for d in 0..<5 {
            let foods = (0..<(2 + d % 3)).map { i in entry(Int64(i + 1), data.foods.ids[next() % data.foods.count], Double(30 + next() % 170)) }
            days.append(("table day \(d)", foods))
        }
        return days
    }

    static let people: [PersonProfile] = [
        PersonProfile(name: "newborn", sex: .female, ageMonths: 3),
        PersonProfile(name: "infant", sex: .male, ageMonths: 8),
        PersonProfile(name: "toddler", sex: .female, ageMonths: 20),
        PersonProfile(name: "child 3", sex: .male, ageMonths: 40),
        PersonProfile(name: "child 6", sex: .female, ageMonths: 72),
        PersonProfile(name: "child 9", sex: .male, ageMonths: 110),
        PersonProfile(name: "child 12", sex: .female, ageMonths: 150),
        PersonProfile(name: "teen", sex: .male, ageMonths: 200),
        PersonProfile(name: "teen", sex: .female, ageMonths: 200, condition: .pregnancy),
        PersonProfile(name: "woman", sex: .female, ageMonths: 360),
        PersonProfile(name: "man", sex: .male, ageMonths: 500),
        PersonProfile(name: "pregnant", sex: .female, ageMonths: 350, condition: .pregnancy),
        PersonProfile(name: "lactating", sex: .female, ageMonths: 380, condition: .lactation),
        PersonProfile(name: "older", sex: .female, ageMonths: 900),
    ]
    static let dietSets: [Set<String>] = [[], ["vegan"], ["vegetarian"], ["no_fish"], ["no_nuts", "no_dairy"], ["no_gluten", "no_soy"],
                                          ["no_egg", "no_sesame"], ["pescatarian"], ["no_milk"], ["no_crustaceans", "no_molluscs"],
                                          ["no_wheat"], ["no_peanuts", "no_tree_nuts"], ["no_meat"]]

    func testPlansKeepEveryConstraintForEveryLifeStageAndDiet() throws {
        let planner = data.makePlanner()
        let days = self.days()
        var count = 0, slowest = 0.0, total = 0.0
        for (p, base) in Self.people.enumerated() {
            // Every person meets every day with no diet, and three of the diet sets in turn.
            for (d, (name, entries)) in days.enumerated() {
                var person = base
                person.diets = d % 2 == 0 ? [] : Self.dietSets[(p * 3 + d) % Self.dietSets.count]
                let report = Report(profile: person, targets: try data.targets.targets(for: person), range: DateRange(day: day),
                                    entries: entries, scorer: data.scorer)
                let start = Date()
                let plan = planner.plan(for: report, diets: person.diets)
                slowest = max(slowest, Date().timeIntervalSince(start))
                total += Date().timeIntervalSince(start)
                try audit(plan, entries: entries, person: person, name: name)
                count += 1
            }
        }
        // Every diet set on an empty day for an adult and a child.
        for diets in Self.dietSets {
            for base in [Self.people[9], Self.people[4]] {
                var person = base
                person.diets = diets
                let report = Report(profile: person, targets: try data.targets.targets(for: person), range: DateRange(day: day),
                                    entries: [], scorer: data.scorer)
                try audit(planner.plan(for: report, diets: diets), entries: [], person: person, name: "empty day")
                count += 1
            }
        }
        XCTAssertGreaterThan(count, 150)
        print("audited \(count) plans; slowest \(Int(slowest * 1000)) ms, \(Int(total * 1000)) ms in all (a debug build)")
    }

    /// The foods a plan may suggest to anyone, over the whole table: none that is eaten
    /// only as an ingredient or concentrate, none without a household measure.
    func testNoFoodEatenOnlyAsAnIngredientIsEverAllowed() throws {
        let planner = data.makePlanner()
        var leaks: [String] = []
        for food in 0..<data.foods.count where planner.allows(food, diets: []) {
            let words = self.words(food), group = data.foods.group(at: food)
            if Self.neverAsEaten.contains(where: { Self.contains(words, $0) })
                || (group == "Dairy and Egg Products" && words.contains("dried"))
                || words.contains("gelatins") || data.foods.portions(at: food).isEmpty {
                leaks.append("\(data.foods.ids[food]) \(data.foods.descriptions[food])")
            }
        }
        XCTAssertEqual(leaks, [], leaks.prefix(30).joined(separator: "\n"))
        // An infant's foods are all made for infants, and none has honey.
        let infant = PersonProfile(name: "I", sex: .female, ageMonths: 9)
        let allowed = (0..<data.foods.count).filter { planner.allows($0, diets: [], for: infant) }
        XCTAssertFalse(allowed.isEmpty)
        for food in allowed {
            XCTAssertEqual(data.foods.group(at: food), "Baby Foods", data.foods.descriptions[food])
            XCTAssertFalse(words(food).contains("honey"), data.foods.descriptions[food])
        }
        // An adult's are none of them.
        XCTAssertFalse((0..<data.foods.count).contains { planner.allows($0, diets: []) && data.foods.group(at: $0) == "Baby Foods" })
    }

    func testNoOrganMeatIsAllowedWhateverSR28CallsItButKidneyBeansAre() {
        // SR28 writes "kidneys" for most organ cuts and "kidney" for the New Zealand imports
        // (17364, 17367, 23421, 23423) and the Alaska Native foods.
        let planner = data.makePlanner()
        var organs: [String] = [], beans = 0
        for food in 0..<data.foods.count {
            let words = self.words(food)
            guard words.contains("kidney") || words.contains("kidneys") else { continue }
            if words.contains("beans") {
                if planner.allows(food, diets: []) { beans += 1 }
            } else if planner.allows(food, diets: []) {
                organs.append("\(data.foods.ids[food]) \(data.foods.descriptions[food])")
            }
        }
        XCTAssertEqual(organs, [])
        XCTAssertGreaterThan(beans, 5, "cooked and canned kidney beans stay")
        for id in ["17364", "17367", "23421", "23423"] {
            XCTAssertFalse(planner.allows(data.foods.index(of: id)!, diets: []), id)
        }
        XCTAssertTrue(planner.allows(data.foods.index(of: "16028")!, diets: []), "kidney beans, boiled")
    }

    func testPortionsAreCountsOfTheFoodsOwnMeasures() throws {
        XCTAssertEqual(PlanItem.count(0.25), "¼")
        XCTAssertEqual(PlanItem.count(1.5), "1½")
        XCTAssertEqual(PlanItem.count(2), "2")
        XCTAssertEqual(PlanItem.measure("cup, chopped", plural: true), "cups, chopped")
        XCTAssertEqual(PlanItem.measure("oz", plural: true), "oz")
        let planner = data.makePlanner()
        let adult = planner.limits(for: PersonProfile(name: "A", sex: .female, ageMonths: 360))
        let toddler = planner.limits(for: PersonProfile(name: "T", sex: .female, ageMonths: 24))
        XCTAssertEqual(adult.fishServingGrams, 113.4, accuracy: 0.01)
        XCTAssertEqual(toddler.fishServingGrams, 28.35, accuracy: 0.01)
        // Canned tuna for a 2-year-old: at most an ounce.
        let tuna = try XCTUnwrap(data.foods.index(of: "15121"))
        let portions = planner.portions(of: tuna, limits: toddler)
        XCTAssertFalse(portions.isEmpty)
        XCTAssertTrue(portions.allSatisfy { $0.grams <= 28.35 + 1e-9 }, "\(portions)")
        // A tablespoon of oil at most.
        let oil = try XCTUnwrap(data.foods.index(of: "04053"))
        XCTAssertTrue(planner.portions(of: oil, limits: adult).allSatisfy { $0.grams <= 15 }, "\(planner.portions(of: oil, limits: adult))")
    }
}

/// The week's fish advice and the fast word splitter.
final class FishWeekTests: XCTestCase {
    let data = TestData.data
    let day = LocalDate(year: 2026, month: 11, day: 24)!

    func testNoFishIsPlannedOnceTheWeeksServingsAreLogged() throws {
        let planner = data.makePlanner()
        let child = PersonProfile(name: "C", sex: .female, ageMonths: 72)  // 2 oz, 2 a week
        let report = Report(profile: child, targets: try data.targets.targets(for: child), range: DateRange(day: day), entries: [],
                            scorer: data.scorer)
        let open = planner.plan(for: report)
        XCTAssertNil(open.fishNote)
        // Two 57 g servings of cooked salmon earlier in the week: no more fish.
        let week = [1, 3].map { offset in
            Entry(id: Int64(offset), date: day.adding(days: -offset), meal: .dinner, foodID: "15086", grams: 57, loggedAt: Date(timeIntervalSince1970: 0))
        }
        XCTAssertEqual(planner.fishServings(in: week, limits: planner.limits(for: child)), 114 / 56.7, accuracy: 1e-9)
        let plan = planner.plan(for: report, week: week)
        XCTAssertFalse(plan.items.contains { planner.isFish($0.food.index) }, "\(plan.items.map(\.food.description))")
        let note = try XCTUnwrap(plan.fishNote)
        XCTAssertTrue(note.contains("2 a week"), note)
        XCTAssertTrue(plan.lines(review: data.review(report)).contains(note))
        // One serving (57 g) leaves room for one more, of at most what is left of the week
        // (113.4 - 57 = 56.4 g), and the plan says so.
        let one = planner.plan(for: report, week: [week[0]])
        XCTAssertEqual(one.fishNote, "Fish in this plan at most 56 g: 1 serving of fish (57 g each) logged in the 7 days to Tue 24 Nov 2026, and the advice is 2 a week (FDA and EPA, Advice about Eating Fish, 2021).")
        XCTAssertTrue(one.items.filter { planner.isFish($0.food.index) }.allSatisfy { $0.grams <= 56.4 + 1e-9 }, "\(one.items.map(\.portionText))")
    }

}

/// `plan(using:)`: portion control of foods the person eats.
final class PortionControlTests: XCTestCase {
    let data = TestData.data
    let day = LocalDate(year: 2026, month: 11, day: 24)!

    /// The week's own foods for portion control (`gaps --using-logged`, the dashboard's gap
    /// screen): the most grams logged first (a food's entries added up), ties by the table's
    /// order, foods the table lacks left out, at most eight.
    func testTheWeeksLoggedFoodsAreTheMostGramsFirstAtMostEight() {
        let planner = data.makePlanner()
        func entry(_ id: Int64, _ food: String, _ grams: Double) -> Entry {
            Entry(id: id, date: day, meal: .lunch, foodID: food, grams: grams, loggedAt: Date(timeIntervalSince1970: Double(id)))
        }
        let week = [entry(1, "11457", 60), entry(2, "15237", 50), entry(3, "15237", 50), entry(4, "12155", 30),
                    entry(5, "C9999", 500), entry(6, "01009", 30)]
        let ids = planner.loggedFoods(in: week).map { data.foods.ids[$0] }
        XCTAssertEqual(ids, ["15237", "11457", "01009", "12155"], "100 g of salmon in two entries first; 30 g each by the table's order")
        let many = ["11457", "15237", "12155", "01009", "08121", "09003", "01123", "11124", "16057", "12061"].enumerated().map {
            entry(Int64($0.offset + 1), $0.element, Double(100 - $0.offset))
        }
        XCTAssertEqual(planner.loggedFoods(in: many).map { data.foods.ids[$0] }, Array(many.prefix(GapPlanner.maxUsingFoods).map(\.foodID)))
        XCTAssertEqual(planner.loggedFoods(in: []), [])
    }

    /// Portion control: a plan of only the foods named, each at most once, in their own
    /// measures, within the life stage's limits; a named food the rules leave out is said.
    func testAPlanOfNamedFoodsUsesOnlyThemWithinTheLimits() throws {
        let planner = data.makePlanner()
        let adult = PersonProfile(name: "A", sex: .female, ageMonths: 40 * 12)
        let targets = try data.targets.targets(for: adult)
        let oats = Entry(id: 1, date: day, meal: .breakfast, foodID: "08121", grams: 234, loggedAt: Date(timeIntervalSince1970: 0))
        let report = Report(profile: adult, targets: targets, range: DateRange(day: day), entries: [oats], scorer: data.scorer)
        // Farmed salmon cooked (15237), walnuts (12155), raw spinach (11457), and cheddar (01009).
        let named = ["15237", "12155", "11457", "01009"].map { data.foods.index(of: $0)! }
        let plan = planner.plan(for: report, using: named)
        XCTAssertEqual(plan.using?.map(\.index), named)
        XCTAssertFalse(plan.items.isEmpty)
        XCTAssertEqual(Set(plan.items.map(\.food.index)).count, plan.items.count, "a food twice")
        let limits = planner.limits(for: adult)
        for item in plan.items {
            XCTAssertTrue(named.contains(item.food.index), item.food.description)
            XCTAssertLessThanOrEqual(item.grams, limits.itemMaxGrams + 1e-9)
            XCTAssertLessThanOrEqual(item.kcal, limits.itemMaxKcal + 1e-9)
            // A count of one of the food's own measures.
            let measures = data.foods.portions(at: item.food.index)
            XCTAssertTrue(measures.contains { abs($0.gramsPerUnit * item.servings - item.grams) < 1e-6 }, item.portionText)
        }
        XCTAssertLessThanOrEqual(plan.addedKcal, limits.planMaxKcal + 1e-9)
        // After the plan each nutrient is what the day had plus what the items add.
        for (n, _) in Nutrient.allCases.enumerated() {
            XCTAssertEqual(plan.after[n], plan.before[n] + plan.items.reduce(0) { $0 + $1.adds[n] }, accuracy: 1e-9)
        }
        XCTAssertTrue(plan.leftOut.isEmpty)
        // No dairy: the cheddar is left out, with the diet's reason, and never planned.
        let noDairy = planner.plan(for: report, diets: ["no_dairy"], using: named)
        XCTAssertEqual(noDairy.leftOut.map(\.food.index), [data.foods.index(of: "01009")!])
        XCTAssertTrue(noDairy.leftOut[0].reason.hasPrefix("no dairy"), noDairy.leftOut[0].reason)
        XCTAssertFalse(noDairy.items.contains { $0.food.index == data.foods.index(of: "01009")! })
        XCTAssertTrue(noDairy.lines(review: data.review(report)).contains { $0.hasPrefix("Left out: Cheese, cheddar") })
        // Only cheddar, for no_dairy: no plan, and it says why.
        let none = planner.plan(for: report, diets: ["no_dairy"], using: [data.foods.index(of: "01009")!])
        XCTAssertTrue(none.items.isEmpty)
        XCTAssertTrue(none.lines(review: data.review(report)).contains("No plan: none of these foods closes any gap within the limits."))
        XCTAssertTrue(none.remaining.allSatisfy { $0.reason.hasPrefix("none of the foods named gives any") }, "\(none.remaining)")
    }

    /// Two foods that differ only by salt are one food to a plan, even when both are named.
    func testAPlanNeverHoldsAFoodWithAndWithoutSalt() throws {
        let planner = data.makePlanner()
        let adult = PersonProfile(name: "A", sex: .male, ageMonths: 40 * 12)
        let report = Report(profile: adult, targets: try data.targets.targets(for: adult), range: DateRange(day: day), entries: [],
                            scorer: data.scorer)
        // Mature soybeans, boiled, without salt (16109) and with salt (16409).
        let without = data.foods.index(of: "16109")!, with = data.foods.index(of: "16409")!
        XCTAssertTrue(data.foods.descriptions[with].contains("with salt"), data.foods.descriptions[with])
        let plan = planner.plan(for: report, using: [without, with])
        XCTAssertEqual(plan.items.count, 1, "\(plan.items.map(\.food.description))")
        // And no plan from the whole table holds such a pair, on many days.
        for seed in 0..<12 {
            let entries = (0..<seed % 4).map { i in
                Entry(id: Int64(i), date: day, meal: .lunch, foodID: ["08121", "01123", "11457", "09003"][(seed + i) % 4], grams: 100,
                      loggedAt: Date(timeIntervalSince1970: 0))
            }
            let person = PersonProfile(name: "P", sex: seed % 2 == 0 ? .female : .male, ageMonths: [30, 100, 200, 480][seed % 4])
            let dayReport = Report(profile: person, targets: try data.targets.targets(for: person), range: DateRange(day: day),
                                   entries: entries, scorer: data.scorer)
            let items = planner.plan(for: dayReport, diets: seed % 3 == 0 ? ["vegan"] : []).items
            let words = items.map { Set(PlanAuditTests.tokens($0.food.description)).subtracting(["with", "without", "salt", "added"]) }
            for a in items.indices {
                for b in items.indices where a < b && data.foods.group(at: items[a].food.index) == data.foods.group(at: items[b].food.index) {
                    XCTAssertGreaterThan(words[a].symmetricDifference(words[b]).count, 1,
                                         "\(items[a].food.description) and \(items[b].food.description)")
                }
            }
        }
    }

    func testANamedFoodThatAddsToANutrientAboveItsLimitIsLeftOut() throws {
        let planner = data.makePlanner()
        let adult = PersonProfile(name: "A", sex: .female, ageMonths: 40 * 12)
        // Two retinyl palmitate softgels (S0010): 6,000 µg of retinol, twice the UL.
        let softgels = Entry(id: 1, date: day, meal: .breakfast, foodID: "S0010", grams: data.foods.portions(at: data.foods.index(of: "S0010")!)[0].grams * 2,
                             loggedAt: Date(timeIntervalSince1970: 0))
        let report = Report(profile: adult, targets: try data.targets.targets(for: adult), range: DateRange(day: day), entries: [softgels],
                            scorer: data.scorer)
        XCTAssertEqual(report.score(of: .vitaminA).status, .aboveUL)
        // Beef liver (13327) adds retinol; almonds (12061) no vitamin A at all (walnuts'
        // carotenoids would be left out too: no food adding any vitamin A is suggested).
        let liver = data.foods.index(of: "13327")!, walnuts = data.foods.index(of: "12061")!
        let plan = planner.plan(for: report, using: [liver, walnuts])
        XCTAssertEqual(plan.leftOut.map(\.food.index), [liver])
        XCTAssertTrue(plan.leftOut[0].reason.contains("already above the upper limit"), plan.leftOut[0].reason)
        XCTAssertTrue(plan.items.allSatisfy { $0.food.index == walnuts })
    }

    func testTheWordSplitterAgreesWithCharacterRules() {
        for food in stride(from: 0, to: data.foods.count, by: 7) {
            let text = data.foods.descriptions[food]
            XCTAssertEqual(FoodWords.words(of: text), text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init), text)
        }
        XCTAssertEqual(FoodWords.words(of: "Pâté, 2% fat"), ["pâté", "2", "fat"])
    }
}
