import Dashboard
import NutrientModel
import XCTest

/// Every size right: the header names the patient on every screen and fits with the demo's
/// banner, long text is elided with a mark keeping the words that tell foods apart, the
/// rule's labels never overlap, the detail keeps the foods with no value on screen; at
/// 80 × 24 and 120 × 40.
final class ScreenSizeTests: XCTestCase {
    let banner = "DEMO · a copy: your journal is not touched · r restores"
    let longName = "Maximiliana Alexandra Konstantinopoulou-Wetherington"

    func state(width: Int, height: Int, entries: [Entry] = [], name: String? = nil, banner: String? = nil) -> AppState {
        var person = Fixture.person
        if let name { person.name = name }
        let stored = StoredProfile(id: 1, profile: person)
        return AppState(data: Fixture.data, context: ProfileContext(profile: stored, profiles: [stored], overrides: [], entries: entries),
                        today: Fixture.today, minuteOfDay: 720, width: width, height: height, banner: banner)
    }

    func testTheHeaderNamesThePatientOnEveryScreenAndFitsWithTheBanner() {
        for (width, height) in [(80, 24), (120, 40)] {
            var state = state(width: width, height: height, name: longName, banner: banner)
            let day = screen(state)
            // The whole banner is said once, on the message line; the title has the short one.
            XCTAssertEqual(day[height - 2], " " + banner)
            XCTAssertTrue(day[0].hasSuffix("  ◀ Wed 25 Nov 2026 (today) ▶"), day[0])
            XCTAssertTrue(day[0].contains(" · F 30 y  ◀"), "sex and age kept, then a gap: \(day[0])")
            XCTAssertTrue(day[0].contains("Maximiliana") && day[0].contains("…"), "the name elided with a mark: \(day[0])")
            if width == 80 {
                XCTAssertEqual(day[0], " absorb  DEMO · r restores  Maximiliana … · F 30 y  ◀ Wed 25 Nov 2026 (today) ▶")
            } else {
                XCTAssertTrue(day[0].hasPrefix(" absorb  DEMO · a copy: your journal is not touched · r restores  Maximiliana Al… · F 30 y"), day[0])
            }
            // Every screen says whose figures they are.
            for keys: [Key] in [[.character("p")], [.escape, .enter], [.escape, .character("w")], [.escape, .character("g")],
                                [.escape, .character("a")], [.escape, .character("?")]] {
                for key in keys { press(&state, key) }
                let title = screen(state)[0]
                XCTAssertTrue(title.contains("Maxi"), "\(keys): \(title)")
                XCTAssertTrue(title.contains("DEMO"), "\(keys): \(title)")
            }
        }
    }

    func testAProfileNameLongerThanTheScreenIsElidedOnTheProfile() {
        let name = longName + " " + longName
        for (width, height) in [(80, 24), (120, 40)] {
            var state = state(width: width, height: height, name: name)
            press(&state, .character("p"))
            let rows = screen(state)
            XCTAssertTrue(rows[2].hasPrefix(" Name                 Maximiliana"), rows[2])
            XCTAssertTrue(rows[2].hasSuffix("…"), rows[2])
            XCTAssertLessThanOrEqual(rows[2].count, width - 1, rows[2])
            XCTAssertEqual(rows[3], " Sex                  female")
        }
    }

    func testEditingAFieldReplacesItsTextWhenTypingStarts() {
        let second = StoredProfile(id: 2, profile: PersonProfile(name: "Profile 2"))
        var state = AppState(data: Fixture.data,
                             context: ProfileContext(profile: second, profiles: [StoredProfile(id: 1, profile: Fixture.person), second],
                                                     overrides: [], entries: []),
                             today: Fixture.today, minuteOfDay: 720, width: 80, height: 24)
        press(&state, .character("p"), .enter)
        XCTAssertEqual(screen(state)[2], " Name                 Profile 2█")
        XCTAssertEqual(screen(state)[23], " type value  ⏎ save  Esc cancel")
        type(&state, "Ben")  // q, u and ? would be text here too
        XCTAssertEqual(screen(state)[2], " Name                 Ben█", "typing replaces the name (it appended: Profile 2Ben)")
        XCTAssertEqual(press(&state, .enter), [.saveProfile(StoredProfile(id: 2, profile: PersonProfile(name: "Ben")))])
        // Backspace first edits the text instead.
        press(&state, .enter, .backspace)
        type(&state, "x")
        XCTAssertEqual(screen(state)[2], " Name                 Profile x█")
        // The new-food form too: the measure "serving" is replaced by the first letter typed.
        var food = Fixture.state()
        press(&food, .character("a"))
        type(&food, "granola")
        press(&food, .control("n"), .down, .down)
        type(&food, "bar")
        XCTAssertEqual(screen(food)[4], " Measure                                bar█")
        press(&food, .backspace)
        type(&food, "s")
        XCTAssertEqual(screen(food)[4], " Measure                                bas█", "after Backspace, typing edits")
        // In a text field q is text; outside it q quits.
        type(&state, "q")
        XCTAssertFalse(state.wantsQuit)
        press(&state, .escape)
        XCTAssertEqual(press(&state, .character("q")), [.quit])
    }

