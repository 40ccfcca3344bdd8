import Dashboard
import Foundation
import NutrientModel
import XCTest

/// The trial screen (`t` on skin and gut, `T` on the day): the review as `absorb trial show`
/// gives it, at 80 × 24 (scrolled) and 120 × 40; the form that starts a trial, with the
/// model's refusals; ending the trial running after a question.
final class TrialScreenTests: XCTestCase {
    let today = Fixture.today  // Wed 25 Nov 2026

    /// "no dairy": a week without dairy from Thu 12 Nov, then a week of reintroduction to
    /// today; the baseline is 5–11 Nov. Itch 6,7,6,7,6,7,6 in the baseline (45 / 7 = 6.4,
    /// 6–7), 4 on five days of the trial (too few: 5 of 7), 5,5,5,5,5,5,6 in the
    /// reintroduction (36 / 7 = 5.1, 5–6); one POEM, 10, on 11 Nov (too few: 1 of 2 weeks).
    /// 19 days of check-ins: what changed is shown. Onions every day; 30 g of cheddar on
    /// Sat 14 Nov breaks the elimination.
    static let noDairy = Trial(name: "no dairy", kind: .remove("no_dairy"), start: Fixture.today.adding(days: -13), weeks: 1,
                               reintroduceWeeks: 1)

    func state(width: Int = 80, height: Int = 24, trials: [Trial] = [noDairy], checkIns: [CheckIn]? = nil) -> AppState {
        var person = Fixture.person
        person.scales = [.itch, .poem]
        let summary = StoredProfile(id: 1, profile: person)
        let baseline = [6, 7, 6, 7, 6, 7, 6], reintroduction = [5, 5, 5, 5, 5, 5, 6]
        var made: [CheckIn] = []
        for (offset, itch) in baseline.enumerated() { made.append(CheckIn(date: today.adding(days: offset - 20), itch: itch)) }
        made[6].poemAnswers = [2, 2, 1, 1, 2, 1, 1]
        for offset in 0..<5 { made.append(CheckIn(date: today.adding(days: offset - 13), itch: 4)) }
        for (offset, itch) in reintroduction.enumerated() { made.append(CheckIn(date: today.adding(days: offset - 6), itch: itch)) }
        var entries = (0..<21).map { Fixture.entry(Int64($0 + 1), "11282", 80, .dinner, on: today.adding(days: $0 - 20)) }
        entries.append(Fixture.entry(100, "01009", 30, .lunch, on: today.adding(days: -11)))
        return AppState(data: Fixture.data,
                        context: ProfileContext(profile: summary, profiles: [summary], overrides: [], entries: entries,
                                                checkIns: checkIns ?? made, trials: trials),
                        today: today, minuteOfDay: 12 * 60, width: width, height: height)
    }

    func testTheModelsFiguresByHand() {
        let s = state()
        let review = Fixture.data.trialReview(Self.noDairy, report: s.report(days: 21), checkIns: s.checkIns,
                                              tracked: [.itch, .poem], asOf: today)
        let itch = review.scales.first { $0.scale == .itch }!.phases
        XCTAssertEqual(itch.map(\.count), [7, 5, 7])
        XCTAssertEqual(itch[0].mean!, 45.0 / 7, accuracy: 1e-9)
        XCTAssertNil(itch[1].mean, "5 days are too few")
        XCTAssertEqual(itch[2].mean!, 36.0 / 7, accuracy: 1e-9)
        XCTAssertEqual(review.adherence.broken.map(\.foodID), ["01009"])
        XCTAssertEqual(review.whatChanged.checkInDays, 19)
        // Fibre's AI is 14 g per 1,000 kcal of the day: 80 g onion (32 kcal, 1.36 g fibre) is
        // at or above it; with 30 g cheddar (121 kcal more) the day's AI is 2.1 g, so below.
        // Lag 0: itch on the 18 other check-in days, (45 + 5 × 4 + 36 − 4) / 18 = 5.4, against
        // the cheddar day's 4.
        let fibre = review.whatChanged.figures.first { $0.figure == .fibre }!
        XCTAssertEqual([fibre.days, fibre.daysAtOrAbove], [21, 20])
        let lag0 = fibre.scales.first { $0.scale == .itch }!.lags[0]
        XCTAssertEqual(lag0.atOrAbove.count, 18)
        XCTAssertEqual(lag0.atOrAbove.mean!, 97.0 / 18, accuracy: 1e-9)
        XCTAssertEqual(lag0.below.count, 1)
        XCTAssertEqual(lag0.below.mean, 4)
    }

