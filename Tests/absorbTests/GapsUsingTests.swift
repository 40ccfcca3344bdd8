import Foundation
import XCTest

/// `absorb gaps --using` and `--using-logged`: portion control of foods the person eats,
/// through the real binary.
final class GapsUsingTests: XCTestCase {
    var directory: String!
    var absorb: AbsorbProcess!
    let date = "2026-11-24"

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "absorb-gaps-using-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        absorb = AbsorbProcess(journal: directory + "/journal.sqlite")
        XCTAssertEqual(try absorb.run(["log", "add", "--food", "08121", "--grams", "234", "--date", date]).status, 0)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    func testAPlanOfTheNamedFoodsOnly() throws {
        let result = try absorb.run(["gaps", "--date", date, "--using", "15237", "--using", "walnuts english", "--using", "01009",
                                     "--format", "json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let plan = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let using = try XCTUnwrap(plan["using"] as? [[String: Any]]).compactMap { $0["food_id"] as? String }
        XCTAssertEqual(using, ["15237", "12155", "01009"])
        let items = try XCTUnwrap(plan["items"] as? [[String: Any]])
        XCTAssertFalse(items.isEmpty)
        for item in items { XCTAssertTrue(using.contains(item["food_id"] as? String ?? ""), "\(item)") }
        XCTAssertEqual((plan["left_out"] as? [Any])?.count, 0)
        // The same in words, with a diet that leaves the cheddar out.
        XCTAssertEqual(try absorb.run(["profile", "set", "--diet", "no_dairy"]).status, 0)
        let text = try absorb.run(["gaps", "--date", date, "--using", "15237", "--using", "01009"])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.contains("Portions of: Fish, salmon, Atlantic, farmed, cooked, dry heat; Cheese, cheddar"), text.stdout)
        XCTAssertTrue(text.stdout.contains("Left out: Cheese, cheddar — no dairy"), text.stdout)
        XCTAssertFalse(text.stdout.contains("1. Cheese"), text.stdout)
    }

    func testTheWeeksLoggedFoods() throws {
        let result = try absorb.run(["gaps", "--date", date, "--using-logged", "--format", "json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let plan = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(try XCTUnwrap(plan["using"] as? [[String: Any]]).compactMap { $0["food_id"] as? String }, ["08121"])
    }

    func testBadUsesSayWhatWasWrong() throws {
        let unknown = try absorb.run(["gaps", "--date", date, "--using", "zzqx"])
        XCTAssertNotEqual(unknown.status, 0)
        XCTAssertTrue(unknown.stderr.contains("--using: no food matches \"zzqx\""), unknown.stderr)
        let empty = try absorb.run(["gaps", "--date", date, "--using", " "])
        XCTAssertTrue(empty.stderr.contains("--using needs the words of a food's name or its id"), empty.stderr)
        let nothing = try absorb.run(["gaps", "--date", "2026-11-01", "--using-logged"])
        XCTAssertNotEqual(nothing.status, 0)
        XCTAssertTrue(nothing.stderr.contains("nothing was logged in the seven days to 2026-11-01"), nothing.stderr)
        let many = try absorb.run(["gaps", "--date", date] + (0..<9).flatMap { ["--using", ["15237", "12155", "01009", "11457", "12061", "09003", "01123", "11124", "16057"][$0]] })
        XCTAssertTrue(many.stderr.contains("--using takes at most 8 foods"), many.stderr)
    }
}
