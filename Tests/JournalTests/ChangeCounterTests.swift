import Foundation
import Journal
import NutrientModel
import XCTest

/// The idle dashboard's change check: the counter moves when another connection writes,
/// and not for this connection's own writes, so the entry table is read only when needed.
final class ChangeCounterTests: XCTestCase {
    func testTheCounterMovesOnlyForAnotherConnectionsWrites() throws {
        let directory = NSTemporaryDirectory() + "absorb-counter-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/journal.sqlite"
        let mine = try JournalStore(path: path)
        let other = try JournalStore(path: path)
        let profile = try mine.activeProfile().id
        let day = LocalDate(year: 2026, month: 11, day: 24)!
        let start = try mine.externalChangeCounter()
        XCTAssertEqual(try mine.externalChangeCounter(), start, "nothing written")
        _ = try mine.addEntry(profileID: profile, date: day, meal: .lunch, foodID: "11457", grams: 30)
        XCTAssertEqual(try mine.externalChangeCounter(), start, "its own write does not count")
        _ = try other.addEntry(profileID: profile, date: day, meal: .dinner, foodID: "15237", grams: 150)
        let after = try mine.externalChangeCounter()
        XCTAssertNotEqual(after, start, "another connection's write does")
        XCTAssertEqual(try mine.externalChangeCounter(), after, "and only once")
    }
}
