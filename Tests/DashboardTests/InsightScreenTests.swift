import Dashboard
import NutrientModel
import XCTest

/// The insight screens: usual intake (v), trends (w), the gap plan (g), best sources (f)
/// and the fat-pairing flags, read from the canvas.
final class InsightScreenTests: XCTestCase {
    // Today 100 g salmon (D 11 µg), three days ago 200 g (22 µg).
    let twoDays = [Fixture.entry(1, "15236", 100), Fixture.entry(2, "15236", 200, on: Fixture.today.adding(days: -3))]

    func testVSwitchesBetweenTheDayAndSevenAndThirtyDayAverages() {
        var state = Fixture.state(entries: twoDays)
        XCTAssertTrue(screen(state)[3].contains("11 µg / 15   73 ▽"), screen(state)[3])
        press(&state, .character("v"))
        var rows = screen(state)
        // (11 + 22) / 2 logged days = 16.5 µg = 110 %; beside it the 30-day average, the same.
        XCTAssertTrue(rows[1].hasPrefix(" Nutrient     7-day average"), rows[1])
        XCTAssertTrue(rows[1].hasSuffix("│30-day"), rows[1])
        XCTAssertTrue(rows[3].contains("16.5 µg / 15  110 ✓"), rows[3])
        XCTAssertTrue(rows[9].contains(" 7-day average of 2 logged days "), rows[9])
        press(&state, .character("v"))
        rows = screen(state)
        XCTAssertTrue(rows[1].hasPrefix(" Nutrient     30-day average"), rows[1])
        XCTAssertTrue(rows[9].contains(" 30-day average of 2 logged days "), rows[9])
        press(&state, .character("v"))
        XCTAssertEqual(state.period, .day)
    }

    func testTrendsShowThirtyDaysAndBothAverages() {
        for (width, height) in [(80, 24), (120, 40)] {
            var state = Fixture.state(width: width, height: height, entries: twoDays)
            press(&state, .character("w"))
            let rows = screen(state)
            XCTAssertEqual(rows[0].hasSuffix("Trends · 30 days to Wed 25 Nov 2026"), true, rows[0])
            let vitaminD = rows.first { $0.hasPrefix(" Vitamin D") } ?? ""
            // 28 days with nothing logged are dots, not zeros; both averages are 110 %.
            XCTAssertEqual(vitaminD.filter { $0 == "·" }.count, 28, vitaminD)
            XCTAssertTrue(vitaminD.hasSuffix("110 %   110 %"), vitaminD)
            XCTAssertEqual(rows[height - 1], " ←→ day  [] week  t today  Esc back  ? help  q quit")
            press(&state, .escape)
            XCTAssertEqual(state.screen, .day)
        }
    }

    func testTheGapPlanIsShownLineByLine() throws {
        var state = Fixture.state(entries: [Fixture.entry(1, "15236", 100)])
        press(&state, .character("g"))
        let plan = try XCTUnwrap(state.gapPlan)
        XCTAssertLessThanOrEqual(plan.items.count, 3)
        let text = screen(state).joined(separator: "\n")
        XCTAssertTrue(text.contains(" Gaps on Wed 25 Nov 2026: Vitamin A 58 of 700 µg RAE"), text)
        XCTAssertTrue(text.contains(" Plan ("), text)
        for item in plan.items {
            XCTAssertTrue(text.contains(String(item.food.description.prefix(30))), "\(item.food.description) missing:\n\(text)")
        }
        // Moving a day plans that day: with nothing logged, every nutrient is a gap.
        press(&state, .left)
        XCTAssertTrue(screen(state)[2].hasPrefix(" Gaps on Tue 24 Nov 2026: Vitamin A 0 of 700 µg RAE"), screen(state)[2])
        press(&state, .character("g"))
        XCTAssertEqual(state.screen, .day)
    }

    func testBestSourcesFromTheDetailScreen() throws {
        var state = Fixture.state()
        press(&state, .down, .enter, .character("f"))
        XCTAssertEqual(state.screen, .sources(.vitaminD))
        let rows = screen(state)
        XCTAssertTrue(rows[0].hasSuffix("Best sources · Vitamin D per serving"), rows[0])
        // Each line ends in the amount and its percent of 15 µg, richest first.
        let amounts = rows[3...5].map { row -> Double in
            let parts = row.split(separator: " ").map(String.init)
            let index = parts.lastIndex(of: "µg")!
            return Double(parts[index - 1].replacingOccurrences(of: ",", with: ""))!
        }
        XCTAssertEqual(amounts, amounts.sorted(by: >))
        press(&state, .character("b"), .character("b"))
        XCTAssertTrue(screen(state)[0].hasSuffix("Best sources · Vitamin D per 100 kcal"), screen(state)[0])
        press(&state, .escape)
        XCTAssertEqual(state.screen, .detail(.vitaminD))
    }

    func testAFatFreeSaladIsFlaggedOnTheDayAndExplainedInTheDetail() {
        // 100 g raw spinach at lunch, nothing else: 0.39 g of fat with A, E and K.
        var state = Fixture.state(entries: [Fixture.entry(1, "11457", 100)])
        var rows = screen(state)
        XCTAssertTrue(rows[2].hasSuffix("  0⚠ │   67"), rows[2])
        // A 469 of 700 µg = 67 %, E 2.03 of 15 mg, K 482.9 of 90 µg: all with 0.39 g of fat.
        XCTAssertEqual(rows[21], " ⚠ Lunch: vitamin A, E, K with 0.4 g fat: poorly absorbed (⏎ on it: what to do)")
        press(&state, .down, .down, .down, .enter)
        rows = screen(state)
        XCTAssertEqual(rows[7], "   Fat pairing: 0 % eaten in meals with at least 3 g fat")
        XCTAssertEqual(rows[8], "   ⚠ Lunch: 483 µg with 0.4 g fat: add a fat source to it, such as 1 tsp of")
        XCTAssertEqual(rows[9], "     olive oil (4.5 g fat), or eat it with a meal that has some")
    }
}