    func testTwoOatCerealsStayApartAt80Columns() {
        let oats = [Fixture.entry(1, "08123", 234, .breakfast), Fixture.entry(2, "08129", 150, .breakfast),
                    Fixture.entry(3, "08121", 234, .breakfast), Fixture.entry(4, "08133", 150, .breakfast)]
        let rows = screen(state(width: 80, height: 24, entries: oats))
        XCTAssertEqual(Array(rows[10...13]), [
            " Breakfast  Oats, instant, plain, cooked with water                       234 g",
            "            Cereals, oats, instant, fortified, with cinnamon and spice …  150 g",
            "            Oats, cooked with water, no salt                              234 g",
            "            Cereals, oats, instant, fortified, with raisins and spice …   150 g",
        ])
        // At 120 columns they are whole (the two without a short name by their USDA descriptions).
        let wide = screen(state(width: 120, height: 40, entries: oats))
        XCTAssertTrue(wide[11].contains("Cereals, oats, instant, fortified, with cinnamon and spice, prepared with water"), wide[11])
    }

    func testTheRuleSaysWhichEntriesAreShownWithoutOverlappingTheDays() {
        let foods = ["08123", "01123", "09412", "11457", "15236"]
        let many = (1...15).map { Fixture.entry(Int64($0), foods[$0 % 5], 50, [.breakfast, .lunch, .dinner][$0 % 3]) }
        var state = state(width: 80, height: 24, entries: many)
        press(&state, .tab)
        XCTAssertEqual(screen(state)[9], "────────────────────────────── 1 logged day in the 7-day · entries 1-12 of 15 ──")
        for _ in 0..<14 { press(&state, .down) }
        XCTAssertTrue(screen(state)[9].hasSuffix(" 1 logged day in the 7-day · entries 4-15 of 15 ──"), screen(state)[9])
        // At 120 × 40 all fifteen fit: the rule says only the days.
        XCTAssertTrue(screen(self.state(width: 120, height: 40, entries: many))[9].hasSuffix("─ 1 logged day in the 7-day ──"))
    }

    func testTheDetailShowsTheFoodsWithNoValueAt80x24() {
        // Eight foods and a pear; the wild salmon and the pear have no vitamin D value: their
        // line stays on screen below the sources, which end in "and N more foods".
        let foods = ["15236", "01123", "01211", "15076", "01077", "15121", "01129", "11260"]
        var entries = foods.enumerated().map { Fixture.entry(Int64($0.offset + 1), $0.element, 100) }
        entries.append(Fixture.entry(20, "09412", 178, .snack))
        var state = state(width: 80, height: 24, entries: entries)
        press(&state, .down, .enter)
        let rows = screen(state)
        let text = rows.joined(separator: "\n")
        XCTAssertTrue(rows.contains("   ? No value (coverage 72 %): Fish, salmon, Atlantic, wild, raw; and 1 more"), text)
        XCTAssertTrue(rows.contains("   and 4 more foods"), text)
        var large = self.state(width: 120, height: 40, entries: entries)
        press(&large, .down, .enter)
        XCTAssertTrue(screen(large).contains { $0.hasPrefix("   ? No value (coverage ") && $0.contains("Pears, raw, bartlett") })
    }

