import Dashboard
import NutrientModel
import XCTest

/// The patient's day-to-day: add a food, fix it, delete and undo, move between days,
/// look at a nutrient, change the profile, read the help. Effects are checked as the
/// executable would receive them; their results are fed back as it would feed them.
final class FlowTests: XCTestCase {
    func testAddSalmonByKeyboard() throws {
        var state = Fixture.state()
        press(&state, .character("a"))
        XCTAssertEqual(screen(state)[3], " Type part of a food's name: words in any order, prefixes work (salmon cook)")
        type(&state, "salmon")
        guard case .addFood(let search) = state.screen else { return XCTFail("not on the add-food screen") }
        XCTAssertEqual(Fixture.data.foods.ids[search.results[0]], "15236")
        XCTAssertEqual(screen(state)[2], " Search: salmon█")
        XCTAssertEqual(screen(state)[3], " 48 matches")
        XCTAssertEqual(screen(state)[4], "  15236  Salmon, Atlantic, farmed, raw")
        XCTAssertTrue(render(state)[2, 4].style.reverse)
        press(&state, .enter)
        // The food's first household measure is the default unit: 1 oz = 28.3 g.
        assertShows(state, " Amount: 1█  ↑ oz (28.3 g) ↓")
        type(&state, "100")
        press(&state, .character("g"))
        let rows = screen(state)
        XCTAssertEqual(rows[4], " Amount: 100█  ↑ g ↓")
        XCTAssertEqual(rows[5], "          = 100 g")
        // At noon the meal is lunch; the preview adds 11 µg of D (0 → 73 % of 15 µg) and
        // 862 + 1,104 = 1,966 mg EPA + DHA.
        XCTAssertTrue(render(state)[22, 6].style.reverse, "Lunch is selected")
        XCTAssertEqual(rows[10], " Vitamin D                          +11 µg   0 % → 73 % of target")
        XCTAssertEqual(rows[15], " EPA + DHA                          +1,966 mg   0 % → 786 % of target")
        XCTAssertEqual(press(&state, .enter), [.addEntry(date: Fixture.today, meal: .lunch, foodID: "15236", grams: 100)])
        // Nothing is shown as saved until the journal says it is: after Enter the state has
        // no entry, no "Added" message, and the day screen, reached from it, still shows none.
        XCTAssertEqual(state.entriesByDate.values.joined().count, 0, "no entry before the journal saved it")
        guard case .amount = state.screen else { return XCTFail("Enter alone left the amount screen: \(state.screen)") }
        XCTAssertNil(state.message, "nothing says it was added")
        var unsaved = state
        press(&unsaved, .escape, .escape)
        XCTAssertEqual(unsaved.screen, .day)
        XCTAssertTrue(screen(unsaved)[3].contains("— µg / 15"), screen(unsaved)[3])
        XCTAssertEqual(screen(unsaved)[10], " Nothing logged on Wed 25 Nov 2026. a adds a food.", "no lunch row")
        _ = update(&state, .entrySaved(Fixture.entry(7, "15236", 100)))
        XCTAssertEqual(state.screen, .day)
        let day = screen(state)
        XCTAssertTrue(day[3].hasSuffix("11 µg / 15   73 ▽  100  │   73"), day[3])
        XCTAssertEqual(day[10], " Lunch      Salmon, Atlantic, farmed, raw                                 100 g")
        XCTAssertEqual(day[22], " Added 100 g of Salmon, Atlantic, farmed, raw (Lunch)")
    }

    func testAmountErrorsAreShownAndNothingIsSaved() {
        var state = Fixture.state()
        press(&state, .character("a"))
        type(&state, "salmon")
        press(&state, .enter, .backspace)
        XCTAssertEqual(press(&state, .enter), [])
        assertShows(state, " ! ")
        type(&state, "0")
        XCTAssertEqual(press(&state, .enter), [])
        // Letters are not amounts: "two-ish" types nothing but the meal keys it contains.
        type(&state, "xyz")
        guard case .amount(let form) = state.screen else { return XCTFail("left the amount screen") }
        XCTAssertEqual(form.amountText, "0")
        XCTAssertEqual(state.entriesByDate.values.joined().count, 0)
    }

    func testNoMatchSaysSoAndEnterDoesNothing() {
        var state = Fixture.state()
        press(&state, .character("a"))
        type(&state, "qqqzzz")
        XCTAssertEqual(screen(state)[3], " No food matches \"qqqzzz\"")
        XCTAssertEqual(press(&state, .enter), [])
        XCTAssertEqual(screen(state)[22], " ! No food selected: type part of its name")
        press(&state, .control("u"))
        XCTAssertEqual(screen(state)[2], " Search: █")
    }