    func testTheTrialAt80By24ScrollsAndElidesWithAMark() {
        var s = state()
        press(&s, .character("s"), .character("t"))
        XCTAssertEqual(screen(s), Self.trial80)
        // ↓ scrolls a line; PgDn to the end, where the mark says so and the caution is the last line.
        press(&s, .down)
        XCTAssertEqual(screen(s)[1], Self.trial80[2])
        press(&s, .pageDown, .pageDown, .pageDown, .pageDown, .pageDown, .pageDown, .pageDown, .pageDown)
        let end = screen(s)
        XCTAssertTrue(end[21].hasSuffix("· the end"), end[21])
        XCTAssertEqual(end[20].trimmingCharacters(in: .whitespaces), "allergist. Run a trial with your clinician.")
        // The screen and absorb trial show say the same: read line by line from the top (each
        // line is the first row once), the screen says every sentence of TrialText's.
        press(&s, .pageUp, .pageUp, .pageUp, .pageUp, .pageUp, .pageUp, .pageUp, .pageUp, .pageUp)
        var lines: [String] = []
        while !screen(s)[21].hasSuffix("the end") {
            lines.append(screen(s)[1])
            press(&s, .down)
        }
        lines += screen(s)[1...20]
        XCTAssertEqual(lines.count, 60)
        let prose = lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
        let review = TrialScreenTests.review(s)
        let rules = Fixture.data.trialRules
        for sentence in [TrialText.heading(review, profile: "Ana", data: Fixture.data), TrialText.status(review),
                         TrialText.scalesHeading(rules), TrialText.whatChangedHeading(review.whatChanged, rules: rules),
                         "2026-11-14 Cheese, cheddar, 30 g — no dairy (milk allergy)", review.whatChanged.caution, review.caution,
                         "Prebiotic servings at or above 1 serving: 21 of 21 days",
                         "Itch (peak NRS): lag 0 5.4 (18 d) vs 4 (1 d) · lag 1 5.4 (17 d) vs 4 (1 d) · lag 2 5.3 (16 d) vs 4 (1 d) · lag 3 5.1 (16 d) vs — (0 d)"] {
            XCTAssertTrue(prose.contains(sentence), "not shown: \(sentence)\n\(lines.joined(separator: "\n"))")
        }
        // Esc goes back to skin and gut, then to the day.
        press(&s, .escape)
        guard case .skinGut = s.screen else { return XCTFail("not skin and gut: \(s.screen)") }
        press(&s, .escape)
        XCTAssertEqual(s.screen, .day)
    }

    static func review(_ s: AppState) -> TrialReview {
        Fixture.data.trialReview(noDairy, report: s.report(days: 21), checkIns: s.checkIns, tracked: [.itch, .poem], asOf: s.today)
    }

    /// At 120 columns every figure fits a column: the phases side by side, and what changed
    /// a column per lag under one header (at 80, each scale's lags are a sentence).
    func testTheTrialAt120By40PutsThePhasesAndLagsInColumns() {
        var s = state(width: 120, height: 40)
        press(&s, .character("T"))
        XCTAssertEqual(screen(s), Self.trial120)
    }

