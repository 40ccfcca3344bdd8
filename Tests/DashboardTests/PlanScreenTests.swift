import Dashboard
import Foundation
import NutrientModel
import XCTest

/// Issue 18 in the dashboard: a food the profile's diets leave out asks before it is saved;
/// the gap screen's portions of the week's own foods (the model's `plan(using:)`); the
/// model's ranking on the sources screen, its basis cycled. At 80 × 24 and 120 × 40.
final class PlanScreenTests: XCTestCase {
    /// The week: 100 g salmon today, 60 g raw spinach yesterday, 30 g walnuts two days ago.
    static let week = [Fixture.entry(1, "15236", 100), Fixture.entry(2, "11457", 60, on: Fixture.today.adding(days: -1)),
                       Fixture.entry(3, "12155", 30, on: Fixture.today.adding(days: -2))]

    static func noFish(width: Int = 80, height: Int = 24) -> AppState {
        var profile = Fixture.person
        profile.diets = ["no_fish"]
        return Fixture.state(width: width, height: height, entries: Self.week, profile: profile)
    }

    /// The amount form of 150 g of raw Atlantic salmon (the search lists the foods the diet
    /// allows first: salmonberries, then the fish).
    static func chooseSalmon(_ state: inout AppState) {
        press(&state, .character("a"))
        type(&state, "salmon")
        press(&state, .down, .enter)
        type(&state, "150")
    }

    // MARK: Warn and ask

    func testAFoodTheDietsLeaveOutAsksBeforeItIsSavedYesSavesNoDoesNot() throws {
        var state = Self.noFish()
        Self.chooseSalmon(&state)
        guard case .amount(let form) = state.screen else { return XCTFail("not the amount form: \(state.screen)") }
        XCTAssertEqual(state.data.foods.ids[form.food], "15236")
        let reason = try XCTUnwrap(Fixture.data.dietExclusion(ofFoodAt: form.food, diets: ["no_fish"]), "the model's rule leaves it out")
        XCTAssertEqual(screen(state)[3], " Not in this profile's diets: \(reason)", "said on the form, before the amount is typed")
        // ⏎ asks, saying why, and writes nothing yet.
        XCTAssertEqual(press(&state, .enter), [])
        guard case .confirm = state.screen else { return XCTFail("⏎ did not ask: \(state.screen)") }
        var rows = screen(state)
        XCTAssertEqual(rows[21], " ! Not in this profile's diets: \(reason)")
        XCTAssertEqual(rows[22], " Log it anyway? y/n")
        XCTAssertEqual(rows[23], " y yes  n no  ? help  q quit")
        // n: back to the form as it was, nothing written.
        XCTAssertEqual(press(&state, .character("n")), [])
        XCTAssertEqual(state.screen, .amount(form))
        XCTAssertEqual(screen(state)[22], " Nothing was written")
        // Esc too.
        press(&state, .enter)
        XCTAssertEqual(press(&state, .escape), [])
        XCTAssertEqual(state.screen, .amount(form))
        // y saves it, as typed.
        press(&state, .enter)
        let effects = press(&state, .character("y"))
        XCTAssertEqual(effects, [.addEntry(date: Fixture.today, meal: form.meal, foodID: "15236", grams: 150, measure: nil)])
        let saved = Entry(id: 9, date: Fixture.today, meal: form.meal, foodID: "15236", grams: 150, loggedAt: Date())
        _ = update(&state, .entrySaved(saved))
        XCTAssertEqual(state.screen, .day)
        rows = screen(state)
        XCTAssertTrue(rows[22].hasPrefix(" Added 150 g of Salmon, Atlantic, farmed, raw"), rows[22])
    }

    func testFoodsTheDietsAllowAndChangingAnEntrySaveWithoutAsking() {
        var state = Self.noFish()
        press(&state, .character("a"))
        type(&state, "salmon")
        press(&state, .enter)  // salmonberries: the diet allows them
        let effects = press(&state, .enter)
        guard case .addEntry(_, _, let food, _, _)? = effects.first else { return XCTFail("not saved: \(effects) \(state.screen)") }
        XCTAssertEqual(food, "35154")
        // Without the diet the salmon saves at once.
        var plain = Fixture.state(entries: Self.week)
        press(&plain, .character("a"))
        type(&plain, "salmon atlantic farmed raw")
        press(&plain, .enter)
        guard case .addEntry(_, _, "15236", _, _)? = press(&plain, .enter).first else { return XCTFail("asked without a diet") }
        // Changing the amount of fish already logged is not logging it again: no question.
        var editing = Self.noFish()
        press(&editing, .tab, .enter)
        guard case .amount(let form) = editing.screen, form.editing != nil else { return XCTFail("not editing") }
        guard case .updateEntry? = press(&editing, .enter).first else { return XCTFail("changing an entry asked") }
    }