    func testRecentFoodsComeFirstWhenTheSearchIsEmpty() {
        var state = Fixture.state(entries: [Fixture.entry(1, "01123", 50), Fixture.entry(2, "15236", 100),
                                            Fixture.entry(3, "01123", 60, on: Fixture.today.adding(days: -1))])
        press(&state, .character("/"))
        let rows = screen(state)
        // The egg was logged last (yesterday's entry, logged after today's), then the salmon;
        // each food once.
        XCTAssertEqual(rows[3], " Recently used")
        XCTAssertEqual(rows[4], "  01123  Egg, whole, raw")
        XCTAssertEqual(rows[5], "  15236  Salmon, Atlantic, farmed, raw")
        XCTAssertEqual(rows[6], "")
    }

    func testFavouritesComeBeforeRecentFoodsAndCtrlFMarksOne() {
        var state = Fixture.state(entries: [Fixture.entry(1, "01123", 50), Fixture.entry(2, "15236", 100)])
        press(&state, .character("/"))
        // The egg (second row: the salmon was logged later) becomes a favourite: an effect
        // for the journal, then the list as the journal has it, the egg first and marked.
        XCTAssertEqual(press(&state, .down, .control("f")), [.setFavourite(foodID: "01123", true)])
        _ = update(&state, .favouritesChanged(foodID: "01123", favourites: ["01123"]))
        var rows = screen(state)
        XCTAssertEqual(rows[3], " Favourites, then recently used")
        XCTAssertEqual(rows[4], " ★01123  Egg, whole, raw")
        XCTAssertEqual(rows[5], "  15236  Salmon, Atlantic, farmed, raw")
        XCTAssertEqual(rows[22], " Favourite: Egg, whole, raw")
        _ = update(&state, .favouritesChanged(foodID: "11457", favourites: ["11457", "01123"]))
        rows = screen(state)
        XCTAssertEqual(Array(rows[4...7]), [" ★11457  Spinach, raw", " ★01123  Egg, whole, raw",
                                            "  15236  Salmon, Atlantic, farmed, raw", ""],
                       "favourites in the order marked, then the recent foods that are not favourites")
        XCTAssertEqual(press(&state, .down, .control("f")), [.setFavourite(foodID: "01123", false)], "^F again unmarks")
    }

    func testAProfilesDietPutsTheFoodsItLeavesOutLastAndSaysWhy() {
        var profile = Fixture.person
        profile.diets = ["no_fish"]
        var state = Fixture.state(profile: profile)
        press(&state, .character("/"))
        type(&state, "salmon")
        guard case .addFood(let search) = state.screen else { return XCTFail("not the search") }
        let excluded = search.results.map { state.dietExclusion($0) != nil }
        XCTAssertTrue(excluded.contains(false) && excluded.contains(true), "salmon matches fish and foods made with it")
        XCTAssertEqual(excluded, excluded.sorted { !$0 && $1 }, "every food the diet allows comes first")
        let firstFish = search.results[excluded.firstIndex(of: true)!]
        let reason = state.dietExclusion(firstFish)!
        XCTAssertTrue(reason.hasPrefix("no fish: "), reason)
        let row = screen(state).first { $0.contains(state.foodName(state.data.foods.ids[firstFish])) }
        XCTAssertTrue(row?.hasSuffix("· " + reason) ?? false , row ?? "not drawn")
        // Without the diet the same search ranks by the name only.
        var plain = Fixture.state()
        press(&plain, .character("/"))
        type(&plain, "salmon")
        guard case .addFood(let unfiltered) = plain.screen else { return XCTFail("not the search") }
        XCTAssertEqual(Set(unfiltered.results), Set(search.results))
    }