    func testPluralsAreRight() {
        var state = state(width: 80, height: 24)
        press(&state, .character("a"))
        type(&state, "salmon atlantic farmed raw")
        guard case .addFood(let search) = state.screen else { return XCTFail() }
        XCTAssertEqual(screen(state)[3], search.results.count == 1 ? " 1 match" : " \(search.results.count) matches")
        let days = screen(self.state(width: 80, height: 24, entries: [Fixture.entry(1, "15236", 100)]))
        XCTAssertTrue(days[9].contains(" 1 logged day in the 7-day "), days[9])
    }

    func testASCIIMarksEachMeanOneThing() {
        let ascii = Glyphs.ascii
        let marks: [Character] = [ascii.veryLow, ascii.low, ascii.met, ascii.aboveUL, ascii.incomplete, ascii.fatFlag, ascii.limitMark, ascii.targetMark]
        XCTAssertEqual(Set(marks).count, marks.count, "\(marks)")
        XCTAssertTrue(Set(ascii.eighths).isDisjoint(with: marks), "a part-filled bar cell is never a mark")
        // Keys are words: ^v read as Ctrl-V.
        var state = Fixture.state(glyphs: .ascii)
        press(&state, .character("a"))
        type(&state, "salmon")
        press(&state, .enter)
        let rows = screen(state)
        XCTAssertEqual(rows[4], " Amount: 1_  Up oz (28.3 g) Dn")
        XCTAssertTrue(rows[23].hasPrefix(" 0-9 amount  Up/Dn unit  g grams  Lt/Rt meal  Enter save"), rows[23])
    }

    func testALargeTerminalGivesEachMealItsFigures() {
        // From the model's fat pairing: breakfast (the egg) 4.8 g fat, lunch (the salmon)
        // 13.4 g, the snack (pear and spinach) 0.7 g, flagged.
        let day = [Fixture.entry(1, "15236", 100), Fixture.entry(2, "01123", 50, .breakfast), Fixture.entry(3, "09412", 178, .snack),
                   Fixture.entry(4, "11457", 100, .snack)]
        let rows = screen(Fixture.state(width: 120, height: 40, entries: day))
        XCTAssertEqual(rows[11], "            · Breakfast: 4.8 g fat with vitamin A 80 µg RAE, D 1 µg, E 0.53 mg, K 0.15 µg")
        XCTAssertEqual(rows[13], "            · Lunch: 13.4 g fat with vitamin A 58 µg RAE, D 11 µg, E 3.6 mg, K 0.5 µg")
        XCTAssertEqual(rows[16], "            · Snack: 0.7 g fat with vitamin A 471 µg RAE, D 0 µg, E 2.2 mg, K 490 µg ⚠ too little fat")
        // At 80 × 24 there is no room: the entries alone, as before.
        let small = screen(Fixture.state(entries: day))
        XCTAssertFalse(small.contains { $0.contains("g fat with vitamin") }, small.joined(separator: "\n"))
    }

    func testAt200x60TheWeekIsBesideTheDayAndFiguresStayByTheirNames() {
        // Today: egg, salmon, pear and spinach; three days ago 200 g salmon.
        let day = [Fixture.entry(1, "15236", 100), Fixture.entry(2, "01123", 50, .breakfast), Fixture.entry(3, "09412", 178, .snack),
                   Fixture.entry(4, "11457", 100, .snack), Fixture.entry(5, "15236", 200, on: Fixture.today.adding(days: -3))]
        let rows = screen(Fixture.state(width: 200, height: 60, entries: day))
        // The table stops at 140 columns: the 7-day figure is not 200 cells from the name.
        XCTAssertEqual(rows[2].count, 139, rows[2])
        XCTAssertTrue(rows[2].hasSuffix("609 µg RAE / 700   87 ▽   23⚠ │   52"), rows[2])
        // The entries end at 110 columns; beside them, the last 7 days from the model's scores.
        XCTAssertTrue(rows[10].hasPrefix(" Breakfast  Egg, whole, raw" + String(repeating: " ", count: 78) + "50 g   Last 7 days, % of target"), rows[10])
        XCTAssertTrue(rows[12].hasSuffix("Thu 19 Nov  nothing logged"), rows[12])
        XCTAssertTrue(rows[15].hasSuffix("Sun 22 Nov   17▼  147✓   47▼    1▼   15▼   27▼ 999+✓"), rows[15])
        XCTAssertTrue(rows[18].hasSuffix("Wed 25 Nov   87▽   80▽   42▼  545✓   14▼   28▼  798✓"), rows[18])
        XCTAssertTrue(rows[19].hasSuffix("7-day        52▽  113✓   45▼  273✓   15▼   27▼ 999+✓"), rows[19])
        // At 120 × 40 there is no room beside the entries: the week is below them, in the
        // rows they leave; at 80 × 24 there is no room for it.
        let below = screen(Fixture.state(width: 120, height: 40, entries: day))
        XCTAssertEqual(below[18], " Last 7 days, % of target", below.joined(separator: "\n"))
        XCTAssertEqual(below[26], " Wed 25 Nov   87▽   80▽   42▼  545✓   14▼   28▼  798✓")
        XCTAssertEqual(below[27], " 7-day        52▽  113✓   45▼  273✓   15▼   27▼ 999+✓")
        XCTAssertFalse(screen(Fixture.state(entries: day)).contains { $0.contains("Last 7 days") })
    }