    func testTheSearchMarksTheFoodsTheDietsLeaveOutEvenWhenTheNameIsLong() {
        var state = Self.noFish()
        press(&state, .character("a"))
        type(&state, "salmon")
        guard case .addFood(let search) = state.screen else { return XCTFail("not the search") }
        let rows = screen(state)
        for (offset, food) in search.results.prefix(18).enumerated() {
            let row = rows[4 + offset]
            XCTAssertLessThanOrEqual(row.count, 79, row)
            if let reason = Fixture.data.dietExclusion(ofFoodAt: food, diets: ["no_fish"]) {
                let diet = String(reason.prefix { $0 != ":" })
                XCTAssertTrue(row.hasSuffix("· " + reason) || row.hasSuffix("· " + diet), "unmarked: \(row)")
            } else {
                XCTAssertFalse(row.contains(" · "), row)
            }
        }
    }

    func testTheQuestionAt80By24And120By40() {
        for (width, height, expected) in [(80, 24, Self.confirm80), (120, 40, Self.confirm120)] {
            var state = Self.noFish(width: width, height: height)
            Self.chooseSalmon(&state)
            press(&state, .enter)
            XCTAssertEqual(screen(state), expected, "\(width) × \(height)")
        }
    }

    // MARK: Portions of the week's own foods

    func testPortionsOfTheWeeksFoodsAreTheModelsPlanUsingThem() throws {
        var state = Fixture.state(width: 120, height: 40, entries: Self.week)
        press(&state, .character("g"))
        let planner = Fixture.data.makePlanner()
        let report = state.report(days: 1)
        let week = state.report(days: 7).entries
        let whole = planner.plan(for: report, diets: [], week: week)
        XCTAssertEqual(state.gapPlan, whole)
        press(&state, .character("p"))
        XCTAssertEqual(state.screen, .gaps(GapsView(usingLogged: true)))
        // The week's foods, the most grams first: the model chooses them, as for `gaps --using-logged`.
        let foods = planner.loggedFoods(in: week)
        XCTAssertEqual(foods.map { Fixture.data.foods.ids[$0] }, ["15236", "11457", "12155"])
        let plan = try XCTUnwrap(state.gapPlan)
        XCTAssertEqual(plan, planner.plan(for: report, diets: [], week: week, using: foods))
        XCTAssertNotEqual(plan, whole)
        XCTAssertFalse(plan.items.isEmpty)
        XCTAssertFalse(plan.leftOut.isEmpty, "the raw salmon is left out, with its reason")
        // Every line of the model's text is on screen (wrapped): each portion and each food left out.
        let shown = collapse(screen(state).joined(separator: " "))
        for line in plan.lines(review: state.review(of: report)) { XCTAssertTrue(shown.contains(collapse(line)), "missing: \(line)\n\(shown)") }
        for item in plan.items { XCTAssertTrue(shown.contains(collapse(item.portionText)), item.portionText) }
        for (food, reason) in plan.leftOut { XCTAssertTrue(shown.contains(collapse("Left out: \(food.description) — \(reason)")), reason) }
        // Another day plans that day's gaps with that week's foods.
        press(&state, .left)
        let before = state.report(days: 1), beforeWeek = state.report(days: 7).entries
        XCTAssertEqual(state.gapPlan, planner.plan(for: before, diets: [], week: beforeWeek, using: planner.loggedFoods(in: beforeWeek)))
        // p again: the plan from the whole table.
        press(&state, .right, .character("p"))
        XCTAssertEqual(state.screen, .gaps(GapsView()))
        XCTAssertEqual(state.gapPlan, whole)
    }

