import Foundation
import XCTest
@testable import NutrientModel

/// Elimination and supplement trials (issue 22): phases, adherence, the phase comparison and
/// what changed at each lag, worked out by hand.
final class TrialTests: XCTestCase {
    let data = TestData.data
    let day0 = LocalDate(year: 2026, month: 11, day: 1)!
    func d(_ offset: Int) -> LocalDate { day0.adding(days: offset) }

    private func entry(_ id: Int64, _ food: String, _ grams: Double, on date: LocalDate) -> Entry {
        Entry(id: id, date: date, meal: .lunch, foodID: food, grams: grams, loggedAt: Date(timeIntervalSince1970: Double(id)))
    }

    private func report(_ range: DateRange, _ entries: [Entry]) throws -> Report {
        let profile = PersonProfile(name: "T", sex: .female, ageMonths: 408)
        return Report(profile: profile, targets: try data.targets.targets(for: profile, overrides: []), range: range,
                      entries: entries, scorer: data.scorer)
    }

    private func refusal(_ trial: Trial, existing: [Trial] = [], today: LocalDate? = nil) -> String? {
        do { try data.checkTrial(trial, existing: existing, today: today ?? d(30)); return nil } catch { return error.description }
    }

    // MARK: the rules' table

    func testTheRulesComeFromTheTableWithTheirSources() throws {
        let rules = data.trialRules
        XCTAssertEqual(rules.weeks, 1...12)
        XCTAssertEqual(rules.reintroduceWeeks, 0...8)
        XCTAssertEqual(rules.minPhaseDays, 7)
        XCTAssertEqual(rules.minPhaseWeeks, 2)
        XCTAssertEqual(rules.whatChangedMinDays, 14)
        XCTAssertEqual(rules.maxLagDays, 3)
        XCTAssertTrue(rules.caution.contains("not a diagnosis"))
        XCTAssertTrue(rules.caution.contains("Symptoms vary on their own"))
        XCTAssertTrue(rules.caution.contains("food allergy is diagnosed by an allergist"))
        XCTAssertTrue(rules.cautionSource.contains("absorption-and-skin.md"))
        for row in try TestData.csvTable("trials.csv") { XCTAssertFalse(row["source", default: ""].isEmpty, row["key"] ?? "") }
        XCTAssertThrowsError(try TrialRules(bytes: Array("key,value,meaning,source\nmin_weeks,1,,x\n".utf8), fileName: "trials.csv")) {
            XCTAssertTrue("\($0)".contains("max_weeks is missing"), "\($0)")
        }
    }

    func testWeeksAreReadByTheNumberRules() {
        let rules = data.trialRules
        XCTAssertEqual(try rules.parseWeeks(" 3 ", for: "--weeks", in: rules.weeks), 3)
        for bad in ["0", "13", "2.5", "1e1", "0x3", "three", "-2", ""] {
            XCTAssertThrowsError(try rules.parseWeeks(bad, for: "--weeks", in: rules.weeks), bad) {
                XCTAssertTrue("\($0)".contains("--weeks must be a whole number of weeks from 1 to 12"), "\($0)")
            }
        }
    }

    // MARK: phases

    func testPhasesAndTheirDays() {
        let trial = Trial(name: "no dairy", kind: .remove("no_dairy"), start: d(14), weeks: 3, reintroduceWeeks: 1)
        XCTAssertEqual(trial.baselineRange, DateRange(from: d(-7), to: d(13)))
        XCTAssertEqual(trial.range(of: .trial), DateRange(from: d(14), to: d(34)))
        XCTAssertEqual(trial.range(of: .reintroduction), DateRange(from: d(35), to: d(41)))
        XCTAssertEqual(trial.lastDay, d(41))
        XCTAssertEqual(trial.window, DateRange(from: d(-7), to: d(41)))
        XCTAssertEqual(trial.phase(on: d(13)), .baseline)
        XCTAssertEqual(trial.phase(on: d(34)), .trial)
        XCTAssertEqual(trial.phase(on: d(35)), .reintroduction)
        XCTAssertNil(trial.phase(on: d(42)))
        var ended = trial
        ended.endedOn = d(20)
        XCTAssertEqual(ended.lastDay, d(20))
        XCTAssertEqual(ended.range(of: .trial), DateRange(from: d(14), to: d(20)))
        XCTAssertNil(ended.range(of: .reintroduction), "ended before its reintroduction")
        XCTAssertTrue(ended.isFinished(on: d(20)))
        XCTAssertFalse(trial.isFinished(on: d(41)))
        XCTAssertTrue(trial.isFinished(on: d(42)))
        let none = Trial(name: "d", kind: .supplement("S0001"), start: d(0), weeks: 2)
        XCTAssertNil(none.range(of: .reintroduction))
        XCTAssertTrue(trial.overlaps(Trial(name: "x", kind: .add("11457"), start: d(41), weeks: 1)))
        XCTAssertFalse(trial.overlaps(Trial(name: "x", kind: .add("11457"), start: d(42), weeks: 1)),
                       "a trial may start the day after another's last; its baseline may cover that one")
    }

