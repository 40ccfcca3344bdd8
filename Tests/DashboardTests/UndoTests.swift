import Dashboard
import NutrientModel
import XCTest

/// Undo and redo of every change the session made to the journal: each is an effect the
/// executable runs only where the journal is still as the change left it.
final class UndoTests: XCTestCase {
    func testAnEditIsUndoneToItsOldAmountAndRedone() {
        let entry = Fixture.entry(4, "15236", 100)
        var state = Fixture.state(entries: [entry])
        let changed = Entry(id: 4, date: entry.date, meal: .dinner, foodID: "15236", grams: 50, loggedAt: entry.loggedAt)
        _ = update(&state, .entryUpdated(changed))
        XCTAssertEqual(press(&state, .character("u")), [.applyChange(.changeEntry(from: changed, to: entry, profileID: 1), undoing: true)])
        _ = update(&state, .changeApplied(undoing: true, context: Fixture.context(entries: [entry])))
        XCTAssertTrue(screen(state)[22].hasPrefix(" Undone: Changed to 50 g of Salmon, Atlantic"), screen(state)[22])
        XCTAssertEqual(press(&state, .control("r")), [.applyChange(.changeEntry(from: entry, to: changed, profileID: 1), undoing: false)])
    }

    func testWhatAnotherProcessChangedSinceIsLeftAndSaidSo() {
        let entry = Fixture.entry(4, "15236", 100)
        var state = Fixture.state()
        _ = update(&state, .entrySaved(entry))
        XCTAssertEqual(press(&state, .character("u")), [.applyChange(.removeEntries([entry], profileID: 1), undoing: true)])
        // The journal found the entry changed (another absorb made it 80 g): nothing was undone.
        let elsewhere = Entry(id: 4, date: entry.date, meal: .lunch, foodID: "15236", grams: 80, loggedAt: entry.loggedAt)
        _ = update(&state, .changeLeft(undoing: true, context: Fixture.context(entries: [elsewhere])))
        let message = screen(state)[22]
        XCTAssertTrue(message.hasPrefix(" ! Not undone: Added 100 g of Salmon, Atlantic"), message)
        XCTAssertTrue(screen(state)[10].hasSuffix("80 g"), "the journal's entry, as it is now: \(screen(state)[10])")
        // The change is no longer offered.
        XCTAssertEqual(press(&state, .character("u")), [])
        XCTAssertEqual(screen(state)[22], " Nothing to undo")
    }

    func testProfileChangesAndANewProfileAreUndone() {
        var state = Fixture.state()
        var older = Fixture.person
        older.ageMonths = 72 * 12
        let before = StoredProfile(id: 1, profile: Fixture.person), after = StoredProfile(id: 1, profile: older)
        _ = update(&state, .profileSaved(after))
        let added = StoredProfile(id: 2, profile: PersonProfile(name: "Profile 2"))
        _ = update(&state, .profileAdded(ProfileContext(profile: added, profiles: [after, added], overrides: [], entries: [])))
        XCTAssertTrue(screen(state)[0].hasPrefix(" absorb  Profile 2"), screen(state)[0])
        // Last first: the new profile goes (only if it is still as added, with nothing logged), then the age.
        XCTAssertEqual(press(&state, .character("u")), [.applyChange(.removeProfile(added, previous: 1), undoing: true)])
        _ = update(&state, .changeApplied(undoing: true, context: ProfileContext(profile: after, profiles: [after], overrides: [], entries: [])))
        XCTAssertEqual(screen(state)[22], " Undone: the new profile Profile 2 · ^R redoes")
        XCTAssertEqual(press(&state, .character("u")), [.applyChange(.changeProfile(from: after, to: before), undoing: true)])
        _ = update(&state, .changeApplied(undoing: true, context: Fixture.context(entries: [])))
        XCTAssertTrue(screen(state)[0].hasPrefix(" absorb  Ana · F 30 y"), screen(state)[0])
        // Redo puts the profile back with its id.
        XCTAssertEqual(press(&state, .control("r")), [.applyChange(.changeProfile(from: before, to: after), undoing: false)])
    }

    func testChoosingAFavouriteIsUndoneAndRedone() {
        var state = Fixture.state()
        press(&state, .character("a"))
        _ = update(&state, .favouritesChanged(foodID: "15236", favourites: ["15236"]))
        XCTAssertEqual(press(&state, .character("u")), [], "u is text in the search")
        press(&state, .escape, .escape)
        XCTAssertEqual(press(&state, .character("u")), [.applyChange(.setFavourite(foodID: "15236", false, profileID: 1), undoing: true)])
        _ = update(&state, .changeApplied(undoing: true, context: Fixture.context(entries: [])))
        XCTAssertEqual(state.favourites, [])
        XCTAssertEqual(screen(state)[22], " Undone: Favourite: Salmon, Atlantic, farmed, raw · ^R redoes")
        XCTAssertEqual(press(&state, .control("r")), [.applyChange(.setFavourite(foodID: "15236", true, profileID: 1), undoing: false)])
        // Unmarking one is undone by marking it again.
        var marked = Fixture.state()
        _ = update(&marked, .favouritesChanged(foodID: "15236", favourites: ["15236"]))
        _ = update(&marked, .favouritesChanged(foodID: "15236", favourites: []))
        XCTAssertEqual(press(&marked, .character("u")), [.applyChange(.setFavourite(foodID: "15236", true, profileID: 1), undoing: true)])
        // The journal saying what the state already had is no change to undo.
        var same = Fixture.state()
        _ = update(&same, .favouritesChanged(foodID: "15236", favourites: []))
        XCTAssertEqual(press(&same, .character("u")), [])
    }