    func testPortionsAt80By24And120By40AndScrollingToTheRest() {
        for (width, height, expected) in [(80, 24, Self.portions80), (120, 40, Self.portions120)] {
            var state = Fixture.state(width: width, height: height, entries: Self.week)
            press(&state, .character("g"), .character("p"))
            XCTAssertEqual(screen(state), expected, "\(width) × \(height)")
        }
        // At 80 × 24 the plan is longer than the screen: ↓ shows the rest, to its last line.
        var state = Fixture.state(entries: Self.week)
        press(&state, .character("g"), .character("p"))
        for _ in 0..<10 { press(&state, .down) }
        let rows = screen(state)
        XCTAssertEqual(rows[21], "   upper limit passed).", rows.joined(separator: "\n"))
        XCTAssertTrue(rows.contains { $0.hasPrefix(" Still short: Vitamin E, 7.3 mg after the plan") }, rows.joined(separator: "\n"))
        XCTAssertFalse(rows.contains { $0.contains("more line") }, rows.joined(separator: "\n"))
        press(&state, .up)
        XCTAssertEqual(screen(state)[21], " ↓ 2 more lines", "the mark takes a row: one line up shows two fewer")
    }

    func testPortionsWithNothingLoggedInTheWeek() {
        var state = Fixture.state()
        press(&state, .character("g"), .character("p"))
        XCTAssertEqual(state.screen, .gaps(GapsView()), "nothing to resize: the plan stays the whole table's")
        XCTAssertEqual(screen(state)[22], " Nothing logged in the 7 days to Wed 25 Nov 2026: no food of yours to resize")
        // Portions on, then to a week with nothing logged: the screen says so, no plan.
        var logged = Fixture.state(entries: Self.week)
        press(&logged, .character("g"), .character("p"), .character("["), .character("["))
        XCTAssertEqual(logged.gapPlan?.using, [])
        XCTAssertTrue(screen(logged).contains(" No plan of portions: no food of yours to resize (nothing logged in the seven"),
                      screen(logged).joined(separator: "\n"))
    }

    // MARK: Best sources

    func testBestSourcesAreTheModelsRankingOnEachBasis() throws {
        var state = Self.noFish()
        press(&state, .character("g"), .character("f"))
        XCTAssertEqual(state.screen, .sources(.vitaminA, per: .serving), "the selected nutrient, a gap")
        let planner = Fixture.data.makePlanner()
        for basis in [RankBasis.serving, .per100g, .per100kcal] {
            let ranking = planner.rank(.vitaminA, per: basis, diets: ["no_fish"], for: state.report(days: 1), limit: 18)
            XCTAssertEqual(ranking.sources.count, 18)
            let rows = screen(state)
            XCTAssertTrue(rows[0].hasSuffix("Best sources · Vitamin A \(["serving": "per serving", "100g": "per 100 g", "100kcal": "per 100 kcal"][basis.rawValue]!)"), rows[0])
            XCTAssertEqual(rows[1], " Keeping to: no_fish")
            for (place, source) in ranking.sources.enumerated() {
                let row = rows[3 + place]
                let first = String(source.food.description.prefix { $0 != "," && $0 != " " })
                XCTAssertTrue(row.hasPrefix("\(String(place + 1).leftPadded(3)). \(first)"), "\(place + 1): \(row) for \(source.food.description)")
                let amount = try XCTUnwrap(source.amount(per: basis))
                XCTAssertTrue(row.contains("  \(Format.amount(amount)) µg RAE  "), "\(row) for \(Format.amount(amount))")
                XCTAssertNil(Fixture.data.dietExclusion(ofFoodAt: source.food.index, diets: ["no_fish"]))
            }
            press(&state, .character("b"))
        }
        XCTAssertEqual(state.screen, .sources(.vitaminA, per: .serving), "b cycles back to per serving")
        press(&state, .down)
        XCTAssertEqual(state.screen, .sources(.vitaminD, per: .serving))
        press(&state, .escape)
        XCTAssertEqual(state.screen, .gaps(GapsView()))
    }

    func testBestSourcesFollowTheJournalWhileOpen() throws {
        var state = Fixture.state(entries: Self.week)
        press(&state, .character("g"), .character("f"))
        XCTAssertTrue(screen(state)[3].hasPrefix("  1. "), screen(state)[3])
        // Another absorb logs 100 g of beef liver: vitamin A is above its upper limit, and the
        // screen lists nothing that adds to it, as the model says.
        let liver = Fixture.entry(7, "13327", 100)
        _ = update(&state, .entriesReloaded(Self.week + [liver]))
        let planner = Fixture.data.makePlanner()
        let reason = try XCTUnwrap(planner.rank(.vitaminA, per: .serving, for: state.report(days: 1)).withheld)
        XCTAssertTrue(screen(state)[1].hasPrefix(" " + String(reason.prefix(40))), screen(state)[1])
        XCTAssertFalse(screen(state).contains { $0.hasPrefix("  1. ") })
        _ = update(&state, .entriesReloaded(Self.week))
        XCTAssertTrue(screen(state)[3].hasPrefix("  1. "), screen(state)[3])
    }

