import Foundation
import XCTest

/// The week's fish through the real binary: fish logged in dishes outside the fish group
/// (a fish sandwich, clam chowder, tuna salad) counts, for `gaps` (text and JSON) and the
/// summary alike, and an entry older than seven days does not.
final class FishWeekCommandTests: XCTestCase {
    var directory: String!
    var absorb: AbsorbProcess!
    let date = "2026-11-24"

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "absorb-fish-week-tests-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        absorb = AbsorbProcess(journal: directory + "/journal.sqlite")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func ok(_ arguments: [String]) throws {
        let result = try absorb.run(arguments)
        XCTAssertEqual(result.status, 0, "\(arguments): \(result.stderr)")
    }

    /// A 4-year-old (2 oz = 56.7 g a serving, 2 a week): two 60 g entries of tuna salad in
    /// the week (120 g, 2.1 servings), an apple today. No fish, and the plan says why.
    func testAChildsTunaSaladInTheWeekMeansNoFishInGapsAndTheSummary() throws {
        try ok(["profile", "set", "--sex", "male", "--age", "4"])
        try ok(["log", "add", "15128", "60 g", "--meal", "lunch", "--date", "2026-11-22"])
        try ok(["log", "add", "15128", "60 g", "--meal", "lunch", "--date", "2026-11-19"])
        try ok(["log", "add", "09003", "100 g", "--meal", "snack", "--date", date])
        let note = "No fish suggested: 2.1 servings of fish (57 g each) logged in the 7 days to Tue 24 Nov 2026, and the advice is 2 a week (FDA and EPA, Advice about Eating Fish, 2021). Counting the whole of Fish, tuna salad as fish: its fish share is not known."
        let gaps = try absorb.run(["gaps", "--date", date])
        XCTAssertEqual(gaps.status, 0, gaps.stderr)
        XCTAssertTrue(gaps.stdout.components(separatedBy: "\n").contains(note), gaps.stdout)
        let json = try absorb.json(["gaps", "--date", date, "--format", "json"])
        XCTAssertEqual(json["fish_note"] as? String, note)
        let items = try XCTUnwrap(json["items"] as? [[String: Any]])
        let planned = items.compactMap { $0["food"] as? String }
        XCTAssertFalse(planned.contains { ["Fish,", "Crustaceans,", "Mollusks,"].contains(where: $0.hasPrefix) }, "no fish is planned: \(planned)")
        let summary = try absorb.run(["summary", "--from", date, "--to", date])
        XCTAssertEqual(summary.status, 0, summary.stderr)
        XCTAssertTrue(summary.stdout.contains(note), summary.stdout)
    }

    /// Pregnant: a fish sandwich (220 g, Fast Foods) and a cup of clam chowder (248 g,
    /// Soups) in the week are 4.1 of the 3 servings; the same chowder eight days before
    /// the plan's day is not in the week.
    func testAPregnantWomansFastFoodFishAndChowderCountAndLastWeeksDoNot() throws {
        try ok(["profile", "set", "--sex", "female", "--age", "30", "--pregnant"])
        try ok(["log", "add", "21105", "220 g", "--meal", "lunch", "--date", "2026-11-21"])
        try ok(["log", "add", "06430", "248 g", "--meal", "dinner", "--date", "2026-11-23"])
        try ok(["log", "add", "09003", "100 g", "--meal", "snack", "--date", date])
        let json = try absorb.json(["gaps", "--date", date, "--format", "json"])
        let note = try XCTUnwrap(json["fish_note"] as? String)
        XCTAssertTrue(note.hasPrefix("No fish suggested: 4.1 servings of fish (113 g each) logged in the 7 days to Tue 24 Nov 2026, and the advice is 3 a week"), note)
        XCTAssertTrue(note.hasSuffix("as fish: their fish share is not known."), note)
        // Eight days later the sandwich and chowder are out of the week: nothing to say.
        let later = try absorb.json(["gaps", "--date", "2026-12-01", "--format", "json"])
        XCTAssertTrue(later["fish_note"] is NSNull, "\(later["fish_note"] ?? "none")")
    }
}