    func testANewFoodFromItsLabelIsSavedAndThenLogged() throws {
        var state = Fixture.state()
        press(&state, .character("/"))
        type(&state, "granola bar")
        press(&state, .control("n"))
        guard case .newFood = state.screen else { return XCTFail("^N opens the new-food form") }
        var rows = screen(state)
        XCTAssertTrue(rows[0].hasSuffix("New food · from its label"), rows[0])
        XCTAssertEqual(rows[2], " Name                                   granola bar█", "the search words become the name")
        XCTAssertEqual(rows[4], " Measure                                serving")
        XCTAssertEqual(rows[6], " Fat (g)                                unknown", "an empty value is unknown, and says so")
        XCTAssertEqual(rows[19], " DHA (g)                                unknown", "every field fits at 80×24")
        XCTAssertFalse(rows.contains { $0.contains("toward the UL") }, "vitamin_e_ul_mg follows from the form; it is not typed")
        XCTAssertEqual(rows[23], " type value  ↑↓ Tab field  ←→ unit/form  ⏎ next  ^S save  Esc back")
        press(&state, .down)
        type(&state, "40")
        press(&state, .down, .control("u"))
        type(&state, "bar")
        press(&state, .down)
        type(&state, "180")
        press(&state, .down)
        type(&state, "50")
        type(&state, "x")
        guard case .newFood(let typed) = state.screen else { return XCTFail() }
        XCTAssertEqual(typed.error, "Fat (g) takes a number: digits and one decimal point")
        XCTAssertEqual(typed.texts[4], "50", "the letter was not taken")
        // 50 g of fat in a 40 g bar: refused, on the fat field.
        XCTAssertEqual(press(&state, .control("s")), [])
        guard case .newFood(let refused) = state.screen else { return XCTFail() }
        XCTAssertEqual(refused.error, "50 g of Fat in 40 g is more than food can hold")
        XCTAssertEqual(CustomFoodForm.fields[refused.selected], .value(.fat))
        rows = screen(state)
        XCTAssertEqual(rows[21], " ! 50 g of Fat in 40 g is more than food can hold")
        XCTAssertEqual(rows[20], "", "a one-line error leaves the hint's row")
        press(&state, .backspace, .backspace)
        type(&state, "7")
        let effects = press(&state, .control("s"))
        XCTAssertEqual(effects, [.addCustomFood(FoodLabel(name: "granola bar", servingGrams: 40, measure: "bar",
                                                          perServing: [.energy: 180, .fat: 7]))])
        // The journal gives it an id; then it is in the table, and the amount form opens
        // on one bar.
        guard case .addCustomFood(let label) = effects[0] else { return XCTFail() }
        let food = try label.food(id: "C0001", group: "Custom foods", maxServingGrams: 10_000)
        XCTAssertEqual(food.values[.fat]!, 17.5, accuracy: 1e-12, "7 g in 40 g is 17.5 g per 100 g")
        XCTAssertNil(food.values[.vitaminD])
        _ = update(&state, .customFoodAdded(food))
        guard case .amount(let form) = state.screen else { return XCTFail("straight on to its amount") }
        XCTAssertEqual(state.data.foods.ids[form.food], "C0001")
        // The entry keeps the measure it was logged in: 1 bar (40 g).
        XCTAssertEqual(press(&state, .enter), [.addEntry(date: Fixture.today, meal: .lunch, foodID: "C0001", grams: 40,
                                                         measure: LoggedMeasure(amount: 1, unit: "bar"))])
        // Esc from the form goes back to the search, keeping the name as the query.
        var other = Fixture.state()
        press(&other, .character("/"))
        type(&other, "oat")
        press(&other, .control("n"), .escape)
        guard case .addFood(let search) = other.screen else { return XCTFail() }
        XCTAssertEqual(search.query, "oat")
    }

    func testTheLabelFormTakesVitaminsInIUWithTheirForm() throws {
        var state = Fixture.state()
        press(&state, .character("/"))
        type(&state, "vitamin a softgel")
        press(&state, .control("n"))
        func select(_ field: CustomFoodForm.Field) {
            guard case .newFood(let form) = state.screen else { return XCTFail("not the form") }
            let target = CustomFoodForm.index(of: field)!
            for _ in 0..<abs(target - form.selected) { press(&state, target > form.selected ? .down : .up) }
        }
        select(.serving)
        type(&state, "0.5")
        press(&state, .down, .control("u"))
        type(&state, "softgel")
        select(.value(.vitaminA))
        type(&state, "10000")
        var rows = screen(state)
        XCTAssertEqual(rows[8], " Vitamin A (µg RAE)                     10000█")
        XCTAssertEqual(rows[20], " ←→ unit: µg RAE or IU (converted by Data/conversions.csv)")
        press(&state, .right)
        rows = screen(state)
        XCTAssertEqual(rows[8], " Vitamin A (IU)                         10000█", "←→ changes the unit")
        XCTAssertEqual(rows[9], " Vitamin A form                         not given")
        // Without its form the vitamin A is refused, on the form, with the choices.
        XCTAssertEqual(press(&state, .control("s")), [])
        guard case .newFood(let refused) = state.screen else { return XCTFail() }
        XCTAssertEqual(CustomFoodForm.fields[refused.selected], .form(.vitaminA))
        rows = screen(state)
        XCTAssertEqual(rows[20], " ! Vitamin A (IU) needs its form: retinol, beta-carotene or N%-beta-carotene")
        XCTAssertEqual(rows[21], "   (as in 50%-beta-carotene for \"50% as beta-carotene\"), or the retinol the")
        press(&state, .right)
        XCTAssertEqual(screen(state)[9], " Vitamin A form                         retinol█")
        press(&state, .right, .right)
        XCTAssertEqual(screen(state)[9], " Vitamin A form                         50%-beta-carotene█")
        press(&state, .backspace)
        type(&state, "0")
        XCTAssertEqual(screen(state)[9], " Vitamin A form                         50%-beta-carotene█", "digits type the percent")
        press(&state, .left, .left)
        XCTAssertEqual(screen(state)[9], " Vitamin A form                         retinol█")
        // Vitamin E in IU without its form: counted as synthetic, and the form says so.
        select(.value(.vitaminE))
        type(&state, "400")
        press(&state, .left)
        rows = screen(state)
        XCTAssertEqual(rows[12], " Vitamin E (IU)                         400█")
        XCTAssertEqual(rows[13], " Vitamin E form                         not given: counted as synthetic")
        select(.value(.vitaminD))
        press(&state, .right)
        type(&state, "1000")
        XCTAssertEqual(screen(state)[11], " Vitamin D (IU)                         1000█")
        let effects = press(&state, .control("s"))
        guard case .addCustomFood(let label) = effects.first else { return XCTFail("\(effects)") }
        // The same conversion as `absorb foods add`: 10,000 IU retinol = 3,000 µg RAE and
        // retinol; 1,000 IU D = 25 µg; 400 IU E read as synthetic = 180 mg, its UL figure left
        // for the scorer to estimate.
        XCTAssertEqual(label.perServing[.vitaminA]!, 3_000, accuracy: 1e-9)
        XCTAssertEqual(label.perServing[.retinol]!, 3_000, accuracy: 1e-9)
        XCTAssertEqual(label.perServing[.vitaminD]!, 25, accuracy: 1e-9)
        XCTAssertEqual(label.perServing[.vitaminE]!, 180, accuracy: 1e-9)
        XCTAssertNil(label.perServing[.vitaminEUpperLimit])
        // With the form natural the UL figure is known: 400 × 0.67 = 268 mg.
        select(.form(.vitaminE))
        press(&state, .right)
        XCTAssertEqual(screen(state)[13], " Vitamin E form                         natural█")
        guard case .addCustomFood(let natural) = press(&state, .control("s")).first else { return XCTFail() }
        XCTAssertEqual(natural.perServing[.vitaminEUpperLimit]!, 268, accuracy: 1e-9)
        XCTAssertEqual(natural.perServing[.vitaminE]!, 268, accuracy: 1e-9)
        // A letter on the vitamin E form says what the field takes.
        select(.form(.vitaminE))
        type(&state, "n")
        XCTAssertEqual(screen(state)[21], " ! Vitamin E form: ←→ picks natural or synthetic")
    }

