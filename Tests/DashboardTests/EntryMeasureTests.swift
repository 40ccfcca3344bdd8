import Dashboard
import NutrientModel
import XCTest

/// Entries in the measure they were logged in: shown in it, edited in it, copied with it;
/// changing the unit keeps the amount of food.
final class EntryMeasureTests: XCTestCase {
    // 15236 farmed salmon: its first measure is "oz" (28.35 g), then "fillet" and others.
    let ounce = Fixture.entry(1, "15236", 28.35)
    var loggedInOunces: Entry {
        Entry(id: 1, date: Fixture.today, meal: .lunch, foodID: "15236", grams: 28.35, loggedAt: ounce.loggedAt,
              measure: LoggedMeasure(amount: 1, unit: "oz"))
    }

    func testAnEntryLoggedInOuncesShowsAndOpensInOunces() {
        var state = Fixture.state(entries: [loggedInOunces, Fixture.entry(2, "01123", 50, .breakfast)])
        var rows = screen(state)
        XCTAssertEqual(rows[10], " Breakfast  Egg, whole, raw                                                50 g", "grams: logged in grams")
        XCTAssertEqual(rows[11], " Lunch      Salmon, Atlantic, farmed, raw" + String(repeating: " ", count: 34) + "1 oz")
        XCTAssertTrue(screen(Fixture.state(width: 120, height: 40, entries: [loggedInOunces]))[10].hasSuffix("1 oz (28.4 g)"))
        press(&state, .tab, .down, .character("e"))
        rows = screen(state)
        XCTAssertEqual(rows[4], " Amount: 1█  ↑ oz (28.3 g) ↓", "it opened as 28.35 g")
        // ↓ to the next measure keeps the amount of food: 28.35 g in that measure, not 1 of it.
        press(&state, .down)
        guard case .amount(let form) = state.screen, case .success(let grams) = Dashboard.grams(of: form, in: state) else {
            return XCTFail("not the amount form")
        }
        XCTAssertEqual(grams, 28.35, accuracy: 1e-9, "\(form.amountText) of unit \(form.unit) is \(grams) g")
        // Back to grams: 28.35 g.
        press(&state, .character("g"))
        XCTAssertEqual(screen(state)[4], " Amount: 28.35█  ↑ g ↓")
        // Typed, then a unit: the number typed, in that unit.
        type(&state, "2")
        press(&state, .up)
        guard case .amount(let typed) = state.screen else { return XCTFail() }
        XCTAssertEqual(typed.amountText, "2")
        let effects = press(&state, .enter)
        guard case .updateEntry(let changed) = effects.first else { return XCTFail("\(effects)") }
        XCTAssertEqual(changed.measure?.amount, 2)
        XCTAssertEqual(changed.measure?.unit, Fixture.data.foods.food(id: "15236")!.portions.last!.description)
    }

    func testAnEntryLoggedInGramsBeforeTheJournalKeptMeasuresOpensInGrams() {
        var state = Fixture.state(entries: [ounce])
        press(&state, .tab, .character("e"))
        XCTAssertEqual(screen(state)[4], " Amount: 28.35█  ↑ g ↓")
    }

    func testCopyingADayKeepsTheMeasures() {
        let yesterday = Entry(id: 1, date: Fixture.today.adding(days: -1), meal: .lunch, foodID: "15236", grams: 56.7,
                              loggedAt: ounce.loggedAt, measure: LoggedMeasure(amount: 2, unit: "oz"))
        var state = Fixture.state(entries: [yesterday])
        press(&state, .character("y"))
        XCTAssertEqual(press(&state, .character("y")), [.addEntries([NewEntry(date: Fixture.today, meal: .lunch, foodID: "15236", grams: 56.7,
                                                                              measure: LoggedMeasure(amount: 2, unit: "oz"))])])
    }
}
