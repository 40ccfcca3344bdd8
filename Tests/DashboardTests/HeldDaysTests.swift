@testable import Dashboard
import Foundation
import NutrientModel
import XCTest

/// The dashboard holds the days it shows, not the whole history (issue 20): moving beyond
/// them asks for their entries once, before the next frame; a far jump starts again from
/// the days shown; recent foods still reach back before them.
final class HeldDaysTests: XCTestCase {
    private let today = Fixture.today
    /// The days the executable holds once its first frame is up: the 30 shown, read before
    /// it, and the month before them, read after it.
    private var held: DateRange { DateRange(from: today.adding(days: -59), to: today) }

    /// The dashboard as the executable opens it: the first days held, and the journal's
    /// recent foods.
    private func state(entries: [Entry], recent: [Entry] = []) -> AppState {
        let summary = StoredProfile(id: 1, profile: Fixture.person)
        let context = ProfileContext(profile: summary, profiles: [summary], overrides: [],
                                     entries: entries.filter { held.contains($0.date) }, loadedRange: held, recentEntries: recent)
        return AppState(data: Fixture.data, context: context, today: today, minuteOfDay: 12 * 60, width: 80, height: 24)
    }

    /// Presses keys as the executable would: each read it asks for is answered from
    /// `journal` before the next key. The days read.
    @discardableResult
    private func drive(_ state: inout AppState, _ keys: Key..., journal: [Entry]) -> [DateRange] {
        var read: [DateRange] = []
        for key in keys {
            var pending = update(&state, .key(key))
            while !pending.isEmpty {
                guard case .loadEntries(let range) = pending.removeFirst() else { continue }
                read.append(range)
                pending += update(&state, .entriesLoaded(range, journal.filter { range.contains($0.date) }))
            }
        }
        return read
    }

    func testTheFirstFrameReadsTheDaysShownAndTheMonthBeforeIsReadAfterIt() {
        // Before the first frame: the 30 days shown, no more.
        let shown = DateRange(from: today.adding(days: -(AppState.firstHeldDays - 1)), to: today)
        XCTAssertEqual(shown.dayCount, 30)
        let old = Fixture.entry(9, "15236", 100, on: today.adding(days: -40))
        let summary = StoredProfile(id: 1, profile: Fixture.person)
        let context = ProfileContext(profile: summary, profiles: [summary], overrides: [],
                                     entries: [Fixture.entry(1, "15236", 100)], loadedRange: shown, recentEntries: [])
        var state = AppState(data: Fixture.data, context: context, today: today, minuteOfDay: 12 * 60, width: 80, height: 24)
        // After it, the month before them, as the executable asks for it.
        let before = try! XCTUnwrap(state.monthBeforeHeld)
        XCTAssertEqual(before, DateRange(from: today.adding(days: -59), to: today.adding(days: -30)))
        _ = update(&state, .entriesLoaded(before, [old]))
        XCTAssertEqual(state.loadedRange, held)
        // Walking back into that month reads nothing more, and shows what was read.
        XCTAssertEqual(drive(&state, .character("["), .character("["), journal: [old]), [])
        XCTAssertEqual(state.report(days: 30).entries.map(\.id), [9])
        XCTAssertNil(Fixture.state(entries: []).monthBeforeHeld, "every entry held: nothing more to read")
    }

    func testWithinTheHeldDaysNothingIsRead() {
        var state = state(entries: [Fixture.entry(1, "15236", 100)])
        XCTAssertEqual(press(&state, .left), [])
        XCTAssertEqual(press(&state, .character("[")), [])
        XCTAssertEqual(press(&state, .character("w")), [], "trends: 30 days, all held")
        XCTAssertEqual(press(&state, .escape, .character("t")), [])
        XCTAssertEqual(state.loadedRange, held)
    }

    func testWalkingBackReadsAMonthAtATimeAndShowsWhatWasRead() {
        let old = Fixture.entry(9, "15236", 100, on: today.adding(days: -62))
        let older = Fixture.entry(10, "01123", 50, on: today.adding(days: -72))
        let journal = [Fixture.entry(1, "15236", 100), old, older]
        var state = state(entries: journal)
        // Four weeks back the 30 days shown start 57 days ago: still held.
        XCTAssertEqual(drive(&state, .character("["), .character("["), .character("["), .character("["), journal: journal), [])
        // A fifth: they start 64 days ago; the 5 days before those held are read, with a month more.
        let first = DateRange(from: today.adding(days: -64 - 30), to: today.adding(days: -60))
        XCTAssertEqual(drive(&state, .character("["), journal: journal), [first])
        XCTAssertEqual(state.loadedRange, DateRange(from: first.from, to: today))
        // Ten days back, within what was read: nothing more.
        XCTAssertEqual(drive(&state, .character("["), .left, .left, .left, journal: journal), [])
        XCTAssertEqual(state.day, today.adding(days: -45))
        XCTAssertEqual(state.report(days: 30).entries.map(\.id), [10, 9], "both old entries, as read")
        press(&state, .character(":"))
        type(&state, today.adding(days: -62).description)
        XCTAssertEqual(drive(&state, .enter, journal: journal), [])
        XCTAssertEqual(state.dayEntries.map(\.id), [9])
    }

