import DataFiles
import Foundation
import Journal
import NutrientModel
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

    /// `gaps`, `gaps --using-logged` and a one-day `summary` give the model's plans for the
    /// day (the dashboard's gap screen shows the same ones: PlanScreenTests), with the week's
    /// foods chosen by the model (`loggedFoods`), the most grams first.
    func testGapsUsingLoggedAndTheSummaryAreTheModelsPlans() throws {
        for food in [["--food", "11457", "--grams", "60", "--date", "2026-11-23"], ["--food", "12155", "--grams", "30", "--date", "2026-11-22"],
                     ["--food", "15237", "--grams", "100", "--date", date]] {
            let added = try absorb.run(["log", "add"] + food)
            XCTAssertEqual(added.status, 0, added.stderr)
        }
        let data = try NutrientData(directory: AbsorbProcess.packageRoot.appendingPathComponent("Data").path)
        let journal = try JournalStore(path: absorb.journal)
        let profile = try journal.activeProfile()
        func report(_ range: DateRange) throws -> Report {
            Report(profile: profile.profile, targets: try data.targets.targets(for: profile.profile), range: range,
                   entries: try journal.entries(profileID: profile.id, in: range), scorer: data.scorer)
        }
        let day = LocalDate(year: 2026, month: 11, day: 24)!
        let dayReport = try report(DateRange(day: day))
        let week = try report(DateRange(from: day.adding(days: -6), to: day)).entries
        let planner = data.makePlanner()
        let foods = planner.loggedFoods(in: week)
        // 234 g of 08121 and 100 g of salmon on the day, 60 g spinach, 30 g walnuts before.
        XCTAssertEqual(foods.map { data.foods.ids[$0] }, ["08121", "15237", "11457", "12155"])
        let using = planner.plan(for: dayReport, diets: [], week: week, using: foods)
        let review = data.review(dayReport)
        let text = try absorb.run(["gaps", "--date", date, "--using-logged"])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertEqual(text.stdout, using.lines(review: review).joined(separator: "\n") + "\n")
        let whole = planner.plan(for: dayReport, diets: [], week: week)
        XCTAssertEqual(try absorb.run(["gaps", "--date", date]).stdout, whole.lines(review: review).joined(separator: "\n") + "\n")
        let summary = try absorb.run(["summary", "--from", date, "--to", date])
        XCTAssertEqual(summary.status, 0, summary.stderr)
        XCTAssertFalse(whole.items.isEmpty)
        for item in whole.items {
            let line = "\(data.displayName(ofFoodID: data.foods.ids[item.food.index])), \(item.portionText) a day"
            XCTAssertTrue(summary.stdout.contains(line), "\(line) is not in the summary:\n\(summary.stdout)")
        }
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