    func testTrendsNameEachBlockOnItsTopRow() {
        // Today 100 g salmon, three days ago 200 g: a bar of two rows (80 × 24) or four
        // (120 × 40) starts on its nutrient's row and never reaches the row of the one before.
        let entries = [Fixture.entry(1, "15236", 100), Fixture.entry(2, "15236", 200, on: Fixture.today.adding(days: -3))]
        for (width, height, rowsPer) in [(80, 24, 2), (120, 40, 4)] {
            var state = Fixture.state(width: width, height: height, entries: entries)
            press(&state, .character("w"))
            let rows = screen(state)
            let vitaminD = try! XCTUnwrap(rows.firstIndex { $0.hasPrefix(" Vitamin D") })
            let vitaminA = try! XCTUnwrap(rows.firstIndex { $0.hasPrefix(" Vitamin A") })
            XCTAssertEqual(vitaminD - vitaminA, rowsPer, rows.joined(separator: "\n"))
            XCTAssertEqual(vitaminA, 2, "the first block starts under the header")
            // EPA + DHA is far above target both days: its column fills every row of its block.
            let epa = try! XCTUnwrap(rows.firstIndex { $0.hasPrefix(" EPA + DHA") })
            for row in epa..<(epa + rowsPer) {
                XCTAssertTrue(rows[row].contains("█"), "row \(row) of the EPA + DHA block:\n\(rows.joined(separator: "\n"))")
            }
        }
    }

    func testTheSearchKeepsTheOatCerealsApartAt80Columns() {
        var state = Fixture.state()
        press(&state, .character("a"))
        type(&state, "oats instant")
        let rows = screen(state)
        let shown = Array(rows[4..<12])
        XCTAssertEqual(Set(shown).count, shown.count, "every row differs:\n\(shown.joined(separator: "\n"))")
        XCTAssertTrue(shown.allSatisfy { $0.count <= 79 }, shown.joined(separator: "\n"))
        XCTAssertTrue(rows.contains("  08129  Cereals, oats, instant … with cinnamon and spice, prepared with water"), rows.joined(separator: "\n"))
        XCTAssertTrue(rows.contains("  08133  Cereals, oats … fortified, with raisins and spice, prepared with water"), rows.joined(separator: "\n"))
    }

    func testALargeDetailSaysWhichMealsCarriedTheVitamin() {
        let day = [Fixture.entry(1, "15236", 100), Fixture.entry(2, "01123", 50, .breakfast), Fixture.entry(3, "09412", 178, .snack),
                   Fixture.entry(4, "11457", 100, .snack)]
        var state = Fixture.state(width: 120, height: 40, entries: day)
        press(&state, .down, .down, .down, .enter)
        XCTAssertTrue(screen(state).contains("   By meal: Breakfast 0.15 µg with 4.8 g fat · Lunch 0.5 µg with 13.4 g fat · Snack 490 µg with 0.7 g fat ⚠"),
                      screen(state).joined(separator: "\n"))
        var small = Fixture.state(entries: day)
        press(&small, .down, .down, .down, .enter)
        XCTAssertFalse(screen(small).contains { $0.contains("By meal:") }, "no room at 80 × 24")
    }
}
