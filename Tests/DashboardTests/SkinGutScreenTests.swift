import Dashboard
import Foundation
import NutrientModel
import XCTest

/// The check-in (`c`) and skin-and-gut (`s`) screens: keys as a person presses them, the
/// effect a check-in saves, and the canvas at 80 × 24 and 120 × 40.
final class SkinGutScreenTests: XCTestCase {
    let today = Fixture.today

    /// Ana with a fortnight: itch falling from 7 to 3, POEM 14 a week ago and 7 today,
    /// onions and yogurt on some days, LGG the last 7 days.
    func state(width: Int = 80, height: Int = 24, scales: [CheckInScale] = [.itch, .poem, .bristol], trials: [Trial] = []) -> AppState {
        var person = Fixture.person
        person.scales = scales
        let summary = StoredProfile(id: 1, profile: person)
        var checkIns: [CheckIn] = []
        for offset in 0..<14 {
            var checkIn = CheckIn(date: today.adding(days: offset - 13), itch: 7 - offset * 4 / 13, bristol: offset % 3 == 0 ? 2 : 4)
            if offset == 6 { checkIn.poemAnswers = [2, 3, 1, 1, 2, 2, 3] }
            if offset == 13 { checkIn.poemAnswers = [1, 1, 0, 1, 1, 1, 2]; checkIn.note = "calmer" }
            checkIns.append(checkIn)
        }
        let entries = (0..<14).flatMap { offset -> [Entry] in
            [Fixture.entry(Int64(offset * 2 + 1), "11282", 80, .dinner, on: today.adding(days: offset - 13)),
             Fixture.entry(Int64(offset * 2 + 2), "01116", offset % 2 == 0 ? 150 : 300, .breakfast, on: today.adding(days: offset - 13))]
        }
        let doses = (7..<14).map { ProbioticDose(date: today.adding(days: $0 - 13), strain: "Lactobacillus rhamnosus GG", strainID: "lgg", cfu: 1e10) }
        return AppState(data: Fixture.data,
                        context: ProfileContext(profile: summary, profiles: [summary], overrides: [], entries: entries,
                                                checkIns: checkIns, probiotics: doses, trials: trials),
                        today: today, minuteOfDay: 12 * 60, width: width, height: height)
    }

    // The figures of the snapshots, by hand: fibre 80 g onion a day × 1.7 g/100 g = 1.36 g a
    // day; 7 days of yogurt, 300 g on 4 and 150 g on 3 (150 g a serving, live cultures) =
    // 11 servings; 80 g onion a day (80 g a serving) = 7 prebiotic servings; itch 7,7,7,7,
    // 6,6,6 then 5,5,5,4,4,4,3: 76 / 14 = 5.4 a day, weeks 46/7 and 30/7, a change of −2.3;
    // POEM 14 a week ago (moderate) and 7 today (mild). What changed, itch beside fibre (every
    // day below its AI): the same day all 14 (76 / 14 = 5.4), a day after 13 (69 / 13 = 5.3),
    // two 12 (62 / 12 = 5.2), three 11 (55 / 11 = 5); beside fermented servings every day has one.

    func testTheOverviewAt80By24() {
        var s = state()
        press(&s, .character("s"))
        XCTAssertEqual(screen(s), Self.overview80)
    }

    /// A week of LGG as a trial, the week before as its baseline: its phases under the columns
    /// of those days (b, then T), and in words.
    func testATrialsPhasesAreMarkedUnderTheCharts() {
        var plain = state()
        press(&plain, .character("s"))
        let base = screen(plain)
        let trial = Trial(name: "LGG week", kind: .supplement("S0001"), start: today.adding(days: -6), weeks: 1)
        var s = state(trials: [trial])
        press(&s, .character("s"))
        // The same screen with two rows more: the phases under the columns of their days
        // (30 columns of a day each: 16 before the baseline, 7 b, 7 T) and the phases in words.
        var expected = base
        expected.insert(" Trial                          bbbbbbbTTTTTTT      b T r: LGG week", at: 6)
        expected.insert(" Trial \"LGG week\": baseline 2026-11-12 – 2026-11-18 · trial 2026-11-19 – 2026-1…", at: 11)
        expected.removeSubrange((expected.count - 3)..<(expected.count - 1))
        XCTAssertEqual(screen(s), expected)
        // A trial another absorb started appears in the open screen.
        _ = update(&plain, .trialsReloaded([trial]))
        XCTAssertEqual(screen(plain), expected)
        // Fewer than 14 days of check-ins: the screen says why there is nothing; POEM is weekly.
        var fewer = state()
        press(&fewer, .character("s"))
        _ = update(&fewer, .checkInsReloaded(Array(fewer.checkIns.dropFirst()), probiotics: fewer.probiotics))
        assertShows(fewer, " What changed needs at least 14 days of check-ins; there are 13.")
        var poem = state()
        press(&poem, .character("s"), .down)
        assertShows(poem, " What changed compares daily scales: POEM asks about a week.")
        // A trial of other days is not drawn.
        var other = state(trials: [Trial(name: "old", kind: .remove("no_dairy"), start: today.adding(days: -300), weeks: 2)])
        press(&other, .character("s"))
        XCTAssertEqual(screen(other), base)
        // In ASCII the letters are the same.
        XCTAssertEqual(TrialPhaseRow(trial: trial, range: DateRange(from: today.adding(days: -29), to: today)).letters(columns: 15),
                       "        bbbTTTT", "15 columns of 2 days, each the phase of its last day")
    }

