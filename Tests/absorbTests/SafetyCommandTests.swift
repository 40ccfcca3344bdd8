import Foundation
import XCTest

/// The upper limits and cautions through the real binary: report (text and JSON), gaps
/// and the summary say the same thing, decided once in the model.
final class SafetyCommandTests: XCTestCase {
    var directory: String!
    var absorb: AbsorbProcess!
    let date = "2026-11-24"

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "absorb-safety-tests-\(UUID().uuidString)"
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

    private func nutrient(_ report: [String: Any], _ id: String) throws -> [String: Any] {
        let nutrients = try XCTUnwrap(report["nutrients"] as? [[String: Any]])
        return try XCTUnwrap(nutrients.first { $0["id"] as? String == id })
    }

    /// Pregnant, 30: two 10,000 IU retinyl palmitate softgels (S0010, 3,000 µg retinol each)
    /// at a fat-free breakfast and farmed salmon at dinner.
    private func pregnantWithTwoRetinolSoftgels() throws {
        try ok(["profile", "set", "--sex", "female", "--age", "30", "--pregnant"])
        try ok(["log", "add", "S0010", "2", "softgel", "--meal", "breakfast", "--date", date])
        try ok(["log", "add", "salmon cooked", "150 g", "--meal", "dinner", "--date", date])
    }

    func testARetinolSupplementAboveTheLimitInPregnancyGetsCautionsNotAdvice() throws {
        try pregnantWithTwoRetinolSoftgels()
        let report = try absorb.json(["report", "--date", date, "--format", "json"])
        let vitaminA = try nutrient(report, "vitamin_a")
        // 6,000 µg from the softgels + 69 × 1.5 = 103.5 µg from the salmon (15237, retinol 69).
        XCTAssertEqual(vitaminA["ul_amount"] as! Double, 6103.5, accuracy: 1e-6)
        XCTAssertEqual(vitaminA["upper_limit"] as? Double, 3000)
        XCTAssertEqual(vitaminA["ul_unit"] as? String, "µg")
        XCTAssertEqual(vitaminA["status"] as? String, "above_ul")
        XCTAssertEqual(vitaminA["ul_estimated"] as? Bool, false, "both retinol values are known")
        XCTAssertEqual(vitaminA["ul_complete"] as? Bool, true)
        XCTAssertEqual(report["above_upper_limit"] as? [String], ["vitamin_a"])
        let cautions = try XCTUnwrap(report["cautions"] as? [[String: Any]])
        XCTAssertEqual(cautions.map { $0["kind"] as? String }, ["pregnancy_retinol", "above_upper_limit"])
        XCTAssertTrue((cautions[0]["sentence"] as? String ?? "").contains("Vitamin A 10,000 IU (retinyl palmitate), softgel"))
        XCTAssertEqual(cautions[1]["amount"] as! Double, 6103.5, accuracy: 1e-6)
        // No absorption advice for vitamin A: the fat-free breakfast is not flagged for it.
        let pairing = try XCTUnwrap(report["fat_pairing"] as? [String: Any])
        let flags = try XCTUnwrap(pairing["flags"] as? [[String: Any]])
        XCTAssertFalse(flags.contains { $0["nutrient"] as? String == "vitamin_a" }, "\(flags)")

        let text = try absorb.run(["report", "--date", date])
        XCTAssertTrue(text.stdout.contains("Cautions:\n! Pregnancy: High intakes of preformed vitamin A"), text.stdout)
        XCTAssertTrue(text.stdout.contains("! Vitamin A: 6,104 µg of preformed vitamin A (retinol)"), text.stdout)
        XCTAssertFalse(text.stdout.contains("take the Vitamin A"), text.stdout)
        XCTAssertFalse(text.stdout.contains("of Vitamin A with"), "no fat-pairing flag line for vitamin A:\n\(text.stdout)")

        // gaps says so before any plan, and in JSON.
        let gaps = try absorb.run(["gaps", "--date", date])
        XCTAssertEqual(gaps.status, 0, gaps.stderr)
        let lines = gaps.stdout.components(separatedBy: "\n")
        XCTAssertTrue(lines[0].hasPrefix("Pregnancy: "), gaps.stdout)
        XCTAssertTrue(lines[1].hasPrefix("Above the upper limit on Tue 24 Nov 2026: Vitamin A: 6,104 µg"), gaps.stdout)
        let gapsJSON = try absorb.json(["gaps", "--date", date, "--format", "json"])
        XCTAssertEqual(gapsJSON["above_upper_limit"] as? [String], ["vitamin_a"])
        XCTAssertFalse((gapsJSON["gaps"] as? [String] ?? []).contains("vitamin_a"))

        // The summary carries the same sentences.
        let summary = try absorb.run(["summary", "--from", date, "--to", date])
        XCTAssertEqual(summary.status, 0, summary.stderr)
        XCTAssertTrue(summary.stdout.contains("## Cautions"), summary.stdout)
        XCTAssertTrue(summary.stdout.contains("6,104 µg"), summary.stdout)
    }

    func testThreeSynthetic400IUSoftgelsPassTheVitaminELimit() throws {
        try ok(["profile", "set", "--sex", "male", "--age", "40"])
        try ok(["log", "add", "S0007", "3", "softgel", "--meal", "breakfast", "--date", date])
        let report = try absorb.json(["report", "--date", date, "--format", "json"])
        let vitaminE = try nutrient(report, "vitamin_e")
        // 3 × 400 IU × 0.91 mg toward the UL; 3 × 400 × 0.45 mg toward the RDA.
        XCTAssertEqual(vitaminE["ul_amount"] as! Double, 1092, accuracy: 1e-6)
        XCTAssertEqual(vitaminE["amount"] as! Double, 540, accuracy: 1e-6)
        XCTAssertEqual(vitaminE["status"] as? String, "above_ul")
        XCTAssertEqual(report["above_upper_limit"] as? [String], ["vitamin_e"])
    }

    func testAnInfantIsShownNoFibreAIAndNoAMDRs() throws {
        try ok(["profile", "set", "--sex", "female", "--age", "3m"])
        try ok(["log", "add", "--food", "11457", "--grams", "30", "--meal", "lunch", "--date", date])
        let report = try absorb.json(["report", "--date", date, "--format", "json"])
        let balance = try XCTUnwrap(report["balance"] as? [String: Any])
        XCTAssertTrue(balance["fibre_target_g"] is NSNull, "\(balance)")
        XCTAssertEqual(balance["references_not_set"] as? String, "not set for infants")
        let profile = try XCTUnwrap(report["profile"] as? [String: Any])
        XCTAssertEqual(profile["targets_are_defaults"] as? Bool, false)
        XCTAssertTrue(try nutrient(report, "epa_dha")["target"] is NSNull, "EFSA sets nothing under 7 months")
        let text = try absorb.run(["report", "--date", date])
        XCTAssertTrue(text.stdout.contains("(a fibre AI is not set for infants)"), text.stdout)
        XCTAssertFalse(text.stdout.contains("AMDR 5"), text.stdout)
    }
}