    // MARK: refusals

    func testTrialsThatAreRefused() {
        let ok = Trial(name: "no dairy", kind: .remove("no_dairy"), start: d(14), weeks: 3, reintroduceWeeks: 1)
        XCTAssertNil(refusal(ok))
        let unknown = refusal(Trial(name: "x", kind: .remove("dairy"), start: d(14), weeks: 3))
        XCTAssertTrue(unknown?.contains("\"dairy\" is not a diet or allergen absorb knows; choose from: ") ?? false, unknown ?? "")
        XCTAssertTrue(unknown?.contains("no_dairy") ?? false)
        XCTAssertTrue(unknown?.contains("no_egg") ?? false)
        XCTAssertEqual(refusal(ok, today: d(13)),
                       "a trial cannot start in the future: 2026-11-15 is after today, 2026-11-14; start it on the day it begins")
        XCTAssertNil(refusal(ok, today: d(14)), "today is not the future")
        var weeks = ok
        weeks.weeks = 0
        XCTAssertEqual(refusal(weeks), "weeks must be a whole number of weeks from 1 to 12, found 0")
        weeks.weeks = 13
        XCTAssertEqual(refusal(weeks), "weeks must be a whole number of weeks from 1 to 12, found 13")
        var back = ok
        back.reintroduceWeeks = 9
        XCTAssertEqual(refusal(back), "reintroduce-weeks must be a whole number of weeks from 0 to 8, found 9")
        let other = Trial(name: "vitamin D", kind: .supplement("S0001"), start: d(0), weeks: 2, reintroduceWeeks: 1)
        XCTAssertEqual(refusal(ok, existing: [other]),
                       "the trial would overlap \"vitamin D\" (2026-11-01 to 2026-11-21); one trial at a time, so that a change can be told apart: start it after 2026-11-21, or end that one first (absorb trial end)")
        var named = ok
        named.start = d(22)
        named.name = "Vitamin D"
        XCTAssertEqual(refusal(named, existing: [other]), "there is already a trial named \"vitamin D\" (from 2026-11-01); choose another name")
        XCTAssertTrue(refusal(Trial(name: "s", kind: .supplement("11457"), start: d(0), weeks: 2))?
            .contains("\"11457\" is not a supplement of Data/supplements.csv; choose from: S0001") ?? false)
        XCTAssertEqual(refusal(Trial(name: "s", kind: .add("99999999"), start: d(0), weeks: 2)), "no food has the id \"99999999\"")
        XCTAssertTrue(refusal(Trial(name: "  ", kind: .add("11457"), start: d(0), weeks: 2))?.contains("cannot be empty") ?? false)
        XCTAssertTrue(refusal(Trial(name: "a\u{1B}b", kind: .add("11457"), start: d(0), weeks: 2))?.contains("control character") ?? false)
    }

    // MARK: adherence