    func testTheOverviewAt120By40Over90DaysBesideAnotherFigure() {
        var s = state(width: 120, height: 40)
        press(&s, .character("s"), .character("v"), .character("f"))
        XCTAssertEqual(screen(s), Self.overview120)
        press(&s, .escape)
        XCTAssertEqual(s.screen, .day)
    }

    func testTheCheckInAt80By24HoldsTheDaysValues() {
        var s = state()
        press(&s, .character("c"))
        XCTAssertEqual(screen(s), Self.checkin80)
    }

    func testTheCheckInAt120By40ShowsTheWholePOEMQuestion() {
        var s = state(width: 120, height: 40)
        press(&s, .character("c"), .down, .down)
        XCTAssertEqual(screen(s), Self.checkin120)
    }

    func testAFewKeysMakeTheDaysCheckIn() throws {
        var s = state()
        press(&s, .character("h"))  // yesterday: it has itch 4 and Bristol 4, no POEM
        press(&s, .character("c"))
        // Itch: 4 → 6 with →→; Bristol: type 5.
        press(&s, .right, .right)
        for _ in 0..<8 { press(&s, .down) }
        type(&s, "5")
        var effects = press(&s, .enter)
        XCTAssertEqual(effects, [.saveCheckIn(CheckIn(date: today.adding(days: -1), itch: 6, bristol: 5))])
        _ = update(&s, .checkInSaved(CheckIn(date: today.adding(days: -1), itch: 6, bristol: 5), updated: true))
        XCTAssertEqual(s.screen, .day, "c from the day returns to it")
        XCTAssertEqual(s.checkIn(on: today.adding(days: -1))?.itch, 6)
        assertShows(s, "Updated the check-in for Tue 24 Nov 2026")

        // Part of POEM is refused with the reason; Del clears, and nothing is saved.
        press(&s, .character("t"), .character("s"), .character("c"))
        press(&s, .down, .delete)
        effects = press(&s, .enter)
        XCTAssertEqual(effects, [])
        assertShows(s, "answer all 7 POEM questions, or none (6 answered)")
        // A digit outside the scale is not taken.
        press(&s, .up, .delete)
        type(&s, "9")
        type(&s, "9")
        guard case .skinGut(let screenState) = s.screen, case .checkIn(let form) = screenState.mode else { return XCTFail("not the check-in") }
        XCTAssertEqual(form.values[.scale(.itch)], 9, "99 is not an itch: the last digit stands")
        // Esc goes back to the overview it was opened from.
        press(&s, .escape)
        guard case .skinGut(let overview) = s.screen, overview.mode == .overview else { return XCTFail("not the overview") }
    }

    func testANoteIsTypedAndAnEmptyCheckInIsNotSaved() {
        var s = state(scales: [.bloating])
        press(&s, .character("l"), .character("c"))  // tomorrow: not yet
        type(&s, "3")
        XCTAssertEqual(press(&s, .enter), [])
        assertShows(s, "a check-in is about a day that has come")
        press(&s, .escape, .character("t"))
        XCTAssertEqual(s.screen, .day)
        press(&s, .character("["), .character("["), .character("["), .character("c"))  // three weeks ago: nothing recorded
        XCTAssertEqual(press(&s, .enter), [])
        assertShows(s, "nothing to save")
        press(&s, .down)
        type(&s, "ate late")
        XCTAssertEqual(press(&s, .enter), [.saveCheckIn(CheckIn(date: today.adding(days: -21), note: "ate late"))])
    }

    func testHelpNamesTheKeys() {
        var s = state(width: 120, height: 70)
        press(&s, .character("?"))
        // The help is made from the key tables: the day's c and s, and the screen's own group.
        assertShows(s, "c            check in: the day's skin")
        assertShows(s, "s            skin and gut over 30 or")
        assertShows(s, "Skin and gut")
        assertShows(s, "⏎            check-in: save (a second")
    }

