import Foundation
import XCTest

/// The whole `absorb report --format json` contract, value by value, on a day computed by
/// hand from the USDA SR28 rows of Data/foods.csv (values per 100 g):
///
///   01129 Egg, hard-boiled: kcal 155, fat 10.61, fibre 0, RAE 149, retinol 148, D 2.2,
///         E 1.03 (no added E), K 0.3, LA 1.188, ALA 0.035, EPA 0.005, DHA 0.038
///   11457 Spinach, raw:     kcal 23, fat 0.39, fibre 2.2, RAE 469, retinol 0, D 0, E 2.03,
///         K 482.9, LA 0.026, ALA 0.138, EPA 0, DHA 0
///   09412 Pears, bartlett:  kcal 63, fat 0.16, fibre 3.1, RAE 1, retinol ?, D ?, E 0.12,
///         K 3.8, LA ?, ALA ?, EPA ?, DHA ?  (? = no USDA value)
///   15237 Salmon, farmed, cooked: kcal 206, fat 12.35, fibre 0, RAE 69, retinol 69,
///         D 13.1, E 1.14, K 0.1, LA 0.666, ALA 0.113, EPA 0.690, DHA 1.457
///
/// A woman of 30: breakfast 100 g egg; lunch 30 g spinach and 178 g pear; dinner 150 g salmon.
final class ReportJSONContractTests: XCTestCase {
    var directory: String!
    var absorb: AbsorbProcess!
    let date = "2026-11-24"

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "absorb-json-contract-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        absorb = AbsorbProcess(journal: directory + "/journal.sqlite")
        for arguments in [["profile", "set", "--sex", "female", "--age", "30"],
                          ["log", "add", "--food", "01129", "--grams", "100", "--meal", "breakfast", "--date", date],
                          ["log", "add", "--food", "11457", "--grams", "30", "--meal", "lunch", "--date", date],
                          ["log", "add", "--food", "09412", "--grams", "178", "--meal", "lunch", "--date", date],
                          ["log", "add", "--food", "15237", "--grams", "150", "--meal", "dinner", "--date", date]] {
            let result = try absorb.run(arguments)
            XCTAssertEqual(result.status, 0, "\(arguments): \(result.stderr)")
        }
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func assertNumber(_ value: Any?, _ expected: Double, accuracy: Double = 1e-4, _ what: String,
                              file: StaticString = #filePath, line: UInt = #line) {
        guard let number = value as? Double else { return XCTFail("\(what): \(String(describing: value)) is not a number", file: file, line: line) }
        XCTAssertEqual(number, expected, accuracy: accuracy, what, file: file, line: line)
    }

    private func assertNull(_ value: Any?, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(value is NSNull, "\(what) should be null, is \(String(describing: value))", file: file, line: line)
    }