    func testAnEliminationBrokenByAnEntryIsNamedByTheDietRule() {
        let trial = Trial(name: "no dairy", kind: .remove("no_dairy"), start: d(14), weeks: 1, reintroduceWeeks: 1)
        let entries = [
            entry(1, "01009", 30, on: d(10)),  // cheddar in the baseline: allowed
            entry(2, "01009", 30, on: d(16)),  // cheddar in the trial: broken
            entry(3, "11457", 60, on: d(17)),  // spinach: fine
            entry(4, "01077", 244, on: d(22)),  // milk in the reintroduction: allowed
        ]
        let adherence = data.trialAdherence(trial, entries: entries, asOf: d(40))
        XCTAssertEqual(adherence.days, 7)
        XCTAssertEqual(adherence.daysWithoutEntries, 5)
        XCTAssertEqual(adherence.broken.count, 1)
        XCTAssertEqual(adherence.broken.first?.date, d(16))
        XCTAssertEqual(adherence.broken.first?.foodID, "01009")
        XCTAssertEqual(adherence.broken.first?.reason, data.dietExclusion(ofFoodAt: data.foods.index(of: "01009")!, diets: ["no_dairy"]))
        XCTAssertTrue(adherence.broken.first?.reason.hasPrefix("no dairy") ?? false, adherence.broken.first?.reason ?? "")
        XCTAssertEqual(adherence.missedDays, [])
    }

    func testTheDaysASupplementWasMissedUpToToday() {
        let trial = Trial(name: "vitamin D", kind: .supplement("S0001"), start: d(14), weeks: 1, reintroduceWeeks: 1)
        let entries = [
            entry(1, "S0001", 0.25, on: d(14)), entry(2, "11457", 60, on: d(14)),
            entry(3, "11457", 60, on: d(15)),  // logged, no softgel: missed
            entry(4, "S0001", 0.25, on: d(16)),
            // d(17): nothing logged: not known, not counted as missed
            entry(5, "11457", 60, on: d(18)),  // after today
        ]
        let adherence = data.trialAdherence(trial, entries: entries, asOf: d(17))
        XCTAssertEqual(adherence.days, 4)
        XCTAssertEqual(adherence.takenDays, 2)
        XCTAssertEqual(adherence.missedDays, [d(15)])
        XCTAssertEqual(adherence.daysWithoutEntries, 1)
        XCTAssertEqual(adherence.broken, [])
        XCTAssertEqual(data.trialAdherence(trial, entries: entries, asOf: d(13)).days, 0, "not begun")
    }

    // MARK: the phase comparison