    func testEditAnEntrysAmountAndMeal() {
        let entry = Fixture.entry(4, "15236", 100)
        var state = Fixture.state(entries: [entry])
        press(&state, .tab, .character("e"))
        XCTAssertEqual(screen(state)[4], " Amount: 100█  ↑ g ↓")
        // The preview leaves the entry's old amount out: 50 g gives 5.5 µg D, 37 %.
        type(&state, "50")
        press(&state, .right)
        XCTAssertEqual(screen(state)[10], " Vitamin D                          +5.5 µg   0 % → 37 % of target")
        let effects = press(&state, .enter)
        let changed = Entry(id: 4, date: entry.date, meal: .dinner, foodID: "15236", grams: 50, loggedAt: entry.loggedAt)
        XCTAssertEqual(effects, [.updateEntry(changed)])
        _ = update(&state, .entryUpdated(changed))
        XCTAssertEqual(screen(state)[10], " Dinner     Salmon, Atlantic, farmed, raw                                  50 g")
    }

    func testDeleteThenUndo() {
        let entry = Fixture.entry(4, "15236", 100)
        var state = Fixture.state(entries: [entry])
        // Delete needs an entry selected.
        XCTAssertEqual(press(&state, .character("d")), [])
        XCTAssertEqual(screen(state)[22], " Tab to the entries, pick one, then d deletes it")
        XCTAssertEqual(press(&state, .tab, .character("d")), [.deleteEntry(entry)])
        _ = update(&state, .entryDeleted(entry))
        XCTAssertEqual(screen(state)[10], " Nothing logged on Wed 25 Nov 2026. a adds a food.")
        XCTAssertEqual(screen(state)[22], " Deleted 100 g of Salmon, Atlantic, farmed, raw (Lunch) · u undoes")
        // u asks the journal to put it back, with its id, only if it is not there.
        XCTAssertEqual(press(&state, .character("u")), [.applyChange(.addEntries([entry], profileID: 1), undoing: true)])
        _ = update(&state, .changeApplied(undoing: true, context: Fixture.context(entries: [entry])))
        XCTAssertEqual(screen(state)[10], " Lunch      Salmon, Atlantic, farmed, raw                                 100 g")
        XCTAssertEqual(screen(state)[22], " Undone: Deleted 100 g of Salmon, Atlantic, farmed, raw (Lunch) · ^R redoes")
        // ^R deletes it again; then nothing is left to redo, and u undoes the delete again.
        XCTAssertEqual(press(&state, .control("r")), [.applyChange(.removeEntries([entry], profileID: 1), undoing: false)])
        _ = update(&state, .changeApplied(undoing: false, context: Fixture.context(entries: [])))
        XCTAssertTrue(screen(state)[22].hasPrefix(" Redone: Deleted 100 g of Salmon"), screen(state)[22])
        XCTAssertEqual(press(&state, .control("r")), [])
        XCTAssertEqual(screen(state)[22], " Nothing to redo")
        XCTAssertEqual(press(&state, .character("u")), [.applyChange(.addEntries([entry], profileID: 1), undoing: true)])
        _ = update(&state, .changeApplied(undoing: true, context: Fixture.context(entries: [entry])))
        XCTAssertEqual(press(&state, .character("u")), [])
        XCTAssertEqual(screen(state)[22], " Nothing to undo")
    }