    func testSwitchingProfileIsUndoneAndRedone() {
        let ana = StoredProfile(id: 1, profile: Fixture.person), ben = StoredProfile(id: 2, profile: PersonProfile(name: "Ben"))
        var state = Fixture.state(profiles: [ben])
        _ = update(&state, .profileLoaded(ProfileContext(profile: ben, profiles: [ana, ben], overrides: [], entries: [])))
        XCTAssertTrue(screen(state)[0].hasPrefix(" absorb  Ben"), screen(state)[0])
        XCTAssertEqual(press(&state, .character("u")), [.applyChange(.switchProfile(from: 2, to: 1), undoing: true)])
        _ = update(&state, .changeApplied(undoing: true, context: ProfileContext(profile: ana, profiles: [ana, ben], overrides: [], entries: [])))
        XCTAssertTrue(screen(state)[0].hasPrefix(" absorb  Ana"), screen(state)[0])
        XCTAssertEqual(screen(state)[22], " Undone: the switch to Ben · ^R redoes")
        XCTAssertEqual(press(&state, .control("r")), [.applyChange(.switchProfile(from: 1, to: 2), undoing: false)])
        // Loading the profile shown again (after another absorb's change) is no switch.
        var same = Fixture.state()
        _ = update(&same, .profileLoaded(Fixture.context(entries: [])))
        XCTAssertEqual(press(&same, .character("u")), [])
    }

    func testARepeatedMealIsUndoneInOneStep() {
        let yesterday = Fixture.today.adding(days: -1)
        let entries = [Fixture.entry(1, "01129", 100, .breakfast, on: yesterday), Fixture.entry(2, "18075", 64, .breakfast, on: yesterday)]
        var state = Fixture.state(entries: entries)
        press(&state, .left, .tab, .character("m"))
        XCTAssertEqual(press(&state, .character("y")).count, 1)
        let copies = [Fixture.entry(3, "01129", 100, .breakfast), Fixture.entry(4, "18075", 64, .breakfast)]
        _ = update(&state, .entriesCopied(count: 2, entries: entries + copies))
        XCTAssertEqual(press(&state, .character("u")), [.applyChange(.removeEntries(copies, profileID: 1), undoing: true)])
        _ = update(&state, .changeApplied(undoing: true, context: Fixture.context(entries: entries)))
        XCTAssertEqual(screen(state)[22], " Undone: Copied 2 entries to Wed 25 Nov 2026 · ^R redoes")
        XCTAssertEqual(screen(state)[10], " Nothing logged on Wed 25 Nov 2026. a adds a food.")
    }

    func testUndoIsTextInASearch() {
        var state = Fixture.state()
        _ = update(&state, .entrySaved(Fixture.entry(1, "15236", 100)))
        press(&state, .character("a"))
        type(&state, "u")
        guard case .addFood(let search) = state.screen else { return XCTFail() }
        XCTAssertEqual(search.query, "u")
        // ^R is no letter: it works there too (nothing to redo).
        XCTAssertEqual(press(&state, .control("r")), [])
    }

    func testANewFoodIsUndoneAndNoLongerOffered() throws {
        var state = Fixture.state()
        let food = try FoodLabel(name: "granola bar", servingGrams: 40, measure: "bar", perServing: [.energy: 180, .fat: 7])
            .food(id: "C0001", group: "Custom foods", maxServingGrams: 10_000)
        press(&state, .character("a"))
        _ = update(&state, .customFoodAdded(food))
        press(&state, .escape, .escape)
        XCTAssertEqual(state.screen, .day)
        XCTAssertEqual(press(&state, .character("u")), [.applyChange(.removeCustomFood(food), undoing: true)])
        _ = update(&state, .changeApplied(undoing: true, context: Fixture.context(entries: [])))
        XCTAssertEqual(screen(state)[22], " Undone: the new food C0001 granola bar · ^R redoes")
        press(&state, .character("a"))
        type(&state, "granola bar")
        guard case .addFood(let search) = state.screen else { return XCTFail() }
        XCTAssertFalse(search.results.contains { state.data.foods.ids[$0] == "C0001" }, "an undone food is not offered")
        press(&state, .escape)
        XCTAssertEqual(press(&state, .control("r")), [.applyChange(.addCustomFood(food), undoing: false)])
        _ = update(&state, .changeApplied(undoing: false, context: Fixture.context(entries: [])))
        press(&state, .character("a"))
        type(&state, "granola bar")
        guard case .addFood(let again) = state.screen else { return XCTFail() }
        XCTAssertTrue(again.results.contains { state.data.foods.ids[$0] == "C0001" }, "redone, it is offered again")
    }
}
