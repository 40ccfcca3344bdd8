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

    /// A food people ask for that the table lacks (Data/search_names.csv, means `-`) is
    /// said to be missing, never swapped for a baby cereal; the person's own one is found.
    func testAFoodTheTableLacksIsSaidNotSwapped() throws {
        for words in [["oat", "milk"], ["Oat", "Milk"], ["oatmilk"]] {
            let search = try absorb.run(["foods", "search"] + words)
            XCTAssertNotEqual(search.status, 0)
            XCTAssertTrue(search.stderr.contains("is not in the food table: the USDA's SR28 (2015) has no oat drink"), search.stderr)
            XCTAssertFalse(search.stdout.contains("Babyfood"), search.stdout)
        }
        let logged = try absorb.run(["log", "add", "oat", "milk", "1", "cup", "--date", "2026-11-24"])
        XCTAssertNotEqual(logged.status, 0)
        XCTAssertTrue(logged.stderr.contains("absorb foods add \"oat milk\""), logged.stderr)
        XCTAssertTrue(try absorb.run(["log", "list", "--date", "2026-11-24"]).stdout.contains("nothing logged"))
        // "oat" alone still finds oats.
        XCTAssertEqual(try absorb.run(["foods", "search", "oats", "--limit", "1"]).status, 0)
        // With the person's own oat milk, that is what is found and logged.
        XCTAssertEqual(try absorb.run(["foods", "add", "Oat milk, Brand O", "--serving", "240", "--measure", "cup", "--energy", "120", "--fat", "5"]).status, 0)
        let own = try absorb.run(["log", "add", "oat", "milk", "1", "cup", "--date", "2026-11-24"])
        XCTAssertEqual(own.status, 0, own.stderr)
        XCTAssertTrue(own.stdout.hasPrefix("Logged 240 g of Oat milk, Brand O (C0001)"), own.stdout)
    }
}