    func testAFailedSaveIsShownAndChangesNothing() {
        var state = Fixture.state(entries: [Fixture.entry(4, "15236", 100)])
        _ = update(&state, .failed("journal j.sqlite: could not be saved: disk full. Nothing was changed."))
        XCTAssertEqual(screen(state)[22], " ! journal j.sqlite: could not be saved: disk full. Nothing was changed.")
        XCTAssertEqual(state.dayEntries.count, 1)
    }

    func testMovingBetweenDays() {
        let yesterday = Fixture.today.adding(days: -1)
        var state = Fixture.state(entries: [Fixture.entry(1, "15236", 100, on: yesterday)])
        press(&state, .left)
        XCTAssertEqual(screen(state)[0], " absorb  Ana · F 30 y                           ◀ Tue 24 Nov 2026 (yesterday) ▶")
        XCTAssertTrue(screen(state)[3].contains("11 µg / 15   73"))
        press(&state, .character("l"), .character("l"))
        XCTAssertTrue(screen(state)[0].hasSuffix("◀ Thu 26 Nov 2026 ▶"))
        press(&state, .character("["))
        XCTAssertEqual(state.day, LocalDate(year: 2026, month: 11, day: 19))
        press(&state, .character("]"), .character("]"))
        XCTAssertEqual(state.day, LocalDate(year: 2026, month: 12, day: 3))
        press(&state, .character("t"))
        XCTAssertEqual(state.day, Fixture.today)
        press(&state, .character(":"))
        type(&state, "2026-02-30")
        press(&state, .enter)
        // The error is too long to share the prompt's row at 80 columns: it has the row above, whole.
        XCTAssertEqual(screen(state)[22], " Go to date (YYYY-MM-DD): 2026-02-30█")
        XCTAssertTrue(screen(state)[21].hasPrefix(" ! \"2026-02-30\" is not a date"), screen(state)[21])
        press(&state, .backspace, .backspace)
        type(&state, "28")
        press(&state, .enter)
        XCTAssertEqual(state.day, LocalDate(year: 2026, month: 2, day: 28))
        XCTAssertEqual(state.screen, .day)
    }

    func testNutrientDetail() {
        let entries = [Fixture.entry(1, "15236", 100), Fixture.entry(2, "01123", 50, .breakfast), Fixture.entry(3, "09412", 178, .snack),
                       Fixture.entry(4, "15236", 150, on: Fixture.today.adding(days: -2))]
        var state = Fixture.state(entries: entries)
        press(&state, .down, .enter)
        let rows = screen(state)
        XCTAssertEqual(rows[1], " Vitamin D                                             12 µg = 80 % of target ▽")
        XCTAssertEqual(rows[2], " Target: 15 µg RDA · IOM (2011) DRIs for Calcium and Vitamin D")
        XCTAssertEqual(rows[3], " Upper limit: 100 µg of all intake, food and supplements, today 12 µg")
        // Why it matters for skin, from Data/skin_notes.csv, with the caution and source.
        XCTAssertEqual(rows[4], " Skin: Shapes the skin's immune responses; low vitamin D status goes with")
        XCTAssertEqual(rows[5], "       atopic dermatitis and psoriasis in observational studies.")
        XCTAssertTrue(rows[6].hasPrefix(" Caution: Trials of supplements for skin are mixed"), rows[6])
        XCTAssertTrue(rows[7].hasPrefix(" Source: IOM (2011)"), rows[7])
        // All of today's D came in meals with 3 g of fat or more.
        XCTAssertEqual(rows[8], "   Fat pairing: 100 % eaten in meals with at least 3 g fat")
        // 11 of 12 µg from the salmon (92 %), 1 from the egg (8 %); the pear has no value.
        XCTAssertEqual(rows[10], "   Salmon, Atlantic, farmed, raw (100 g)                           11 µg   92 %")
        XCTAssertEqual(rows[11], "   Egg, whole, raw (50 g)                                           1 µg    8 %")
        XCTAssertEqual(rows[12], "   ? No value (coverage 46 %): Pears, raw, bartlett")
        // The chart's last column is today (80 %), two days before 150 g = 16.5 µg = 110 %.
        XCTAssertEqual(rows[21], "      ·    ·    ·    ·    ·    ·    ·    ·    ·    ·    ·    110  ·    80")
        XCTAssertEqual(rows[23], " ↑↓ nutrient  ←→ day  f best foods  a add  Esc back  ? help  q quit")
        // ↓ moves to the next nutrient; Esc goes back with it selected.
        press(&state, .down)
        XCTAssertTrue(screen(state)[1].hasPrefix(" Vitamin E"))
        press(&state, .escape)
        XCTAssertEqual(state.screen, .day)
        XCTAssertTrue(render(state)[1, 4].style.reverse)
    }

