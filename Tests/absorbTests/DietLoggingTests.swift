import Foundation
import XCTest

/// A food the profile's diets or allergies leave out: logging it saves it (the person ate
/// it) and says so at once, with the way back; search keeps it findable and marks it.
final class DietLoggingTests: XCTestCase {
    var directory: String!
    var absorb: AbsorbProcess!

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "absorb-diet-logging-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        absorb = AbsorbProcess(journal: directory + "/journal.sqlite")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    func testLoggingAnExcludedFoodSavesItAndWarns() throws {
        XCTAssertEqual(try absorb.run(["profile", "set", "--diet", "no_dairy,no_peanuts"]).status, 0)
        let cheese = try absorb.run(["log", "add", "--food", "01009", "--grams", "30", "--date", "2026-11-24"])
        XCTAssertEqual(cheese.status, 0, cheese.stderr)
        XCTAssertTrue(cheese.stdout.contains("! Not in this profile's diets: no dairy (milk allergy)"), cheese.stdout)
        XCTAssertTrue(cheese.stdout.contains("It is saved; to remove it: absorb log remove 1"), cheese.stdout)
        let peanut = try absorb.run(["log", "add", "--food", "16098", "--grams", "16", "--date", "2026-11-24"])
        XCTAssertTrue(peanut.stdout.contains("! Not in this profile's diets: no peanuts"), peanut.stdout)
        // Both are saved.
        let list = try absorb.run(["log", "list", "--date", "2026-11-24"])
        XCTAssertTrue(list.stdout.contains("Cheese, cheddar") && list.stdout.contains("Peanut butter"), list.stdout)
        // A food the diets allow says nothing of them: soymilk for no_dairy.
        let soymilk = try absorb.run(["log", "add", "--food", "16222", "--grams", "243", "--date", "2026-11-24"])
        XCTAssertEqual(soymilk.status, 0, soymilk.stderr)
        XCTAssertFalse(soymilk.stdout.contains("diets"), soymilk.stdout)
    }

    func testSearchMarksExcludedFoodsAndKeepsThem() throws {
        XCTAssertEqual(try absorb.run(["profile", "set", "--diet", "vegan"]).status, 0)
        let search = try absorb.run(["foods", "search", "milk", "whole", "--limit", "5"])
        XCTAssertEqual(search.status, 0, search.stderr)
        let whole = try XCTUnwrap(search.stdout.split(separator: "\n").first { $0.hasPrefix("01077") }, search.stdout)
        XCTAssertTrue(whole.hasSuffix("· not in your diets (vegan)"), String(whole))
        // Without diets, no mark.
        XCTAssertEqual(try absorb.run(["profile", "set", "--diet", "none"]).status, 0)
        XCTAssertFalse(try absorb.run(["foods", "search", "milk", "whole", "--limit", "5"]).stdout.contains("not in your diets"))
    }
}