    func testBestSourcesAt80By24And120By40() {
        for (width, height, expected) in [(80, 24, Self.sources80), (120, 40, Self.sources120)] {
            var state = Fixture.state(width: width, height: height, entries: Self.week)
            press(&state, .character("g"), .character("f"), .character("b"), .character("b"))
            XCTAssertEqual(screen(state), expected, "\(width) × \(height)")
        }
    }

    // MARK: Leftovers of issue 17

    /// Every row the help shows, page by page.
    func helpRows(_ state: AppState) -> [String] {
        var state = state
        press(&state, .character("?"))
        var rows: [String] = []
        for _ in 0..<20 {
            rows += screen(state)
            if !screen(state).contains(where: { $0.contains("PgDn for more") }) { break }
            press(&state, .pageDown)
        }
        return rows
    }

    func testTheHelpListsTheDemosRestoreOnlyInTheDemo() {
        let plain = helpRows(Fixture.state(width: 120, height: 40))
        XCTAssertFalse(plain.contains { $0.contains("demo: back as it started") }, plain.joined(separator: "\n"))
        XCTAssertTrue(plain.contains { $0.contains("check in: the day's skin") }, "the other day keys are listed")
        let stored = StoredProfile(id: 1, profile: Fixture.person)
        let demo = AppState(data: Fixture.data, context: ProfileContext(profile: stored, profiles: [stored], overrides: [], entries: []),
                            today: Fixture.today, minuteOfDay: 720, width: 120, height: 40, banner: "DEMO · r restores")
        XCTAssertTrue(helpRows(demo).contains { $0.contains("r            demo: back as it started") })
    }

    func testTheDayKeyBarHasCheckInAndSkinWhereThereIsRoom() {
        let wide = screen(Fixture.state(width: 120, height: 40))[39]
        XCTAssertTrue(wide.contains("  c check in  s skin  ? help  q quit"), wide)
        // At 80 columns they go first (before g and p), so the bar still fits with help and quit.
        let narrow = screen(Fixture.state())[23]
        XCTAssertEqual(narrow, " a add  ⏎ detail  Tab entries  ←→ day  v 7/30  w trends  ? help  q quit")
        // At 100 there is room for the plan and the profile, not for both of these.
        let middle = screen(Fixture.state(width: 100, height: 30))[29]
        XCTAssertTrue(middle.hasSuffix("g gaps  p profile  ? help  q quit") || middle.hasSuffix("c check in  ? help  q quit"), middle)
        XCTAssertLessThanOrEqual(middle.count, 99, middle)
    }

    // MARK: Helpers