    func testThePhaseComparisonByHandWithTooFewDaysAndAPhaseWithoutCheckIns() throws {
        let trial = Trial(name: "no dairy", kind: .remove("no_dairy"), start: d(14), weeks: 1, reintroduceWeeks: 1)
        var checkIns: [CheckIn] = []
        // Baseline d(7)…d(13): itch 6 7 5 6 8 6 4 (7 days): mean 42 / 7 = 6, range 4–8.
        for (i, itch) in [6, 7, 5, 6, 8, 6, 4].enumerated() { checkIns.append(CheckIn(date: d(7 + i), itch: itch)) }
        // Trial d(14)…d(20): five days, 3 2 4 3 3: too few (7 needed), no mean.
        for (i, itch) in [3, 2, 4, 3, 3].enumerated() { checkIns.append(CheckIn(date: d(14 + i), itch: itch)) }
        // Reintroduction d(21)…d(27): none. Before the baseline: not counted.
        checkIns.append(CheckIn(date: d(6), itch: 10))
        // POEM: one total in the baseline (10), two in the trial (6, 4): mean 5, range 4–6.
        checkIns.append(CheckIn(date: d(13), poemAnswers: [2, 2, 2, 1, 1, 1, 1]))
        checkIns.append(CheckIn(date: d(15), poemAnswers: [1, 1, 1, 1, 1, 1, 0]))
        checkIns.append(CheckIn(date: d(20), poemAnswers: [1, 1, 1, 1, 0, 0, 0]))
        let scales = TrialReview.scalePhases(trial: trial, asOf: d(30), checkIns: checkIns, tracked: [.poem, .itch],
                                             definitions: data.checkInScales, rules: data.trialRules)
        XCTAssertEqual(scales.map(\.scale), [.itch, .poem])
        let itch = scales[0].phases
        XCTAssertEqual(itch.map(\.phase), [.baseline, .trial, .reintroduction])
        XCTAssertEqual(itch[0].count, 7)
        XCTAssertEqual(itch[0].mean, 6)
        XCTAssertEqual(itch[0].lowest, 4)
        XCTAssertEqual(itch[0].highest, 8)
        XCTAssertFalse(itch[0].tooFew)
        XCTAssertEqual(itch[1].count, 5)
        XCTAssertEqual(itch[1].needed, 7)
        XCTAssertTrue(itch[1].tooFew)
        XCTAssertNil(itch[1].mean)
        XCTAssertNil(itch[1].lowest)
        XCTAssertEqual(itch[2].count, 0)
        XCTAssertEqual(itch[2].range, DateRange(from: d(21), to: d(27)))
        XCTAssertFalse(itch[2].tooFew, "no check-ins is said as none, not as too few")
        XCTAssertNil(itch[2].mean)
        let poem = scales[1]
        XCTAssertEqual(poem.countWord, "weeks")
        XCTAssertEqual(poem.phases[0].count, 1)
        XCTAssertTrue(poem.phases[0].tooFew)
        XCTAssertEqual(poem.phases[1].count, 2)
        XCTAssertEqual(poem.phases[1].mean, 5)
        XCTAssertEqual(poem.phases[1].lowest, 4)
        XCTAssertEqual(poem.phases[1].highest, 6)

        // Reviewed while the trial runs (d(16)): the trial phase is cut at today, the
        // reintroduction has not begun.
        let running = TrialReview.scalePhases(trial: trial, asOf: d(16), checkIns: checkIns, tracked: [.itch],
                                              definitions: data.checkInScales, rules: data.trialRules)[0].phases
        XCTAssertEqual(running[1].range, DateRange(from: d(14), to: d(16)))
        XCTAssertEqual(running[1].count, 3)
        XCTAssertNil(running[2].range)

        let review = data.trialReview(trial, report: try report(trial.window, []), checkIns: checkIns, tracked: [.itch],
                                      asOf: d(30))
        XCTAssertTrue(review.finished)
        XCTAssertNil(review.currentPhase)
        XCTAssertEqual(review.subject, "no dairy (milk allergy)", "the label of Data/diets.csv")
        XCTAssertEqual(review.caution, data.trialRules.caution)
        XCTAssertEqual(review.phases.map(\.phase), [.baseline, .trial, .reintroduction])
        XCTAssertEqual(review.scales, TrialReview.scalePhases(trial: trial, asOf: d(30), checkIns: checkIns, tracked: [.itch],
                                                              definitions: data.checkInScales, rules: data.trialRules))
        XCTAssertEqual(data.trialReview(trial, report: try report(trial.window, []), checkIns: checkIns, tracked: [.itch],
                                        asOf: d(15)).currentPhase, .trial)
    }

    // MARK: what changed

    /// Fibre 30 g on even days and 10 g on odd days against 25 g; itch each day is day % 4.
    private func alternating(days: Int) -> (DateRange, [CheckIn], [(figure: GutFigure, threshold: String, daily: [(value: Double, target: Double)?])]) {
        let range = DateRange(from: d(0), to: d(days - 1))
        let checkIns = (0..<days).map { CheckIn(date: d($0), itch: $0 % 4, poemAnswers: $0 == 6 ? [1, 1, 1, 1, 1, 1, 1] : nil) }
        let daily: [(value: Double, target: Double)?] = (0..<days).map { (value: $0 % 2 == 0 ? 30 : 10, target: 25) }
        return (range, checkIns, [(figure: .fibre, threshold: "25 g", daily: daily)])
    }

    func testATrialWithoutReintroductionHasNoneRatherThanOneNotBegun() {
        let trial = Trial(name: "vitamin D", kind: .supplement("S0001"), start: d(14), weeks: 2)
        let checkIns = (7..<28).map { CheckIn(date: d($0), itch: 5) }
        let phases = TrialReview.scalePhases(trial: trial, asOf: d(40), checkIns: checkIns, tracked: [.itch],
                                             definitions: data.checkInScales, rules: data.trialRules)[0].phases
        XCTAssertEqual(phases.map(\.planned), [true, true, false])
        XCTAssertEqual(TrialText.figure(phases[2], word: "days"), "none planned")
        XCTAssertEqual(TrialText.figure(phases[1], word: "days"), "5 (5–5), 14 days")
        // One with reintroduction weeks, before they begin: not begun.
        let planned = Trial(name: "no dairy", kind: .remove("no_dairy"), start: d(14), weeks: 2, reintroduceWeeks: 1)
        let running = TrialReview.scalePhases(trial: planned, asOf: d(20), checkIns: checkIns, tracked: [.itch],
                                              definitions: data.checkInScales, rules: data.trialRules)[0].phases
        XCTAssertEqual(TrialText.figure(running[2], word: "days"), "not begun")
    }