    /// At the smallest size absorb draws in, in ASCII: the review still ends its rows with
    /// the mark, the form still has every field, and the key bar keeps help and quit.
    func testTheSmallestTerminalInASCII() {
        var s = state(width: 60, height: 16)
        s = AppState(data: s.data, context: ProfileContext(profile: s.profile, profiles: s.profiles, overrides: [],
                                                           entries: s.entriesByDate.values.flatMap { $0 }, checkIns: s.checkIns,
                                                           trials: s.trials),
                     today: today, minuteOfDay: 12 * 60, width: 60, height: 16, glyphs: .ascii)
        press(&s, .character("T"))
        var rows = screen(s)
        XCTAssertEqual(rows.count, 16)
        XCTAssertTrue(rows[13].hasSuffix("lines 1-12 of 85 - Dn PgDn for more"), rows.joined(separator: "\n"))
        XCTAssertTrue(rows[15].hasSuffix("? help  q quit"), rows[15])
        XCTAssertTrue(rows.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) || $0.contains("–") || $0.contains("—") },
                      rows.joined(separator: "\n"))
        press(&s, .character("n"))
        rows = screen(s)
        for label in [" Kind", " Exclusion", " Name", " Weeks", " Reintroduce weeks", " Start"] {
            XCTAssertTrue(rows.contains { $0.hasPrefix(label) }, "no \(label):\n" + rows.joined(separator: "\n"))
        }
    }

    func testWithoutATrialTheScreenSaysHowToStartOne() {
        var s = state(trials: [])
        press(&s, .character("T"))
        assertShows(s, " No trial yet for Ana.")
        assertShows(s, " n starts one: leave out a diet or allergen")
        XCTAssertEqual(screen(s)[23], " n new trial  Esc back  ? help  q quit")
        press(&s, .character("e"))
        assertShows(s, "No trial yet · n starts one")
    }

    func testFewerThan14DaysOfCheckInsSayWhyWhatChangedIsEmpty() {
        var s = state(width: 120, height: 40, checkIns: [CheckIn(date: today.adding(days: -3), itch: 5)])
        press(&s, .character("T"))
        assertShows(s, " What changed: What changed needs at least 14 days of check-ins; there is 1.")
        assertShows(s, "no check-ins")
    }

    func testHelpListsTheTrialKeysAndReturnsToTheTrial() {
        var s = state(width: 120, height: 60)
        press(&s, .character("s"), .character("?"))
        assertShows(s, "t            overview: the trial, its")
        press(&s, .escape, .character("t"), .character("?"))
        assertShows(s, " Trial")
        assertShows(s, "n            start a trial (a form)")
        assertShows(s, "e            end the trial running,")
        press(&s, .escape)
        guard case .trial = s.screen else { return XCTFail("not the trial: \(s.screen)") }
        var day = state(width: 120, height: 60)
        press(&day, .character("?"))
        assertShows(day, "T            the trial: phases,")
    }

    /// Fails with the screen unless its rows, read on as one text (a sentence wrapped onto
    /// the next row), say `text`.
    func assertSays(_ state: AppState, _ text: String, file: StaticString = #filePath, line: UInt = #line) {
        let rows = screen(state)
        let prose = rows.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        XCTAssertTrue(prose.contains(text), "the screen does not say \"\(text)\":\n\(rows.joined(separator: "\n"))", file: file, line: line)
    }

    /// Types into the form's selected field after clearing it.
    func fill(_ s: inout AppState, _ text: String) {
        press(&s, .delete)
        type(&s, text)
    }

    func testStartingATrialFromTheFormWithTheModelsRefusals() {
        var s = state(trials: [])
        press(&s, .character("T"), .character("n"))
        assertShows(s, " Kind                ◀ leave out a diet or allergen ▶")
        XCTAssertEqual(screen(s)[23], " ↑↓ field  ←→ choose  ⏎ start  Esc cancel  ? help  q quit")
        // An exclusion absorb does not know: the model's sentence, nothing saved.
        press(&s, .down)
        fill(&s, "no_dairyy")
        press(&s, .down)
        type(&s, "quiet q")  // q is text in a field
        XCTAssertFalse(s.wantsQuit)
        press(&s, .down)
        fill(&s, "2")
        XCTAssertEqual(press(&s, .enter), [])
        assertSays(s, "! \"no_dairyy\" is not a diet or allergen absorb knows; choose from: ")
        // ←→ chooses among the planner's diets; the second after the first.
        press(&s, .up, .up)
        fill(&s, "")
        press(&s, .right)
        let diets = Fixture.data.diets.diets.map(\.key)
        guard case .trial(let view) = s.screen, case .start(let form) = view.mode else { return XCTFail("not the form") }
        XCTAssertEqual(form.what, diets[0])
        press(&s, .right)
        guard case .trial(let view2) = s.screen, case .start(let form2) = view2.mode else { return XCTFail("not the form") }
        XCTAssertEqual(form2.what, diets[1])
        fill(&s, "no_dairy")
        // A start in the future is refused.
        for _ in 0..<4 { press(&s, .down) }
        fill(&s, "2026-11-26")
        XCTAssertEqual(press(&s, .enter), [])
        assertSays(s, "! a trial cannot start in the future: 2026-11-26 is after today, 2026-11-25; start it on the day it begins.")
        // Weeks out of range.
        press(&s, .up, .up)
        fill(&s, "13")
        XCTAssertEqual(press(&s, .enter), [])
        assertSays(s, "! weeks must be a whole number of weeks from 1 to 12, found 13. Nothing was saved.")
        fill(&s, "2")
        press(&s, .down, .down)
        fill(&s, "2026-11-20")
        let expected = Trial(name: "quiet q", kind: .remove("no_dairy"), start: today.adding(days: -5), weeks: 2)
        XCTAssertEqual(press(&s, .enter), [.startTrial(expected)])
        _ = update(&s, .trialStarted(expected, trials: [expected]))
        assertShows(s, " Trial \"quiet q\" · Ana · following no_dairy: ")
        assertShows(s, "Started the trial \"quiet q\": 2 weeks from 2026-11-20, to 2026-12-03")
        guard case .trial(let shown) = s.screen, shown.mode == .show else { return XCTFail("not the review") }
        // u undoes it (the journal takes it out only as it was started).
        var undone = s
        XCTAssertEqual(press(&undone, .character("u")), [.applyChange(.removeTrial(expected, profileID: 1), undoing: true)])
        _ = update(&undone, .changeApplied(undoing: true, context: Fixture.context(entries: [])))
        XCTAssertEqual(undone.trials, [])
        assertShows(undone, "Undone: Started the trial \"quiet q\"")
        XCTAssertEqual(press(&undone, .control("r")), [.applyChange(.addTrial(expected, profileID: 1), undoing: false)])

        // A second trial that would share days with it is refused, naming it.
        press(&s, .character("n"), .down, .down)
        type(&s, "vitamin D")
        XCTAssertEqual(press(&s, .enter), [])
        assertSays(s, "! the trial would overlap \"quiet q\" (2026-11-20 to 2026-12-03)")
        // Esc leaves the form; nothing was started.
        press(&s, .escape)
        assertShows(s, "No trial was started")
    }

    func testAFoodTrialTakesTheTopSearchHitAndSaysWhichFood() {
        var s = state(trials: [])
        press(&s, .character("T"), .character("n"), .right)
        press(&s, .down)
        type(&s, "cheddar")
        let top = Fixture.data.searchFoods("cheddar", limit: 1)[0]
        assertShows(s, " The food taken: \(top.id) \(top.description)")
        press(&s, .down)
        type(&s, "cheese daily")
        let effects = press(&s, .enter)
        XCTAssertEqual(effects, [.startTrial(Trial(name: "cheese daily", kind: .add(top.id), start: today, weeks: 3))])
        // Words that find nothing are refused.
        press(&s, .up)
        fill(&s, "zzzqqq")
        XCTAssertEqual(press(&s, .enter), [])
        assertSays(s, "! no food matches \"zzzqqq\"; try other words. Nothing was saved.")
    }

    func testEndingTheTrialRunningAsksFirst() {
        let running = Trial(name: "D3", kind: .supplement("S0001"), start: today.adding(days: -3), weeks: 2)
        let earlier = Trial(name: "no egg", kind: .remove("no_egg"), start: today.adding(days: -60), weeks: 2)
        var s = state(trials: [earlier, running])
        press(&s, .character("T"))
        XCTAssertEqual(screen(s)[0].hasSuffix("Trial 2 of 2"), true, screen(s)[0])
        assertShows(s, "e end it")
        press(&s, .character("e"))
        assertShows(s, "End the trial \"D3\" today, Wed 25 Nov 2026 (planned to 2026-12-05)? y/n")
        // n leaves it running.
        XCTAssertEqual(press(&s, .character("n")), [])
        assertShows(s, "Nothing was written")
        press(&s, .character("e"))
        XCTAssertEqual(press(&s, .character("y")), [.endTrial(name: "D3", on: today)])
        guard case .trial = s.screen else { return XCTFail("not back on the trial: \(s.screen)") }
        var ended = running
        ended.endedOn = today
        _ = update(&s, .trialEnded(ended, trials: [earlier, ended]))
        assertShows(s, "Ended the trial \"D3\" on Wed 25 Nov 2026 (planned to 2026-12-05)")
        assertShows(s, "Status: ended on 2026-11-25.")
        var undone = s
        XCTAssertEqual(press(&undone, .character("u")), [.applyChange(.changeTrial(from: ended, to: running, profileID: 1), undoing: true)])
        // An ended trial (and the finished one before it, ←) is not ended again.
        press(&s, .character("e"))
        assertShows(s, "! The trial \"D3\" is already over: its last day was 2026-11-25")
        press(&s, .left)
        XCTAssertEqual(screen(s)[0].hasSuffix("Trial 1 of 2"), true, screen(s)[0])
        XCTAssertEqual(press(&s, .character("e")), [])
        guard case .trial = s.screen else { return XCTFail("a question was asked about a finished trial") }
    }

    static let trial80: [String] = [
        " absorb  Ana · F 30 y                                                     Trial",
        " Trial \"no dairy\" · Ana · following no_dairy: no dairy (milk allergy), 1 week",
        "   from 2026-11-12, 1 week of reintroduction",
        " Status: in its reintroduction phase (today, 2026-11-25).",
        " Phases: baseline 2026-11-05 – 2026-11-11 · trial 2026-11-12 – 2026-11-18 ·",
        "   reintroduction 2026-11-19 – 2026-11-25",
        " Adherence: 1 entry on 1 of 7 days broke the elimination:",
        "   2026-11-14 Cheese, cheddar, 30 g — no dairy (milk allergy): milk or made",
        "     with it (\"cheese\")",
        "",
        " Check-ins by phase (mean (range), days with a value; a mean from 7 days, POEM",
        "   2 weeks):",
        "   Itch (peak NRS)",
        "     baseline       6.4 (6–7), 7 days",
        "     trial          too few: 5 of 7 days",
        "     reintroduction 5.1 (5–6), 7 days",
        "   POEM",
        "     baseline       too few: 1 of 2 weeks",
        "     trial          no check-ins",
        "     reintroduction no check-ins",
        "",
        "                                             lines 1–20 of 60 · ↓ PgDn for more",
        "",
        " ↑↓ scroll  n new trial  e end it  Esc back  ? help  q quit",
    ]

    static let trial120: [String] = [
        " absorb  Ana · F 30 y                                                                                             Trial",
        " Trial \"no dairy\" · Ana · following no_dairy: no dairy (milk allergy), 1 week from 2026-11-12, 1 week of reintroduction",
        " Status: in its reintroduction phase (today, 2026-11-25).",
        " Phases: baseline 2026-11-05 – 2026-11-11 · trial 2026-11-12 – 2026-11-18 · reintroduction 2026-11-19 – 2026-11-25",
        " Adherence: 1 entry on 1 of 7 days broke the elimination:",
        "   2026-11-14 Cheese, cheddar, 30 g — no dairy (milk allergy): milk or made with it (\"cheese\")",
        "",
        " Check-ins by phase (mean (range), days with a value; a mean from 7 days, POEM 2 weeks):",
        "                   Baseline                         Trial                            Reintroduction",
        "   Itch (peak NRS) 6.4 (6–7), 7 days                too few: 5 of 7 days             5.1 (5–6), 7 days",
        "   POEM            too few: 1 of 2 weeks            no check-ins                     no check-ins",
        "",
        " What changed (2026-11-05 – 2026-11-25; check-ins on days at or above against below, the same day and 1 to 3 days",
        "   after):",
        "                     lag 0 (same day)        lag 1                   lag 2                   lag 3",
        "  Vitamin A at or above the RDA, 700 µg RAE: 0 of 21 days",
        "    Itch (peak NRS)  — (0 d) vs 5.3 (19 d)   — (0 d) vs 5.3 (18 d)   — (0 d) vs 5.2 (17 d)   — (0 d) vs 5.1 (16 d)",
        "  Vitamin D at or above the RDA, 15 µg: 0 of 21 days",
        "    Itch (peak NRS)  — (0 d) vs 5.3 (19 d)   — (0 d) vs 5.3 (18 d)   — (0 d) vs 5.2 (17 d)   — (0 d) vs 5.1 (16 d)",
        "  Vitamin E at or above the RDA, 15 mg: 0 of 21 days",
        "    Itch (peak NRS)  — (0 d) vs 5.3 (19 d)   — (0 d) vs 5.3 (18 d)   — (0 d) vs 5.2 (17 d)   — (0 d) vs 5.1 (16 d)",
        "  Vitamin K at or above the AI, 90 µg: 0 of 21 days",
        "    Itch (peak NRS)  — (0 d) vs 5.3 (19 d)   — (0 d) vs 5.3 (18 d)   — (0 d) vs 5.2 (17 d)   — (0 d) vs 5.1 (16 d)",
        "  Omega-6 LA at or above the AI, 12 g: 0 of 21 days",
        "    Itch (peak NRS)  — (0 d) vs 5.3 (19 d)   — (0 d) vs 5.3 (18 d)   — (0 d) vs 5.2 (17 d)   — (0 d) vs 5.1 (16 d)",
        "  Omega-3 ALA at or above the AI, 1.1 g: 0 of 21 days",
        "    Itch (peak NRS)  — (0 d) vs 5.3 (19 d)   — (0 d) vs 5.3 (18 d)   — (0 d) vs 5.2 (17 d)   — (0 d) vs 5.1 (16 d)",
        "  EPA + DHA at or above the AI, 250 mg: 0 of 21 days",
        "    Itch (peak NRS)  — (0 d) vs 5.3 (19 d)   — (0 d) vs 5.3 (18 d)   — (0 d) vs 5.2 (17 d)   — (0 d) vs 5.1 (16 d)",
        "  Fibre at or above the AI for each day's energy: 20 of 21 days",
        "    Itch (peak NRS)  5.4 (18 d) vs 4 (1 d)   5.4 (17 d) vs 4 (1 d)   5.3 (16 d) vs 4 (1 d)   5.1 (16 d) vs — (0 d)",
        "  Fermented servings at or above 1 serving: 0 of 21 days",
        "    Itch (peak NRS)  — (0 d) vs 5.3 (19 d)   — (0 d) vs 5.3 (18 d)   — (0 d) vs 5.2 (17 d)   — (0 d) vs 5.1 (16 d)",
        "  Prebiotic servings at or above 1 serving: 21 of 21 days",
        "    Itch (peak NRS)  5.3 (19 d) vs — (0 d)   5.3 (18 d) vs — (0 d)   5.2 (17 d) vs — (0 d)   5.1 (16 d) vs — (0 d)",
        "  These are counts and means of days side by side, not a cause: a figure and a symptom may move together for other",
        "  reasons (the season, stress, another food).",
        "                                                                                     lines 1–36 of 40 · ↓ PgDn for more",
        "",
        " ↑↓ scroll  n new trial  e end it  Esc back  ? help  q quit",
    ]
}