    func testDetailOfTheRetinolLimit() {
        // 1 softgel of the retinyl palmitate supplement counts toward the retinol UL.
        var state = Fixture.state(width: 120, height: 40, entries: [Fixture.entry(1, "01123", 50)])
        press(&state, .enter)
        let rows = screen(state)
        XCTAssertEqual(rows[3], " Upper limit: 3,000 µg of preformed vitamin A (retinol) from food and supplements, today 80 µg")
    }

    func testProfileChangesAreEffects() {
        var state = Fixture.state()
        press(&state, .character("p"))
        var rows = screen(state)
        XCTAssertEqual(rows[2], " Name                 Ana")
        XCTAssertEqual(rows[3], " Sex                  female")
        XCTAssertEqual(rows[8], " Life stage: Females 19-30")
        XCTAssertTrue(rows[10].hasPrefix(" Vitamin A   700 µg RAE RDA      UL 3000      IOM (2001)"), rows[10])
        // Age: Enter, type, Enter.
        press(&state, .down, .down, .enter)
        for _ in 0..<5 { press(&state, .backspace) }
        type(&state, "72")
        var changed = Fixture.person
        changed.ageMonths = 72 * 12
        XCTAssertEqual(press(&state, .enter), [.saveProfile(StoredProfile(id: 1, profile: changed))])
        _ = update(&state, .profileSaved(StoredProfile(id: 1, profile: changed)))
        rows = screen(state)
        XCTAssertEqual(rows[8], " Life stage: Females 71+")
        XCTAssertTrue(rows[11].hasPrefix(" Vitamin D   20 µg RDA"), rows[11])
        // A bad age is refused with its reason.
        press(&state, .enter)
        for _ in 0..<5 { press(&state, .backspace) }
        type(&state, "two-ish")
        XCTAssertEqual(press(&state, .enter), [])
        XCTAssertTrue(screen(state)[7].hasPrefix(" ! "), screen(state)[7])
        // Only one profile: switching says how to add one.
        press(&state, .escape, .character("s"))
        XCTAssertEqual(screen(state)[7], " ! There is only one profile · n adds another")
        XCTAssertEqual(press(&state, .character("n")), [.addProfile(PersonProfile(name: "Profile 2"))])
    }

    func testSwitchingProfiles() {
        let other = StoredProfile(id: 2, profile: PersonProfile(name: "Ben", sex: .male, ageMonths: 40 * 12))
        var state = Fixture.state(profiles: [other])
        press(&state, .character("p"))
        XCTAssertEqual(press(&state, .character("s")), [.switchProfile(id: 2)])
        _ = update(&state, .profileLoaded(ProfileContext(profile: other, profiles: [StoredProfile(id: 1, profile: Fixture.person), other],
                                                         overrides: [], entries: [Fixture.entry(9, "15236", 100)])))
        let rows = screen(state)
        XCTAssertTrue(rows[0].hasPrefix(" absorb  Ben · M 40 y"), rows[0])
        XCTAssertEqual(rows[8], " Life stage: Males 31-50                                         profile 2 of 2")
    }

    func testHelpIsMadeFromTheTablesAndScrollsAt80x24() {
        // At 120 × 40 every screen's keys fit; at 80 × 24 the day's and those that work
        // everywhere come first, and PgDn shows the rest.
        let headings = ["Day", "Everywhere", "Add food", "Amount", "Detail", "Profile", "Trends", "Gaps", "Best sources", "New food", "Marks:"]
        let meanings = ["previous / next day", "go to a date", "delete the entry", "undo the last change", "redo what u undid",
                        "copy the day before here", "grams or a measure", "new profile", "quit", "best foods for it"]
        var large = Fixture.state(width: 120, height: 40)
        press(&large, .character("?"))
        let text = screen(large).joined(separator: "\n")
        for word in headings + meanings { XCTAssertTrue(text.contains(word), "120×40 lacks \(word):\n\(text)") }
        // With the skin-and-gut screen's keys the help is one page and a little more at 120 × 40.
        XCTAssertEqual(screen(large)[39], " ↑↓ more  Esc back  q quit")
        var small = Fixture.state()
        press(&small, .character("?"))
        var seen = screen(small).joined(separator: "\n")
        XCTAssertTrue(screen(small)[1].hasPrefix(" Day"), screen(small)[1])
        XCTAssertTrue(seen.contains(" Everywhere"), seen)
        XCTAssertEqual(screen(small)[23], " ↑↓ more  Esc back  q quit")
        for _ in 0..<4 {
            press(&small, .pageDown)
            seen += "\n" + screen(small).joined(separator: "\n")
        }
        for word in headings + meanings { XCTAssertTrue(seen.contains(word), "80×24 never shows \(word):\n\(seen)") }
        // Help opened from the profile lists the profile's keys first, and Esc goes back to
        // the profile as it was.
        var profile = Fixture.state()
        press(&profile, .character("p"), .down, .character("?"))
        XCTAssertTrue(screen(profile)[1].hasPrefix(" Profile"), screen(profile)[1])
        press(&profile, .escape)
        guard case .profile(let form) = profile.screen else { return XCTFail("not back on the profile: \(profile.screen)") }
        XCTAssertEqual(form.field, .sex, "the form as it was")
        press(&profile, .escape)
        XCTAssertEqual(profile.screen, .day)
    }