    func testWhatChangedAtEachLagByHand() throws {
        let (range, checkIns, figures) = alternating(days: 16)
        let changed = WhatChanged.make(range: range, figures: figures, checkIns: checkIns, tracked: [.itch, .poem],
                                       definitions: data.checkInScales, rules: data.trialRules)
        XCTAssertTrue(changed.isShown)
        XCTAssertNil(changed.reason)
        XCTAssertEqual(changed.checkInDays, 16)
        XCTAssertEqual(changed.figures.count, 1)
        let fibre = changed.figures[0]
        XCTAssertEqual(fibre.days, 16)
        XCTAssertEqual(fibre.daysAtOrAbove, 8)
        XCTAssertEqual(fibre.scales.map(\.scale), [.itch], "POEM asks about a week: not compared day by day")
        let lags = fibre.scales[0].lags
        XCTAssertEqual(lags.map(\.lag), [0, 1, 2, 3])
        // Lag 0: even days' itch 0,2,0,2… (8, mean 1); odd days' 1,3,1,3… (8, mean 2).
        XCTAssertEqual(lags[0].atOrAbove, .init(count: 8, mean: 1))
        XCTAssertEqual(lags[0].below, .init(count: 8, mean: 2))
        // Lag 1: after even days, days 1…15 odd: 1,3,… (8, mean 2); after odd days 1…13,
        // days 2…14: 2,0,2,0,2,0,2 (7, mean 8/7). Day 15's next day is out of the range.
        XCTAssertEqual(lags[1].atOrAbove, .init(count: 8, mean: 2))
        XCTAssertEqual(lags[1].below.count, 7)
        XCTAssertEqual(lags[1].below.mean!, 8.0 / 7, accuracy: 1e-12)
        // Lag 2: even 0…12 → days 2…14: 2,0,2,0,2,0,2 (7, 8/7); odd 1…13 → 3…15: 3,1,3,1,3,1,3 (7, 15/7).
        XCTAssertEqual(lags[2].atOrAbove.count, 7)
        XCTAssertEqual(lags[2].atOrAbove.mean!, 8.0 / 7, accuracy: 1e-12)
        XCTAssertEqual(lags[2].below.count, 7)
        XCTAssertEqual(lags[2].below.mean!, 15.0 / 7, accuracy: 1e-12)
        // Lag 3: even 0…12 → 3…15: 3,1,… (7, 15/7); odd 1…11 → 4…14: 0,2,0,2,0,2 (6, mean 1).
        XCTAssertEqual(lags[3].atOrAbove.count, 7)
        XCTAssertEqual(lags[3].atOrAbove.mean!, 15.0 / 7, accuracy: 1e-12)
        XCTAssertEqual(lags[3].below, .init(count: 6, mean: 1))
        XCTAssertEqual(changed.caution, data.trialRules.whatChangedCaution)
    }

    func testWhatChangedSaysNothingBeforeFourteenDaysOfCheckIns() {
        let (range, checkIns, figures) = alternating(days: 13)
        let changed = WhatChanged.make(range: range, figures: figures, checkIns: checkIns, tracked: [.itch],
                                       definitions: data.checkInScales, rules: data.trialRules)
        XCTAssertFalse(changed.isShown)
        XCTAssertEqual(changed.figures, [])
        XCTAssertEqual(changed.reason, "What changed needs at least 14 days of check-ins; there are 13.")
    }

    func testADayWithoutAFigureCountsOnNeitherSide() {
        var (range, checkIns, figures) = alternating(days: 16)
        figures[0].daily[0] = nil  // nothing logged on day 0
        let changed = WhatChanged.make(range: range, figures: figures, checkIns: checkIns, tracked: [.itch],
                                       definitions: data.checkInScales, rules: data.trialRules)
        XCTAssertEqual(changed.figures[0].days, 15)
        XCTAssertEqual(changed.figures[0].scales[0].lags[0].atOrAbove.count, 7)
        XCTAssertEqual(changed.figures[0].scales[0].lags[0].atOrAbove.mean!, 8.0 / 7, accuracy: 1e-12)
    }

