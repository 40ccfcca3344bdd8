import Foundation
import XCTest

/// `absorb import --from cronometer` as a person runs it: the summary, the foods and
/// entries it saves, a second and an overlapping import that add only what is new,
/// `--dry-run` that saves nothing, and every bad file refused whole with the journal as
/// it was.
final class CronometerCommandTests: XCTestCase {
    static let fixtures = AbsorbProcess.packageRoot.appendingPathComponent("Tests/Fixtures/Cronometer")
    var scratch: URL!

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("absorb-cronometer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    private func absorb(_ name: String) -> AbsorbProcess { AbsorbProcess(journal: scratch.appendingPathComponent(name).path) }

    private func ok(_ process: AbsorbProcess, _ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let result = try process.run(arguments)
        XCTAssertEqual(result.status, 0, "\(arguments): \(result.stderr)", file: file, line: line)
        return result.stdout
    }

    private func fixture(_ name: String) -> String { Self.fixtures.appendingPathComponent(name).path }

    func testAnImportSavesFoodsAndEntriesAndAgainAddsNothing() throws {
        let journal = absorb("journal.sqlite")
        _ = try ok(journal, ["log", "add", "spinach", "raw", "30", "g", "--date", "2026-07-15"])
        let before = try ok(journal, ["export"])

        let dry = try ok(journal, ["import", "--from", "cronometer", fixture("servings-2026.csv"), "--dry-run"])
        XCTAssertTrue(dry.contains("Would import"), dry)
        XCTAssertTrue(dry.contains("6 of 6 entries on 2 days, 5 new foods of your own; 2 logged as servings"), dry)
        XCTAssertTrue(dry.contains("Nothing was saved (--dry-run)."), dry)
        XCTAssertEqual(try ok(journal, ["export"]), before, "--dry-run changed the journal")

        let first = try ok(journal, ["import", "--from", "cronometer", fixture("servings-2026.csv")])
        XCTAssertTrue(first.contains("Imported from"), first)
        XCTAssertTrue(first.contains("6 of 6 entries on 2 days"), first)
        XCTAssertTrue(first.contains("The USDA food 12061 has this name; Cronometer's figures are kept"), first)
        XCTAssertTrue(first.contains("Note: Omega-3 (g) and Omega-6 (g): totals"), first)
        let list = try ok(journal, ["log", "list", "--date", "2026-07-17"])
        XCTAssertTrue(list.contains("Salmon, Atlantic, farmed, cooked") && list.contains("200"), list)
        XCTAssertTrue(list.contains("Nuts, almonds") && list.contains("28.3"), list)
        XCTAssertTrue(list.contains("Chicken Burrito Bowl, 1.00 serving"), list)

        // The salmon as a food of the person's own: 13.1 µg of vitamin D per 100 g, E unknown.
        let export = try JSONSerialization.jsonObject(with: Data(try ok(journal, ["export"]).utf8)) as! [String: Any]
        let foods = export["custom_foods"] as! [[String: Any]]
        let salmon = try XCTUnwrap(foods.first { $0["description"] as? String == "Salmon, Atlantic, farmed, cooked" })
        let values = salmon["values"] as! [String: Double]
        XCTAssertEqual(values["vitamin_d_ug"]!, 13.1, accuracy: 1e-9)
        XCTAssertNil(values["vitamin_e_mg"], "an empty cell is unknown, not zero")
        XCTAssertEqual(foods.count, 5)

        let afterFirst = try ok(journal, ["export"])
        let again = try ok(journal, ["import", "--from", "cronometer", fixture("servings-2026.csv")])
        XCTAssertTrue(again.contains("0 of 6 entries on 2 days (6 already there), 0 new foods of your own (5 already there)"), again)
        XCTAssertEqual(try ok(journal, ["export"]), afterFirst, "importing the same file twice changed the journal")

        // A later export that overlaps: only its new row is added.
        let later = try ok(journal, ["import", "--from", "cronometer", fixture("servings-2026-later.csv")])
        XCTAssertTrue(later.contains("1 of 5 entries on 3 days (4 already there)"), later)
        XCTAssertTrue(try ok(journal, ["log", "list", "--date", "2026-07-18"]).contains("Oats, rolled, dry"))
        XCTAssertTrue(try ok(journal, ["log", "list", "--date", "2026-07-15"]).contains("Spinach"), "the journal's own entry stays")
    }

    func testLikeRowsAreCountedAndATimeChangedIsTheSameRow() throws {
        let journal = absorb("like.sqlite")
        let header = "Day,Time,Group,Food Name,Amount,Energy (kcal),Fat (g)\n"
        let coffee = "2026-07-16,8:05 AM,Breakfast,\"Coffee, brewed\",1.00 cup,2.40,0.05\n"
        let file = scratch.appendingPathComponent("like.csv")
        try (header + coffee + coffee).write(to: file, atomically: true, encoding: .utf8)
        XCTAssertTrue(try ok(journal, ["import", "--from", "cronometer", file.path]).contains("2 of 2 entries"))
        XCTAssertTrue(try ok(journal, ["import", "--from", "cronometer", file.path]).contains("0 of 2 entries on 1 day (2 already there)"))
        let later = coffee.replacingOccurrences(of: "8:05 AM", with: "9:40 AM")
        try (header + coffee + later + coffee).write(to: file, atomically: true, encoding: .utf8)
        XCTAssertTrue(try ok(journal, ["import", "--from", "cronometer", file.path]).contains("1 of 3 entries on 1 day (2 already there)"))
        let list = try ok(journal, ["log", "list", "--date", "2026-07-16"])
        XCTAssertEqual(list.components(separatedBy: "Coffee, brewed").count - 1, 3, list)
    }

    func testEachShapeImportsAndTheReportReadsIt() throws {
        let journal = absorb("shapes.sqlite")
        for name in ["servings-2016.csv", "servings-2021.csv", "servings-2026-bom-crlf.csv"] {
            let out = try ok(journal, ["import", "--from", "cronometer", fixture(name)])
            XCTAssertTrue(out.contains("Imported from"), "\(name): \(out)")
        }
        let old = try ok(journal, ["import", "--from", "cronometer", fixture("servings-2016.csv"), "--dry-run"])
        XCTAssertTrue(old.contains("Not in the file, so unknown (never zero): Retinol"), old)
        XCTAssertTrue(old.contains("Note: Vitamin A (IU): converted as retinol"), old)
        let report = try ok(journal, ["report", "--date", "2026-07-16"])
        XCTAssertTrue(report.contains("Vitamin D"), report)
    }

    func testAProfileIsChosenByName() throws {
        let journal = absorb("profiles.sqlite")
        _ = try ok(journal, ["profile", "add", "Maya"])
        let wrong = try journal.run(["import", "--from", "cronometer", fixture("servings-2021.csv"), "--profile", "Nobody"])
        XCTAssertEqual(wrong.status, 1)
        XCTAssertTrue(wrong.stderr.contains("--profile Nobody: no such profile") && wrong.stderr.contains("Nothing was imported"), wrong.stderr)
        let out = try ok(journal, ["import", "--from", "cronometer", fixture("servings-2021.csv"), "--profile", "maya"])
        XCTAssertTrue(out.contains("into the profile Maya"), out)
        XCTAssertTrue(try ok(journal, ["log", "list", "--date", "2021-06-01", "--profile", "Maya"]).contains("Spinach, raw"))
    }

    func testEveryBadFileIsRefusedWholeAndTheJournalIsUnchanged() throws {
        let journal = absorb("bad.sqlite")
        _ = try ok(journal, ["log", "add", "spinach", "raw", "30", "g", "--date", "2026-07-15"])
        let before = try ok(journal, ["export"])
        let directory = Self.fixtures.appendingPathComponent("Bad")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".csv") }.sorted()
        XCTAssertGreaterThanOrEqual(names.count, 15)
        for name in names {
            let expected = try String(contentsOf: directory.appendingPathComponent(name.replacingOccurrences(of: ".csv", with: ".expected.txt")), encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            let result = try journal.run(["import", "--from", "cronometer", directory.appendingPathComponent(name).path])
            XCTAssertEqual(result.status, 1, "\(name): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains(expected), "\(name): expected \"\(expected)\", got: \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("Nothing was imported"), "\(name): \(result.stderr)")
            XCTAssertEqual(result.stdout, "", name)
        }
        XCTAssertEqual(try ok(journal, ["export"]), before, "a refused import changed the journal")
        let dry = try journal.run(["import", fixture("servings-2026.csv"), "--dry-run"])
        XCTAssertEqual(dry.status, 1)
        XCTAssertTrue(dry.stderr.contains("--dry-run works with --from cronometer"), dry.stderr)
    }
}