    func testAReadAskedForIsAskedOnce() {
        var state = state(entries: [])
        press(&state, .character(":"))
        type(&state, today.adding(days: -70).description)
        let effects = press(&state, .enter)
        XCTAssertEqual(effects.count, 1)
        XCTAssertEqual(press(&state, .character("v")), [], "a key that keeps the days does not ask again before the answer")
        // The read failed (the journal could not be read): said, not asked again at once (the
        // executable would loop), and asked for again by the next key.
        XCTAssertEqual(update(&state, .failed("could not be read")), [])
        XCTAssertEqual(screen(state)[22], " ! could not be read")
        XCTAssertEqual(press(&state, .character("v")), effects)
    }

    func testAFarJumpHoldsOnlyTheDaysShownThere() {
        var state = state(entries: [Fixture.entry(1, "15236", 100)])
        press(&state, .character(":"))
        type(&state, "2024-01-15")
        let effects = press(&state, .enter)
        let jan15 = LocalDate(year: 2024, month: 1, day: 15)!
        let shown = DateRange(from: jan15.adding(days: -29), to: jan15)
        XCTAssertEqual(effects, [.loadEntries(shown)], "nearly three years away: not the days between")
        _ = update(&state, .entriesLoaded(shown, [Fixture.entry(5, "01123", 50, on: jan15)]))
        XCTAssertEqual(state.loadedRange, shown)
        XCTAssertEqual(state.dayEntries.map(\.id), [5])
        XCTAssertNil(state.entriesByDate[today], "today's entries are not held there")
        // Back to today: the 30 days shown read again.
        XCTAssertEqual(press(&state, .character("t")), [.loadEntries(DateRange(from: today.adding(days: -29), to: today))])
    }

    func testTheNinetyDaySkinGutOverviewAsksForItsDays() {
        var state = state(entries: [])
        press(&state, .character("s"))
        let effects = press(&state, .character("v"))
        XCTAssertEqual(effects, [.loadEntries(DateRange(from: today.adding(days: -89 - 30), to: today.adding(days: -60)))])
    }

    func testATrialsScreenAsksForTheTrialsDays() {
        // Four weeks without dairy, ended 200 days ago: baseline, trial and reintroduction lie
        // before the days held; the screen compares them, so they are read when it opens.
        let trial = Trial(name: "no dairy", kind: .remove("no_dairy"), start: today.adding(days: -256), weeks: 4,
                          reintroduceWeeks: 2)
        let summary = StoredProfile(id: 1, profile: Fixture.person)
        let context = ProfileContext(profile: summary, profiles: [summary], overrides: [], entries: [], loadedRange: held,
                                     recentEntries: [], trials: [trial])
        var state = AppState(data: Fixture.data, context: context, today: today, minuteOfDay: 12 * 60, width: 80, height: 24)
        let cheese = Fixture.entry(7, "01009", 30, on: trial.start.adding(days: 3))
        let read = drive(&state, .character("T"), journal: [cheese])
        XCTAssertEqual(read.count, 1)
        XCTAssertTrue(read[0].contains(trial.window.from) && read[0].contains(trial.window.to), "\(read) \(trial.window)")
        XCTAssertTrue(state.report(days: trial.window.dayCount, endingOn: trial.window.to).entries.contains(cheese))
        // Back on the day screen, the trial's days are not needed: nothing more is read.
        XCTAssertEqual(drive(&state, .escape, journal: [cheese]), [])
    }

    func testEveryEntryHeldNeverAsks() {
        var state = Fixture.state(entries: [Fixture.entry(1, "15236", 100, on: today.adding(days: -400))])
        XCTAssertNil(state.loadedRange)
        press(&state, .character(":"))
        type(&state, today.adding(days: -400).description)
        XCTAssertEqual(press(&state, .enter), [])
        XCTAssertEqual(state.dayEntries.map(\.id), [1])
    }

    func testRecentFoodsReachBackBeforeTheHeldDaysWithTheirLastAmount() {
        // Eaten two months ago, logged then: not among the days held, still recent.
        let salmon = Fixture.entry(1, "15236", 140, on: today.adding(days: -60))
        let egg = Fixture.entry(2, "01123", 50)
        var state = state(entries: [egg], recent: [egg, salmon])
        press(&state, .character("a"))
        let rows = screen(state)
        XCTAssertEqual(rows[3], " Recently used")
        XCTAssertEqual(rows[4], "  01123  Egg, whole, raw")
        XCTAssertEqual(rows[5], "  15236  Salmon, Atlantic, farmed, raw")
        press(&state, .down, .enter)
        guard case .amount(let form) = state.screen else { return XCTFail("\(state.screen)") }
        XCTAssertEqual(form.amountText, "140", "the amount last logged, from the journal's recent entries")
    }
}