    func testWhatChangedOfAReportReadsTheNutrientsAgainstTheirTargets() throws {
        let range = DateRange(from: d(0), to: d(13))
        // 25 µg of vitamin D (one softgel) on even days, against the RDA of 15 µg; spinach on odd days.
        let entries = (0..<14).map { i in i % 2 == 0 ? entry(Int64(i + 1), "S0001", 0.25, on: d(i)) : entry(Int64(i + 1), "11457", 60, on: d(i)) }
        let checkIns = (0..<14).map { CheckIn(date: d($0), itch: $0 % 2 == 0 ? 2 : 5) }
        let changed = data.whatChanged(report: try report(range, entries), checkIns: checkIns, tracked: [.itch])
        XCTAssertTrue(changed.isShown)
        let vitaminD = try XCTUnwrap(changed.figures.first { $0.figure == .nutrient(.vitaminD) })
        XCTAssertEqual(vitaminD.threshold, "the RDA, 15 µg")
        XCTAssertEqual(vitaminD.days, 14)
        XCTAssertEqual(vitaminD.daysAtOrAbove, 7)
        XCTAssertEqual(vitaminD.scales[0].lags[0].atOrAbove, .init(count: 7, mean: 2))
        XCTAssertEqual(vitaminD.scales[0].lags[0].below, .init(count: 7, mean: 5))
        XCTAssertEqual(changed.figures.map(\.figure).suffix(3), [.fibre, .fermentedServings, .prebioticServings])
        let fermented = try XCTUnwrap(changed.figures.first { $0.figure == .fermentedServings })
        XCTAssertEqual(fermented.threshold, "1 serving")
        XCTAssertEqual(fermented.daysAtOrAbove, 0)
    }

    // MARK: the demo patient

    func testTheDemoPatientsFinishedTrialByHand() throws {
        let demo = try DemoData(directory: TestData.directory + "/demo", data: data)
        XCTAssertEqual(demo.trials.count, 1)
        let today = LocalDate(year: 2026, month: 11, day: 24)!
        let trial = demo.trials[0].trial(today: today)
        XCTAssertEqual(trial.kind, .supplement("S0001"))
        XCTAssertEqual(trial.range(of: .trial), DateRange(from: today.adding(days: -6), to: today))
        XCTAssertTrue(trial.isFinished(on: today))
        XCTAssertNoThrow(try data.checkTrial(trial, existing: [], today: today), "the demo's trial passes the rules")
        let entries = demo.meals.enumerated().map { index, meal in
            entry(Int64(index + 1), meal.foodID, meal.grams, on: today.adding(days: meal.dayOffset))
        }
        let review = data.trialReview(trial, report: try report(trial.window, entries), checkIns: demo.checkIns.map { $0.checkIn(today: today) },
                                      tracked: [.itch], asOf: today)
        XCTAssertTrue(review.finished)
        // The softgel is at every third breakfast: days -6, -3 and 0 of the trial's seven.
        XCTAssertEqual(review.adherence.takenDays, 3)
        XCTAssertEqual(review.adherence.missedDays, [-5, -4, -2, -1].map { today.adding(days: $0) })
        // Itch: baseline 6 6 7 5 6 5 5 (40 / 7, 5–7); trial 4 5 4 3 4 3 3 (26 / 7, 3–5); no reintroduction.
        let itch = review.scales[0].phases
        XCTAssertEqual(itch[0].mean!, 40.0 / 7, accuracy: 1e-12)
        XCTAssertEqual([itch[0].lowest, itch[0].highest], [5, 7])
        XCTAssertEqual(itch[1].mean!, 26.0 / 7, accuracy: 1e-12)
        XCTAssertEqual([itch[1].lowest, itch[1].highest], [3, 5])
        XCTAssertNil(itch[2].range)
        XCTAssertEqual(review.phases.map(\.phase), [.baseline, .trial])
        XCTAssertTrue(review.whatChanged.isShown, "14 days of check-ins")
    }
}