    func testTheKeyBarOfEveryScreen() {
        var state = Fixture.state(entries: [Fixture.entry(1, "15236", 100)])
        let bars: [(keys: [Key], bar: String)] = [
            ([.enter], " ↑↓ nutrient  ←→ day  f best foods  a add  Esc back  ? help  q quit"),
            ([.escape, .character("a")], " type search  ↑↓ pick  ⏎ choose  ^F favourite  ^N new food  ^U clear  Esc back"),
            ([.enter], " 0-9 amount  ↑↓ unit  g grams  ←→ meal  ⏎ save  Esc back  ? help  q quit"),
            ([.escape, .escape, .character("p")], " ↑↓ field  ⏎ change  s switch profile  n new profile  Esc back  ? help  q quit"),
            ([.escape, .character(":")], " ⏎ go  Esc cancel"),
        ]
        for (keys, bar) in bars {
            for key in keys { press(&state, key) }
            XCTAssertEqual(screen(state)[23], bar)
        }
    }

    func testCtrlCQuitsFromAnyScreen() {
        for keys: [Key] in [[], [.character("a")], [.character("p"), .enter], [.character("?")], [.character(":")]] {
            var state = Fixture.state()
            for key in keys { press(&state, key) }
            XCTAssertEqual(press(&state, .control("c")), [.quit])
        }
    }

    func testANewDayMovesTodayAlong() {
        var state = Fixture.state()
        _ = update(&state, .clock(today: Fixture.today.adding(days: 1), minuteOfDay: 5))
        XCTAssertEqual(state.day, Fixture.today.adding(days: 1))
        // A person looking at another day stays on it.
        press(&state, .left, .left)
        _ = update(&state, .clock(today: Fixture.today.adding(days: 2), minuteOfDay: 5))
        XCTAssertEqual(state.day, Fixture.today.adding(days: -1))
    }

    /// The idle dashboard draws a frame only for a new day, not every minute: no screen may
    /// show the minute. Each screen a person can leave open, drawn at 07:00 and again after
    /// the clock reached 19:30, is the same cell for cell.
    func testNoScreenShowsTheMinuteSoTheClockDrawsOnlyANewDay() {
        let entries = [Fixture.entry(1, "15236", 100), Fixture.entry(2, "09412", 178, .snack)]
        for keys: [Key] in [[], [.tab], [.character("t")], [.character("g")], [.character("p")], [.character("?")],
                            [.character("a")], [.character("a"), .character("s"), .character("a"), .character("l")],
                            [.character("a"), .character("s"), .character("a"), .character("l"), .enter]] {
            var state = Fixture.state(entries: entries)
            _ = update(&state, .clock(today: Fixture.today, minuteOfDay: 7 * 60))
            for key in keys { press(&state, key) }
            let before = screen(state)
            _ = update(&state, .clock(today: Fixture.today, minuteOfDay: 19 * 60 + 30))
            XCTAssertEqual(screen(state), before, "after \(keys)")
        }
    }

    func testEntriesSavedElsewhereAreReloadedKeepingTheSelection() {
        let lunch = Fixture.entry(1, "15236", 100)
        let snack = Fixture.entry(2, "09412", 178, .snack)
        var state = Fixture.state(entries: [lunch, snack])
        press(&state, .tab, .down)
        XCTAssertEqual(state.dayEntries[state.selectedEntry].id, 2)
        // Another process added an egg at breakfast: it sorts first, the snack stays selected.
        _ = update(&state, .entriesReloaded([lunch, snack, Fixture.entry(3, "01123", 50, .breakfast)]))
        XCTAssertEqual(state.dayEntries.map(\.id), [3, 1, 2])
        XCTAssertEqual(state.dayEntries[state.selectedEntry].id, 2)
        XCTAssertEqual(screen(state)[10], " Breakfast  Egg, whole, raw                                                50 g")
        // Everything deleted elsewhere: the focus goes back to the nutrients.
        _ = update(&state, .entriesReloaded([]))
        XCTAssertEqual(state.focus, .nutrients)
    }

