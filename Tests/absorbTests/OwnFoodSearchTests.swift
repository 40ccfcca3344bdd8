import Foundation
import NutrientModel
import XCTest

/// A person's own foods are found by their names, but do not push the USDA's foods out of
/// the first places until they are logged often (Data/search_ranking.csv: own_food,
/// often_logged_days).
final class OwnFoodSearchTests: XCTestCase {
    var directory: String!
    var absorb: AbsorbProcess!

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "absorb-own-food-search-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        absorb = AbsorbProcess(journal: directory + "/journal.sqlite")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func firstIDs(_ query: [String]) throws -> [String] {
        let result = try absorb.run(["foods", "search"] + query + ["--limit", "3"])
        XCTAssertEqual(result.status, 0, result.stderr)
        return result.stdout.split(separator: "\n").map { String($0.prefix(while: { $0 != " " })) }
    }

    func testAnOwnFoodRanksBehindTheTablesUntilItIsLoggedOften() throws {
        let added = try absorb.run(["foods", "add", "Salmon, smoked, my deli", "--serving", "100", "--energy", "200", "--fat", "10"])
        XCTAssertEqual(added.status, 0, added.stderr)
        // Found by its own name, first when nothing else has the words.
        XCTAssertEqual(try firstIDs(["my", "deli"]).first, "C0001")
        // Behind the USDA's smoked chinook for the words both have.
        let before = try firstIDs(["salmon", "smoked"])
        XCTAssertEqual(before.first, "15077", "\(before)")
        XCTAssertTrue(before.contains("C0001"), "still found: \(before)")
        // Logged on two days: not yet often. On three days of the last 90: it ranks as any other food.
        // (The absorb runs use TZ=UTC, so today is the UTC day.)
        let today = LocalDate.today(in: TimeZone(identifier: "UTC"))
        for offset in [1, 2] {
            XCTAssertEqual(try absorb.run(["log", "add", "C0001", "1", "serving", "--date", today.adding(days: -offset).description]).status, 0)
        }
        XCTAssertEqual(try firstIDs(["salmon", "smoked"]).first, "15077")
        XCTAssertEqual(try absorb.run(["log", "add", "C0001", "1", "serving", "--date", today.adding(days: -40).description]).status, 0)
        XCTAssertEqual(try firstIDs(["salmon", "smoked"]).first, "C0001")
        // Days more than 90 back do not count: a journal of old entries only.
        let old = AbsorbProcess(journal: directory + "/old.sqlite")
        XCTAssertEqual(try old.run(["foods", "add", "Salmon, smoked, my deli", "--serving", "100", "--energy", "200", "--fat", "10"]).status, 0)
        for offset in [100, 101, 102, 103] {
            XCTAssertEqual(try old.run(["log", "add", "C0001", "1", "serving", "--date", today.adding(days: -offset).description]).status, 0)
        }
        let oldFirst = try old.run(["foods", "search", "salmon", "smoked", "--limit", "1"]).stdout
        XCTAssertTrue(oldFirst.hasPrefix("15077"), oldFirst)
    }
}