    /// Text with every run of spaces as one, so wrapped lines compare with the model's.
    func collapse(_ text: String) -> String {
        text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}

// The snapshots, checked by eye against the figures of the model (the plan's and the
// ranking's own tests check the figures).
extension PlanScreenTests {
    static let confirm80: [String] = [
        " absorb  Ana · F 30 y                                Add food · Wed 25 Nov 2026",
        " Fish, salmon, Atlantic, farmed, raw",
        " 15236 · Finfish and Shellfish Products",
        " Not in this profile's diets: no fish: fish and shellfish",
        " Amount: 150█  ↑ g ↓",
        "          = 150 g",
        " Meal:    Breakfast   Lunch   Dinner   Snack",
        "",
        "── This entry adds ─────────────────────────────────────────────────────────────",
        " Vitamin A                          +87 µg RAE   8 % → 21 % of target",
        " Vitamin D                          +16.5 µg   73 % → 183 % of target",
        " Vitamin E                          +5.3 mg   24 % → 59 % of target",
        " Vitamin K                          +0.75 µg   1 % → 1 % of target",
        " Linoleic acid (omega-6)            +1.4 g   8 % → 19 % of target",
        " Alpha-linolenic acid (omega-3)     +0.22 g   13 % → 34 % of target",
        " EPA + DHA                          +2,949 mg   786 % → 1966 % of target",
        "",
        "",
        "",
        "",
        "────────────────────────────────────────────────────────────────────────────────",
        " ! Not in this profile's diets: no fish: fish and shellfish",
        " Log it anyway? y/n",
        " y yes  n no  ? help  q quit",
    ]
    static let confirm120: [String] = [
        " absorb  Ana · F 30 y                                                                        Add food · Wed 25 Nov 2026",
        " Fish, salmon, Atlantic, farmed, raw",
        " 15236 · Finfish and Shellfish Products",
        " Not in this profile's diets: no fish: fish and shellfish",
        " Amount: 150█  ↑ g ↓",
        "          = 150 g",
        " Meal:    Breakfast   Lunch   Dinner   Snack",
        "",
        "── This entry adds ─────────────────────────────────────────────────────────────────────────────────────────────────────",
        " Vitamin A                          +87 µg RAE   8 % → 21 % of target",
        " Vitamin D                          +16.5 µg   73 % → 183 % of target",
        " Vitamin E                          +5.3 mg   24 % → 59 % of target",
        " Vitamin K                          +0.75 µg   1 % → 1 % of target",
        " Linoleic acid (omega-6)            +1.4 g   8 % → 19 % of target",
        " Alpha-linolenic acid (omega-3)     +0.22 g   13 % → 34 % of target",
        " EPA + DHA                          +2,949 mg   786 % → 1966 % of target",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────",
        " ! Not in this profile's diets: no fish: fish and shellfish",
        " Log it anyway? y/n",
        " y yes  n no  ? help  q quit",
    ]
    static let portions80: [String] = [
        " absorb  Ana · F 30 y                  Portions of your foods · Wed 25 Nov 2026",
        "",
        " Gaps on Wed 25 Nov 2026: Vitamin A 58 of 700 µg RAE; Vitamin D 11 of 15 µg;",
        "   Vitamin E 3.6 of 15 mg; Vitamin K 0.5 of 90 µg; Linoleic acid (omega-6)",
        "   0.9 of 12 g; Alpha-linolenic acid (omega-3) 0.15 of 1.1 g",
        " Portions of: Fish, salmon, Atlantic, farmed, raw; Spinach, raw; Nuts,",
        "   walnuts, english",
        " Left out: Fish, salmon, Atlantic, farmed, raw — the cooked form is",
        "   suggested, not the raw fish.",
        " Plan (2 foods, +314 kcal):",
        "   1. Spinach, raw, ½ bunch (170 g): +797 µg RAE Vitamin A (114 % of target),",
        "      +3.5 mg Vitamin E (23 % of target), +821 µg Vitamin K (912 % of",
        "      target), +0.04 g Linoleic acid (omega-6) (0 % of target), +0.23 g",
        "      Alpha-linolenic acid (omega-3) (21 % of target); 39 kcal",
        "   2. Nuts, walnuts, english, 1½ cups, in shell, edible yield (7 nuts) (42",
        "      g): +0.42 µg RAE Vitamin A (0 % of target), +0.29 mg Vitamin E (2 % of",
        "      target), +1.1 µg Vitamin K (1 % of target), +16 g Linoleic acid",
        "      (omega-6) (133 % of target), +3.8 g Alpha-linolenic acid (omega-3) (347",
        "      % of target); 275 kcal",
        " Closes: Vitamin A, Vitamin K, Linoleic acid (omega-6), Alpha-linolenic acid",
        "   (omega-3), with no upper limit passed.",
        " ↓ 5 more lines",
        "",
        " ←→ day  ↑↓ more  p full plan  f best foods  a add  Esc back  ? help  q quit",
    ]
    static let portions120: [String] = [
        " absorb  Ana · F 30 y                                                          Portions of your foods · Wed 25 Nov 2026",
        "",
        " Gaps on Wed 25 Nov 2026: Vitamin A 58 of 700 µg RAE; Vitamin D 11 of 15 µg; Vitamin E 3.6 of 15 mg; Vitamin K 0.5 of",
        "   90 µg; Linoleic acid (omega-6) 0.9 of 12 g; Alpha-linolenic acid (omega-3) 0.15 of 1.1 g",
        " Portions of: Fish, salmon, Atlantic, farmed, raw; Spinach, raw; Nuts, walnuts, english",
        " Left out: Fish, salmon, Atlantic, farmed, raw — the cooked form is suggested, not the raw fish.",
        " Plan (2 foods, +314 kcal):",
        "   1. Spinach, raw, ½ bunch (170 g): +797 µg RAE Vitamin A (114 % of target), +3.5 mg Vitamin E (23 % of target),",
        "      +821 µg Vitamin K (912 % of target), +0.04 g Linoleic acid (omega-6) (0 % of target), +0.23 g Alpha-linolenic",
        "      acid (omega-3) (21 % of target); 39 kcal",
        "   2. Nuts, walnuts, english, 1½ cups, in shell, edible yield (7 nuts) (42 g): +0.42 µg RAE Vitamin A (0 % of",
        "      target), +0.29 mg Vitamin E (2 % of target), +1.1 µg Vitamin K (1 % of target), +16 g Linoleic acid (omega-6)",
        "      (133 % of target), +3.8 g Alpha-linolenic acid (omega-3) (347 % of target); 275 kcal",
        " Closes: Vitamin A, Vitamin K, Linoleic acid (omega-6), Alpha-linolenic acid (omega-3), with no upper limit passed.",
        " Still short: Vitamin D, 11 µg after the plan — none of the foods named gives any Vitamin D within the limits.",
        " Still short: Vitamin E, 7.3 mg after the plan — the foods named give 7.7 mg too little in the portions a plan",
        "   suggests (at most 700 kcal in all, no upper limit passed).",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        " ←→ day  p full plan  f best foods  a add  Esc back  ? help  q quit",
    ]
    static let sources80: [String] = [
        " absorb  Ana · F 30 y                     Best sources · Vitamin A per 100 kcal",
        "",
        "",
        "  1. Peppers, hot chili, red, canned, excluding seeds …   2,833 µg RAE     62 %",
        "  2. Carrots … regular pack … ½ cup slices (123 g)        2,665 µg RAE    108 %",
        "  3. Lettuce, cos or romaine, raw, 1 cup shredded (47 g)  2,565 µg RAE     29 %",
        "  4. Mustard spinach, (tendergreen) … chopped (180 g)     2,563 µg RAE    105 %",
        "  5. Lettuce, green leaf, raw, 1 cup shredded (36 g)      2,467 µg RAE     19 %",
        "  6. Kale, frozen, cooked, boiled … chopped (130 g)       2,450 µg RAE    137 %",
        "  7. Carrots, cooked, boiled, drained … 1 tbsp (10 g)     2,434 µg RAE     12 %",
        "  8. Carrots … no salt added … ½ cup slices (123 g)       2,426 µg RAE     98 %",
        "  9. Carrot juice, canned, 1 cup (236 g)                  2,390 µg RAE    322 %",
        " 10. Mustard greens, cooked, boiled … chopped (140 g)     2,377 µg RAE    124 %",
        " 11. Lettuce, red leaf, raw, 1 cup shredded (28 g)        2,344 µg RAE     15 %",
        " 12. Pumpkin, canned, without salt, 1 cup (245 g)         2,288 µg RAE    272 %",
        " 13. Spinach, cooked, boiled, drained … 1 cup (180 g)     2,278 µg RAE    135 %",
        " 14. Margarine-like, vegetable oil spread, fat-free …     2,257 µg RAE     21 %",
        " 15. Mustard spinach, (tendergreen) … chopped (150 g)     2,250 µg RAE    106 %",
        " 16. Carrots, canned, regular pack, drained solids …      2,232 µg RAE    116 %",
        " 17. Carrots, canned, no salt added, drained solids …     2,232 µg RAE    116 %",
        " 18. Dandelion greens … with salt … chopped (105 g)       2,203 µg RAE    109 %",
        " % of the target in the serving shown",
        "",
        " ↑↓ nutrient  b per serving  a add  Esc back  ? help  q quit",
    ]
    static let sources120: [String] = [
        " absorb  Ana · F 30 y                                                             Best sources · Vitamin A per 100 kcal",
        "",
        "",
        "  1. Peppers, hot chili, red, canned, excluding seeds, solids and liquids, 1 pepper (73 g)        2,833 µg RAE     62 %",
        "  2. Carrots, canned, regular pack, solids and liquids, ½ cup slices (123 g)                      2,665 µg RAE    108 %",
        "  3. Lettuce, cos or romaine, raw, 1 cup shredded (47 g)                                          2,565 µg RAE     29 %",
        "  4. Mustard spinach, (tendergreen), cooked, boiled, drained, without salt … chopped (180 g)      2,563 µg RAE    105 %",
        "  5. Lettuce, green leaf, raw, 1 cup shredded (36 g)                                              2,467 µg RAE     19 %",
        "  6. Kale, frozen, cooked, boiled, drained, without salt, 1 cup, chopped (130 g)                  2,450 µg RAE    137 %",
        "  7. Carrots, cooked, boiled, drained, without salt, 1 tbsp (10 g)                                2,434 µg RAE     12 %",
        "  8. Carrots, canned, no salt added, solids and liquids, ½ cup slices (123 g)                     2,426 µg RAE     98 %",
        "  9. Carrot juice, canned, 1 cup (236 g)                                                          2,390 µg RAE    322 %",
        " 10. Mustard greens, cooked, boiled, drained, without salt, 1 cup, chopped (140 g)                2,377 µg RAE    124 %",
        " 11. Lettuce, red leaf, raw, 1 cup shredded (28 g)                                                2,344 µg RAE     15 %",
        " 12. Pumpkin, canned, without salt, 1 cup (245 g)                                                 2,288 µg RAE    272 %",
        " 13. Spinach, cooked, boiled, drained, without salt, 1 cup (180 g)                                2,278 µg RAE    135 %",
        " 14. Margarine-like, vegetable oil spread, fat-free, tub, 1 tbsp (15 g)                           2,257 µg RAE     21 %",
        " 15. Mustard spinach, (tendergreen), raw, 1 cup, chopped (150 g)                                  2,250 µg RAE    106 %",
        " 16. Carrots, canned, regular pack, drained solids, 1 cup, sliced (146 g)                         2,232 µg RAE    116 %",
        " 17. Carrots, canned, no salt added, drained solids, 1 cup, sliced (146 g)                        2,232 µg RAE    116 %",
        " 18. Dandelion greens, cooked, boiled, drained, with salt, 1 cup, chopped (105 g)                 2,203 µg RAE    109 %",
        " 19. Pokeberry shoots, (poke), cooked, boiled, drained, without salt, 1 cup (165 g)               2,175 µg RAE    103 %",
        " 20. Spinach, canned, regular pack, drained solids, 1 cup (214 g)                                 2,130 µg RAE    150 %",
        " 21. Spinach, canned, regular pack, solids and liquids, 1 cup (234 g)                             2,126 µg RAE    135 %",
        " 22. Spinach, canned, no salt added, solids and liquids, 1 cup (234 g)                            2,126 µg RAE    135 %",
        " 23. Spinach, raw, 1 cup (30 g)                                                                   2,039 µg RAE     20 %",
        " 24. Carrots, raw, 1 cup chopped (128 g)                                                          2,037 µg RAE    153 %",
        " 25. Carrots, baby, raw, 1 large (15 g)                                                           1,971 µg RAE     15 %",
        " 26. Vegetable juice, BOLTHOUSE FARMS, DAILY GREENS, ½ cup (135 g)                                1,942 µg RAE    116 %",
        " 27. Turnip greens, cooked, boiled, drained, without salt, 1 cup, chopped (144 g)                 1,905 µg RAE     78 %",
        " 28. Margarine-like, vegetable oil spread, fat free, liquid, with salt, 1 tbsp (15 g)             1,905 µg RAE     18 %",
        " 29. Pokeberry shoots, (poke), raw, 1 cup (160 g)                                                 1,891 µg RAE     99 %",
        " 30. Turnip greens, raw, 1 cup, chopped (55 g)                                                    1,809 µg RAE     45 %",
        " 31. Spinach, frozen, chopped or leaf, cooked, boiled, drained, without salt, ½ cup (95 g)        1,774 µg RAE     82 %",
        " 32. Cabbage, chinese (pak-choi), cooked, boiled, drained, without salt, 1 cup, shredded (170 g)  1,767 µg RAE     51 %",
        " 33. Cabbage, chinese (pak-choi), raw, 1 cup, shredded (70 g)                                     1,715 µg RAE     22 %",
        " 34. Cornsalad, raw, 1 cup (56 g)                                                                 1,690 µg RAE     28 %",
        " % of the target in the serving shown",
        "",
        " ↑↓ nutrient  b per serving  a add  Esc back  ? help  q quit",
    ]
}