    func testAClinicianTargetIsShownWithItsSourceBesideTheReferenceItReplaces() {
        let summary = StoredProfile(id: 1, profile: Fixture.person)
        let override = TargetOverride(nutrient: .vitaminD, value: 50, setOn: LocalDate(year: 2026, month: 11, day: 24)!)
        var state = AppState(data: Fixture.data, context: ProfileContext(profile: summary, profiles: [summary], overrides: [override], entries: []),
                             today: Fixture.today, minuteOfDay: 720, width: 100, height: 30)
        XCTAssertTrue(screen(state)[3].contains("— µg / 50"), screen(state)[3])
        press(&state, .character("p"))
        let profile = screen(state).first { $0.hasPrefix(" Vitamin D ") } ?? ""
        XCTAssertEqual(profile, " Vitamin D   50 µg custom        UL 100       custom, set 24 Nov 2026 · replaces 15 RDA")
        press(&state, .escape, .down, .enter)
        XCTAssertTrue(screen(state)[2].hasPrefix(" Target: 50 µg custom · custom, set 24 Nov 2026 (replaces 15 RDA · IOM (2011)"), screen(state)[2])
    }

    func testCopyYesterdayAndRepeatAMeal() {
        let yesterday = Fixture.today.adding(days: -1)
        let entries = [Fixture.entry(1, "01129", 100, .breakfast, on: yesterday), Fixture.entry(2, "18075", 64, .breakfast, on: yesterday),
                       Fixture.entry(3, "15237", 150, .dinner, on: yesterday)]
        var state = Fixture.state(entries: entries)
        // y asks first, saying how many; n leaves everything as it is.
        XCTAssertEqual(press(&state, .character("y")), [])
        XCTAssertEqual(screen(state)[22], " Copy 3 entries from Tue 24 Nov 2026 to Wed 25 Nov 2026? y/n")
        XCTAssertEqual(press(&state, .character("n")), [])
        XCTAssertEqual(state.screen, .day)
        // y, y: yesterday's three entries onto today, in one effect.
        press(&state, .character("y"))
        XCTAssertEqual(press(&state, .character("y")), [.addEntries([
            NewEntry(date: Fixture.today, meal: .breakfast, foodID: "01129", grams: 100),
            NewEntry(date: Fixture.today, meal: .breakfast, foodID: "18075", grams: 64),
            NewEntry(date: Fixture.today, meal: .dinner, foodID: "15237", grams: 150),
        ])])
        // m: on yesterday, the selected entry's meal (breakfast: two entries) repeated today.
        press(&state, .left, .tab)
        XCTAssertEqual(press(&state, .character("m")), [])
        XCTAssertEqual(screen(state)[22], " Repeat Breakfast (2 entries) on today, Wed 25 Nov 2026? y/n")
        XCTAssertEqual(press(&state, .enter), [.addEntries([
            NewEntry(date: Fixture.today, meal: .breakfast, foodID: "01129", grams: 100),
            NewEntry(date: Fixture.today, meal: .breakfast, foodID: "18075", grams: 64),
        ])])
        XCTAssertEqual(state.day, Fixture.today)
        let saved = entries + [Fixture.entry(4, "01129", 100, .breakfast), Fixture.entry(5, "18075", 64, .breakfast)]
        _ = update(&state, .entriesCopied(count: 2, entries: saved))
        XCTAssertEqual(screen(state)[22], " Copied 2 entries to Wed 25 Nov 2026 · u undoes")
        XCTAssertEqual(state.dayEntries.count, 2)
        // One u takes both out again, in one change.
        XCTAssertEqual(press(&state, .character("u")), [.applyChange(.removeEntries(Array(saved.suffix(2)), profileID: 1), undoing: true)])
        // Nothing the day before: y says so.
        press(&state, .character("]"))
        XCTAssertEqual(press(&state, .character("y")), [])
        XCTAssertTrue(screen(state)[22].hasPrefix(" Nothing logged on "), screen(state)[22])
    }

    func testAFoodLoggedBeforeStartsAtItsLastAmount() {
        var state = Fixture.state(entries: [Fixture.entry(1, "15236", 85, on: Fixture.today.adding(days: -2))])
        press(&state, .character("a"), .enter)  // the recent food, first in the list
        XCTAssertEqual(screen(state)[4], " Amount: 85█  ↑ g ↓")
        // Typing still replaces the suggestion.
        type(&state, "120")
        XCTAssertEqual(screen(state)[4], " Amount: 120█  ↑ g ↓")
    }
}
