import Foundation
import Journal
import NutrientModel
import XCTest

/// The idle dashboard's change check: the counter moves when another connection writes,
/// and not for this connection's own writes, so the entry table is read only when needed.
final class ChangeCounterTests: XCTestCase {
    private var directory = ""
    private let day = LocalDate(year: 2026, month: 11, day: 24)!

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "absorb-counter-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Two connections to one new journal (this dashboard's, another absorb's), and its profile.
    private func twoConnections() throws -> (mine: JournalStore, other: JournalStore, profile: Int64) {
        let path = directory + "/journal.sqlite"
        let mine = try JournalStore(path: path)
        return (mine, try JournalStore(path: path), try mine.activeProfile().id)
    }

    func testTheCounterMovesOnlyForAnotherConnectionsWrites() throws {
        let (mine, other, profile) = try twoConnections()
        let start = try mine.externalChangeCounter()
        XCTAssertEqual(try mine.externalChangeCounter(), start, "nothing written")
        _ = try mine.addEntry(profileID: profile, date: day, meal: .lunch, foodID: "11457", grams: 30)
        XCTAssertEqual(try mine.externalChangeCounter(), start, "its own write does not count")
        _ = try other.addEntry(profileID: profile, date: day, meal: .dinner, foodID: "15237", grams: 150)
        let after = try mine.externalChangeCounter()
        XCTAssertNotEqual(after, start, "another connection's write does")
        XCTAssertEqual(try mine.externalChangeCounter(), after, "and only once")
    }

    /// The watch in front of the counter: after two looks at a quiet journal it stops asking
    /// SQLite, asks again at another connection's commit (and at the look after it), and
    /// never trusts the files for more than `askAtLeastEvery` looks in a row.
    func testTheWatchAsksSQLiteOnlyWhenTheFilesMayHaveChanged() throws {
        let (mine, other, profile) = try twoConnections()
        var watch = JournalChangeWatch(path: mine.path)
        XCTAssertTrue(watch.shouldAsk(), "the first look asks")
        XCTAssertTrue(watch.shouldAsk(), "and the one after a change (the first counts as one)")
        let counter = try mine.externalChangeCounter()
        for look in 1 ..< JournalChangeWatch.askAtLeastEvery {
            XCTAssertFalse(watch.shouldAsk(), "quiet look \(look)")
        }
        XCTAssertTrue(watch.shouldAsk(), "the safety net: at least every \(JournalChangeWatch.askAtLeastEvery) looks")
        XCTAssertFalse(watch.shouldAsk())
        // Every one of several commits by another connection is seen at the next look, and the
        // counter then says so.
        var seen = counter
        for grams in [150.0, 80, 20] {
            _ = try other.addEntry(profileID: profile, date: day, meal: .dinner, foodID: "15237", grams: grams)
            XCTAssertTrue(watch.shouldAsk(), "a commit of \(grams) g changes the files")
            let now = try mine.externalChangeCounter()
            XCTAssertNotEqual(now, seen)
            seen = now
            XCTAssertTrue(watch.shouldAsk(), "the look after a change asks too (a look inside a commit)")
            XCTAssertFalse(watch.shouldAsk())
        }
        // One more at lunch, after the quiet look.
        _ = try other.addEntry(profileID: profile, date: day, meal: .lunch, foodID: "11457", grams: 30)
        XCTAssertTrue(watch.shouldAsk())
    }

    /// A journal that is not a file the watch can look at (gone, or never on disk) is always
    /// asked about: the watch saves work, it never hides a commit.
    func testAJournalTheWatchCannotSeeIsAlwaysAsked() {
        var watch = JournalChangeWatch(path: NSTemporaryDirectory() + "absorb-no-such-\(UUID().uuidString)/journal.sqlite")
        for _ in 0 ..< 3 * JournalChangeWatch.askAtLeastEvery { XCTAssertTrue(watch.shouldAsk()) }
    }
}