    static let overview80: [String] = [
        " absorb  Ana · F 30 y                                                Skin & gut",
        " 30 days to Wed 25 Nov 2026 · beside Fibre (g)",
        " Itch           ················▆▆▆▆▅▅▅▅▅▅▄▄▄▃      latest 3",
        " POEM (wk)      ················▅▅▅▅▅▅▅▃▃▃▃▃▃▃      latest 7 mild eczema",
        " Bristol        ················▂▅▅▂▅▅▂▅▅▂▅▅▂▅      latest 4 usual",
        " Fibre          ················██████████████      top 1.4 g",
        " · not recorded (not zero) · a column is 1 day, oldest left",
        "",
        " Itch (peak NRS): 14 days recorded, average 5.4, first to last week -2.3",
        " Changed, >=/< target: 0d -/5.4(14) 1d -/5.3(13) 2d -/5.2(12) 3d -/5(11)",
        " Gut, 7 days: fibre 1.4 g/day of 2.5 · probiotic 7 of 7 days",
        " fermented 11 servings (11 live cultures) · prebiotic 7 (onion)",
        " Note 2026-11-25: calmer",
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
        " ↑↓ scale  f figure  v 30/90  c check in  t trial  Esc back  ? help  q quit",
    ]
    static let overview120: [String] = [
        " absorb  Ana · F 30 y                                                                                        Skin & gut",
        " 90 days to Wed 25 Nov 2026 · beside Fermented servings (servings)",
        " Itch           ·······························································▆▆▆▅▅▅▅▅▄▄▃  latest 3",
        " POEM (wk)      ·······························································▅▅▅▅▅▅▃▃▃▃▃  latest 7 mild eczema",
        " Bristol        ·······························································▂▅▂▅▅▂▅▂▅▅▃  latest 4 usual",
        " Fermented ser… ·······························································▅▆█▅█▅▆█▅█▆  top 2 servings",
        " · not recorded (not zero) · a column is 1–2 days, oldest left",
        "",
        " Itch (peak NRS): 14 days recorded, average 5.4, first to last week -2.3",
        " Changed, >=/< target: 0d 5.4(14)/- 1d 5.3(13)/- 2d 5.2(12)/- 3d 5(11)/-",
        " Gut, 7 days: fibre 1.4 g/day of 2.5 · probiotic 7 of 7 days",
        " fermented 11 servings (11 live cultures) · prebiotic 7 (onion)",
        " Note 2026-11-25: calmer",
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
        "",
        "",
        "",
        "",
        " ↑↓ scale  f figure  v 30/90  c check in  t trial  Esc back  ? help  q quit",
    ]
    static let checkin80: [String] = [
        " absorb  Ana · F 30 y                                                  Check-in",
        " Check-in · Wed 25 Nov 2026 (a second one updates it)",
        " Itch (peak NRS)                         3  0–10",
        " POEM 1/7 itchy                          1  1-2 days",
        " POEM 2/7 sleep                          1  1-2 days",
        " POEM 3/7 bleeding                       0  no days",
        " POEM 4/7 weeping                        1  1-2 days",
        " POEM 5/7 cracked                        1  1-2 days",
        " POEM 6/7 flaking                        1  1-2 days",
        " POEM 7/7 dry or rough                   2  3-4 days",
        " Stool form (Bristol)                    4  usual",
        " Note                                    calmer",
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
        " ↑↓ field  ←→ 0-9 value  Del clear  ⏎ save  Esc cancel  ? help  q quit",
    ]
    static let checkin120: [String] = [
        " absorb  Ana · F 30 y                                                                                          Check-in",
        " Check-in · Wed 25 Nov 2026 (a second one updates it)",
        " Itch (peak NRS)                               3  0–10",
        " POEM 1/7 itchy                                1  1-2 days",
        " POEM 2/7 sleep                                1  1-2 days",
        " POEM 3/7 bleeding                             0  no days",
        " POEM 4/7 weeping                              1  1-2 days",
        " POEM 5/7 cracked                              1  1-2 days",
        " POEM 6/7 flaking                              1  1-2 days",
        " POEM 7/7 dry or rough                         2  3-4 days",
        " Stool form (Bristol)                          4  usual",
        " Note                                          calmer",
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
        "",
        "",
        "",
        " Over the last week, on how many nights has your sleep been disturbed because of your eczema?",
        "",
        " ↑↓ field  ←→ 0-9 value  Del clear  ⏎ save  Esc cancel  ? help  q quit",
    ]
}