    func testEveryFieldOfTheHandComputedDay() throws {
        let report = try absorb.json(["report", "--date", date, "--format", "json"])
        XCTAssertEqual(Set(report.keys), ["profile", "from", "to", "days", "nutrients", "above_upper_limit", "cautions",
                                          "fat_pairing", "balance", "gut", "entries"])
        let profile = try XCTUnwrap(report["profile"] as? [String: Any])
        XCTAssertEqual(profile["name"] as? String, "Me")
        XCTAssertEqual(profile["sex"] as? String, "female")
        assertNumber(profile["age"], 30, "age in years")
        XCTAssertEqual(profile["life_stage"] as? String, "Females 19-30")
        XCTAssertEqual(profile["condition"] as? String, "none")
        XCTAssertEqual(profile["targets_are_defaults"] as? Bool, false)
        XCTAssertEqual(profile["prescribed"] as? [String], [])
        XCTAssertEqual(report["from"] as? String, date)
        XCTAssertEqual(report["to"] as? String, date)
        XCTAssertEqual(report["days"] as? Int, 1)
        XCTAssertEqual(report["above_upper_limit"] as? [String], [])
        XCTAssertEqual((report["cautions"] as? [Any])?.count, 0)

        let nutrients = try XCTUnwrap(report["nutrients"] as? [[String: Any]])
        XCTAssertEqual(nutrients.map { $0["id"] as? String },
                       ["vitamin_a", "vitamin_d", "vitamin_e", "vitamin_k", "linoleic_acid", "alpha_linolenic_acid", "epa_dha"])
        let keys: Set<String> = ["id", "name", "unit", "amount", "target", "target_kind", "target_source", "percent", "upper_limit",
                                 "ul_applies_to", "ul_unit", "ul_amount", "ul_estimated", "ul_complete", "ul_estimated_foods",
                                 "ul_unchecked_foods", "status", "coverage", "missing_data_foods", "judgement", "fat_paired_share"]
        for nutrient in nutrients { XCTAssertEqual(Set(nutrient.keys), keys, "\(nutrient["id"] ?? "?")") }
        func n(_ id: String) -> [String: Any] { nutrients.first { $0["id"] as? String == id }! }
        let allGrams = 100.0 + 30 + 178 + 150
        let knownWithoutPear = (allGrams - 178) / allGrams  // 0.6114: the pear has no D, LA, ALA, EPA, DHA

        // Vitamin A: 149 + 469 × 0.3 + 1 × 1.78 + 69 × 1.5 = 394.98 µg RAE of 700 (RDA).
        let a = n("vitamin_a")
        XCTAssertEqual(a["unit"] as? String, "µg RAE")
        assertNumber(a["amount"], 149 + 469 * 0.3 + 1 * 1.78 + 69 * 1.5, "vitamin A")
        assertNumber(a["target"], 700, "A target")
        XCTAssertEqual(a["target_kind"] as? String, "RDA")
        XCTAssertTrue((a["target_source"] as? String ?? "").hasPrefix("IOM (2001)"))
        assertNumber(a["percent"], 394.98 / 700 * 100, accuracy: 0.01, "A percent")
        // The UL counts retinol: 148 + 0 + (the pear's unknown retinol counted as its RAE, 1.78)
        // + 103.5 = 253.28 µg, estimated.
        assertNumber(a["upper_limit"], 3000, "A UL")
        XCTAssertEqual(a["ul_applies_to"] as? String, "retinol")
        XCTAssertEqual(a["ul_unit"] as? String, "µg")
        assertNumber(a["ul_amount"], 148 + 0 + 1.78 + 69 * 1.5, "A ul_amount")
        XCTAssertEqual(a["ul_estimated"] as? Bool, true)
        XCTAssertEqual(a["ul_complete"] as? Bool, true)
        XCTAssertEqual(a["ul_estimated_foods"] as? [String], ["Pears, raw, bartlett"])
        XCTAssertEqual(a["ul_unchecked_foods"] as? [String], [])
        XCTAssertEqual(a["status"] as? String, "low")
        assertNumber(a["coverage"], 1, "A coverage")
        XCTAssertEqual(a["missing_data_foods"] as? [String], [])
        XCTAssertEqual(a["judgement"] as? String, "low")
        // Eaten with ≥ 3 g fat: breakfast 149 and dinner 103.5 of 394.98.
        assertNumber(a["fat_paired_share"], (149 + 103.5) / 394.98, "A fat-paired share")

        // Vitamin D: 2.2 + 0 + ? + 13.1 × 1.5 = 21.85 µg of 15; the pear cannot be checked
        // against the total-intake UL, and is missing data.
        let d = n("vitamin_d")
        assertNumber(d["amount"], 2.2 + 13.1 * 1.5, "D")
        assertNumber(d["percent"], 21.85 / 15 * 100, accuracy: 0.01, "D percent")
        XCTAssertEqual(d["ul_applies_to"] as? String, "total")
        assertNumber(d["upper_limit"], 100, "D UL")
        assertNumber(d["ul_amount"], 21.85, "D ul_amount")
        XCTAssertEqual(d["ul_estimated"] as? Bool, false)
        XCTAssertEqual(d["ul_complete"] as? Bool, false)
        XCTAssertEqual(d["ul_unchecked_foods"] as? [String], ["Pears, raw, bartlett"])
        XCTAssertEqual(d["status"] as? String, "met")
        assertNumber(d["coverage"], knownWithoutPear, "D coverage")
        XCTAssertEqual(d["missing_data_foods"] as? [String], ["Pears, raw, bartlett"])
        XCTAssertEqual(d["judgement"] as? String, "met")
        assertNumber(d["fat_paired_share"], 1, "all of D came with breakfast and dinner")

        // Vitamin E: 1.03 + 2.03 × 0.3 + 0.12 × 1.78 + 1.14 × 1.5 = 3.5626 mg; none added,
        // so 0 toward the UL (supplemental and added only).
        let e = n("vitamin_e")
        assertNumber(e["amount"], 1.03 + 2.03 * 0.3 + 0.12 * 1.78 + 1.14 * 1.5, "E")
        XCTAssertEqual(e["ul_applies_to"] as? String, "added_vitamin_e")
        assertNumber(e["upper_limit"], 1000, "E UL")
        assertNumber(e["ul_amount"], 0, "E ul_amount")
        XCTAssertEqual(e["ul_complete"] as? Bool, true)
        XCTAssertEqual(e["status"] as? String, "very_low")
        XCTAssertEqual(e["judgement"] as? String, "very low")
        assertNumber(e["fat_paired_share"], (1.03 + 1.71) / 3.5626, "E fat-paired share")

        // Vitamin K: 0.3 + 482.9 × 0.3 + 3.8 × 1.78 + 0.1 × 1.5 = 152.084 µg of 90 (AI); no UL.
        let k = n("vitamin_k")
        assertNumber(k["amount"], 0.3 + 482.9 * 0.3 + 3.8 * 1.78 + 0.1 * 1.5, "K")
        XCTAssertEqual(k["target_kind"] as? String, "AI")
        for field in ["upper_limit", "ul_applies_to", "ul_unit", "ul_amount"] { assertNull(k[field], "K \(field)") }
        XCTAssertEqual(k["ul_complete"] as? Bool, true, "no limit: nothing to check")
        XCTAssertEqual(k["status"] as? String, "met")

        // Linoleic acid: 1.188 + 0.026 × 0.3 + ? + 0.666 × 1.5 = 2.1948 g of 12; 39 % of the
        // food had no value, which the judgement says.
        let la = n("linoleic_acid")
        assertNumber(la["amount"], 1.188 + 0.026 * 0.3 + 0.666 * 1.5, "LA")
        XCTAssertEqual(la["status"] as? String, "very_low")
        XCTAssertEqual(la["judgement"] as? String, "very low — but 39 % of the food logged has no Linoleic acid (omega-6) data")
        assertNull(la["fat_paired_share"], "LA is not a fat-soluble vitamin")
        let ala = n("alpha_linolenic_acid")
        assertNumber(ala["amount"], 0.035 + 0.138 * 0.3 + 0.113 * 1.5, "ALA")
        assertNumber(ala["target"], 1.1, "ALA target")
        // EPA + DHA: (0.005 + 0.038) × 1000 + (0.690 + 1.457) × 1.5 × 1000 = 3,263.5 mg of EFSA's 250.
        let epa = n("epa_dha")
        assertNumber(epa["amount"], (0.005 + 0.038) * 1000 + (0.690 + 1.457) * 1.5 * 1000, accuracy: 1e-3, "EPA + DHA")
        XCTAssertTrue((epa["target_source"] as? String ?? "").hasPrefix("EFSA"))
        XCTAssertEqual(epa["status"] as? String, "met")

        // Fat pairing: the 3 g threshold; lunch has 0.39 × 0.3 + 0.16 × 1.78 = 0.402 g of fat and
        // carries A (142.48 µg, 20 % of 700) and K (151.634 µg) over 10 % of target: flagged;
        // its E (0.8226 mg, 5 %) is not.
        let pairing = try XCTUnwrap(report["fat_pairing"] as? [String: Any])
        assertNumber(pairing["threshold_g"], 3, "threshold")
        let meals = try XCTUnwrap(pairing["meals"] as? [[String: Any]])
        XCTAssertEqual(meals.map { $0["meal"] as? String }, ["breakfast", "lunch", "dinner"])
        assertNumber(meals[0]["fat_g"], 10.61, "breakfast fat")
        assertNumber(meals[1]["fat_g"], 0.39 * 0.3 + 0.16 * 1.78, accuracy: 1e-3, "lunch fat (3 decimals)")
        assertNumber(meals[2]["fat_g"], 12.35 * 1.5, "dinner fat")
        XCTAssertEqual(meals.map { $0["fat_complete"] as? Bool }, [true, true, true])
        let lunch = try XCTUnwrap(meals[1]["vitamins"] as? [String: Any])
        assertNumber(lunch["vitamin_a"], 469 * 0.3 + 1 * 1.78, "lunch A")
        assertNumber(lunch["vitamin_d"], 0, "lunch D: spinach's 0; the pear's is unknown")
        assertNumber(lunch["vitamin_e"], 2.03 * 0.3 + 0.12 * 1.78, "lunch E")
        assertNumber(lunch["vitamin_k"], 482.9 * 0.3 + 3.8 * 1.78, "lunch K")
        let flags = try XCTUnwrap(pairing["flags"] as? [[String: Any]])
        XCTAssertEqual(flags.map { $0["nutrient"] as? String }, ["vitamin_a", "vitamin_k"])
        for flag in flags {
            XCTAssertEqual(flag["date"] as? String, date)
            XCTAssertEqual(flag["meal"] as? String, "lunch")
            assertNumber(flag["fat_g"], 0.402, accuracy: 1e-3, "flag fat")
            // Olive oil 04053: 1 tsp = 4.5 g, 100 g fat per 100 g: one tsp passes 3 g.
            XCTAssertEqual(flag["suggestion"] as? String,
                           "add a fat source to it, such as 1 tsp of olive oil (4.5 g fat), or eat it with a meal that has some")
        }
        assertNumber(flags[0]["amount"], 142.48, "flag A amount")

        // Balance: 155 + 23 × 0.3 + 63 × 1.78 + 206 × 1.5 = 583.04 kcal; fibre 2.2 × 0.3 +
        // 3.1 × 1.78 = 6.178 g of 14 g per 1,000 kcal = 8.16256 g; LA : ALA 2.1948 / 0.2459.
        let balance = try XCTUnwrap(report["balance"] as? [String: Any])
        let kcal = 155 + 23 * 0.3 + 63 * 1.78 + 206 * 1.5
        assertNumber(balance["kcal"], kcal, "kcal")
        assertNumber(balance["fibre_g"], 2.2 * 0.3 + 3.1 * 1.78, "fibre")
        assertNumber(balance["fibre_target_g"], 14 * kcal / 1000, accuracy: 1e-3, "fibre AI")
        assertNull(balance["references_not_set"], "an adult's references are set")
        XCTAssertEqual(balance["fibre_incomplete"] as? Bool, false)
        assertNumber(balance["fermented_servings_per_day"], 0, "nothing fermented")
        let laGrams = 1.188 + 0.026 * 0.3 + 0.666 * 1.5, alaGrams = 0.035 + 0.138 * 0.3 + 0.113 * 1.5
        assertNumber(balance["la_ala_ratio"], laGrams / alaGrams, accuracy: 1e-3, "LA : ALA")
        assertNumber(balance["la_percent_energy"], laGrams * 9 / kcal * 100, accuracy: 1e-3, "LA % energy")
        assertNumber(balance["ala_percent_energy"], alaGrams * 9 / kcal * 100, accuracy: 1e-3, "ALA % energy")
        // The gut: nothing fermented, no probiotic logged.
        let gut = try XCTUnwrap(report["gut"] as? [String: Any])
        XCTAssertEqual(Set(gut.keys), ["fermented_servings", "live_culture_servings", "fermented_foods", "prebiotic_servings",
                                       "prebiotic_by_kind", "probiotic_days", "probiotics"])
        assertNumber(gut["fermented_servings"], 0, "nothing fermented")
        assertNumber(gut["probiotic_days"], 0, "no probiotic")

        let entries = try XCTUnwrap(report["entries"] as? [[String: Any]])
        XCTAssertEqual(entries.map { $0["food_id"] as? String }, ["01129", "11457", "09412", "15237"])
        XCTAssertEqual(entries.map { $0["meal"] as? String }, ["breakfast", "lunch", "lunch", "dinner"])
        XCTAssertEqual(entries.map { $0["grams"] as? Double }, [100, 30, 178, 150])
        XCTAssertEqual(entries.map { $0["id"] as? Int }, [1, 2, 3, 4])
        XCTAssertEqual(entries[2]["food"] as? String, "Pears, raw, bartlett")
    }

    func testADayWithNothingLoggedHasNullsNotZeros() throws {
        let report = try absorb.json(["report", "--date", "2026-11-23", "--format", "json"])
        XCTAssertEqual(report["days"] as? Int, 0)
        for nutrient in try XCTUnwrap(report["nutrients"] as? [[String: Any]]) {
            for field in ["amount", "percent", "coverage", "fat_paired_share", "ul_amount"] {
                assertNull(nutrient[field], "\(nutrient["id"] ?? "?") \(field)")
            }
            XCTAssertEqual(nutrient["status"] as? String, "no_data")
        }
        let balance = try XCTUnwrap(report["balance"] as? [String: Any])
        assertNull(balance["la_ala_ratio"], "no ratio without data")
    }
}
