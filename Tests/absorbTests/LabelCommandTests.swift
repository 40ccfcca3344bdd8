import Foundation
import XCTest

/// `absorb foods add` with a label's vitamins as printed (IU, forms), and prescribed doses
/// on a profile, run as the real program on a temporary journal.
final class LabelCommandTests: XCTestCase {
    var directory: String!
    var absorb: AbsorbProcess!

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "absorb-label-tests-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        absorb = AbsorbProcess(journal: directory + "/journal.sqlite")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    @discardableResult
    private func ok(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let result = try absorb.run(arguments)
        XCTAssertEqual(result.status, 0, result.stderr, file: file, line: line)
        return result.stdout
    }

    private func nutrient(_ report: [String: Any], _ id: String) throws -> [String: Any] {
        let nutrients = try XCTUnwrap(report["nutrients"] as? [[String: Any]])
        return try XCTUnwrap(nutrients.first { $0["id"] as? String == id })
    }

    func testARetinolSoftgelInIUIsShownConvertedAndTwoAreAboveThePregnancyLimit() throws {
        var out = try ok(["foods", "add", "Vitamin A 10,000 IU softgel", "--serving", "0.5", "--measure", "softgel",
                          "--vitamin-a-iu", "10000", "--vitamin-a-form", "retinol"])
        XCTAssertTrue(out.hasPrefix("Added C0001 Vitamin A 10,000 IU softgel: 1 softgel = 0.5 g."), out)
        XCTAssertFalse(out.contains("Note:"), out)
        // Per 100 g: 3,000 µg RAE and retinol in 0.5 g = 600,000.
        out = try ok(["foods", "show", "C0001"])
        XCTAssertTrue(out.contains("  Vitamin A                      600000 µg RAE\n"), out)
        XCTAssertTrue(out.contains("  Retinol (preformed vitamin A)  600000 µg\n"), out)
        XCTAssertTrue(out.contains("  Vitamin E toward the UL        no value (unknown)\n"), out)

        try ok(["profile", "set", "--sex", "female", "--age", "30", "--pregnant"])
        try ok(["log", "add", "C0001", "2", "softgel", "--date", "2026-03-02", "--meal", "breakfast"])
        let report = try absorb.json(["report", "--date", "2026-03-02", "--format", "json"])
        let vitaminA = try nutrient(report, "vitamin_a")
        XCTAssertEqual(vitaminA["amount"] as! Double, 6_000, accuracy: 1e-6)
        XCTAssertEqual(vitaminA["ul_amount"] as! Double, 6_000, accuracy: 1e-6, "2 × 3,000 µg retinol")
        XCTAssertEqual(vitaminA["ul_estimated"] as? Bool, false, "the form gave the retinol")
        XCTAssertEqual(vitaminA["upper_limit"] as? Double, 3_000, "the pregnancy UL from 19 years")
        XCTAssertEqual(vitaminA["status"] as? String, "above_ul")
    }

    func testAHalfBetaCaroteneLabelAndVitaminEWithoutItsForm() throws {
        try ok(["foods", "add", "Vitamin A half beta-carotene", "--serving", "1", "--measure", "tablet",
                "--vitamin-a-iu", "10000", "--vitamin-a-form", "50% as beta-carotene"])
        var out = try ok(["foods", "show", "C0001"])
        XCTAssertTrue(out.contains("  Vitamin A                      300000 µg RAE\n"), out)
        XCTAssertTrue(out.contains("  Retinol (preformed vitamin A)  150000 µg\n"), out)

        out = try ok(["foods", "add", "Vitamin E 400 IU", "--serving", "1", "--measure", "softgel", "--vitamin-e-iu", "400"])
        XCTAssertTrue(out.hasPrefix("Added C0002 Vitamin E 400 IU: 1 softgel = 1 g."), out)
        XCTAssertTrue(out.contains("\nNote: Vitamin E: the label's form is not given, so it is counted as synthetic"), out)
        out = try ok(["foods", "show", "C0002"])
        XCTAssertTrue(out.contains("  Vitamin E (alpha-tocopherol)   18000 mg\n"), out)
        XCTAssertTrue(out.contains("  Vitamin E toward the UL        no value (unknown)\n"), out)
        try ok(["log", "add", "C0002", "1", "softgel", "--date", "2026-03-02"])
        let report = try absorb.json(["report", "--date", "2026-03-02", "--format", "json"])
        let vitaminE = try nutrient(report, "vitamin_e")
        XCTAssertEqual(vitaminE["amount"] as! Double, 180, accuracy: 1e-6, "400 IU × 0.45")
        XCTAssertEqual(vitaminE["ul_amount"] as! Double, 363.6, accuracy: 1e-6, "180 mg × 2.02, as synthetic")
        XCTAssertEqual(vitaminE["ul_estimated"] as? Bool, true)

        // With the form natural: 268 mg both ways, known.
        try ok(["foods", "add", "Vitamin E 400 IU natural", "--serving", "1", "--measure", "softgel",
                "--vitamin-e-iu", "400", "--vitamin-e-form", "natural"])
        out = try ok(["foods", "show", "C0003"])
        XCTAssertTrue(out.contains("  Vitamin E (alpha-tocopherol)   26800 mg\n"), out)
        XCTAssertTrue(out.contains("  Vitamin E toward the UL        26800 mg\n"), out)
        // Vitamin D in IU: 1,000 IU = 25 µg.
        try ok(["foods", "add", "Vitamin D 1,000 IU", "--serving", "0.25", "--measure", "softgel", "--vitamin-d-iu", "1000"])
        XCTAssertTrue(try ok(["foods", "show", "C0004"]).contains("  Vitamin D                      10000 µg\n"))
    }

    func testLabelErrorsNameTheOptionAndSaveNothing() throws {
        let cases: [([String], String)] = [
            (["--vitamin-a-iu", "10000"],
             "Error: --vitamin-a-form: Vitamin A (IU) needs its form: retinol, beta-carotene or N%-beta-carotene (as in 50%-beta-carotene for \"50% as beta-carotene\"), or the retinol the label states. Nothing was saved."),
            (["--vitamin-a-iu", "10000", "--vitamin-a-form", "carrot"],
             "Error: --vitamin-a-form: Vitamin A form \"carrot\" is not one of: retinol, beta-carotene or N%-beta-carotene (as in 50%-beta-carotene for \"50% as beta-carotene\"). Nothing was saved."),
            (["--vitamin-e-form", "natural"],
             "Error: --vitamin-e-form: a vitamin E form needs the vitamin E it describes (in mg or in IU). Nothing was saved."),
            (["--vitamin-e-iu", "400", "--vitamin-e-form", "organic"],
             "Error: --vitamin-e-form: Vitamin E form \"organic\" is not one of: natural (d- or RRR-alpha-tocopherol) or synthetic (dl- or all-rac-alpha-tocopherol). Nothing was saved."),
            (["--vitamin-d", "10", "--vitamin-d-iu", "400"],
             "Error: --vitamin-d-iu: Vitamin D is given both in µg and in IU: give one of them. Nothing was saved."),
            (["--vitamin-d-iu=-400"], "Error: --vitamin-d-iu: Vitamin D (IU) must be a number of 0 or more. Nothing was saved."),
        ]
        for (options, message) in cases {
            let result = try absorb.run(["foods", "add", "Bad label", "--serving", "1"] + options)
            XCTAssertNotEqual(result.status, 0, options.joined(separator: " "))
            XCTAssertEqual(result.stderr.trimmingCharacters(in: .newlines), message)
        }
        let notANumber = try absorb.run(["foods", "add", "Bad label", "--serving", "1", "--vitamin-a-iu", "lots"])
        XCTAssertNotEqual(notANumber.status, 0)
        XCTAssertTrue(notANumber.stderr.contains("--vitamin-a-iu"), notANumber.stderr)
        XCTAssertNotEqual(try absorb.run(["foods", "show", "C0001"]).status, 0, "nothing was saved")
        // The help says how.
        let help = try absorb.run(["help", "foods", "add"], useJournalOption: false).stdout
        for option in ["--vitamin-a-iu", "--vitamin-a-form", "--vitamin-d-iu", "--vitamin-e-iu", "--vitamin-e-form", "--retinol"] {
            XCTAssertTrue(help.contains(option), "help lacks \(option):\n\(help)")
        }
    }

    func testAPrescribedWeeklyVitaminDDoseIsAboveTheLimitMarkedAsPrescribedAndSurvivesExport() throws {
        try ok(["foods", "add", "Vitamin D2 50,000 IU", "--serving", "0.3", "--measure", "softgel", "--vitamin-d-iu", "50000",
                "--vitamin-a", "0", "--vitamin-e", "0", "--vitamin-e-form", "natural"])
        try ok(["profile", "set", "--sex", "female", "--age", "40"])
        var result = try absorb.run(["profile", "set", "--prescribed", "C0999"])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("--prescribed: there is no food C0999"), result.stderr)
        var out = try ok(["profile", "set", "--prescribed", "C0001"])
        XCTAssertTrue(out.contains("Prescribed: Vitamin D2 50,000 IU (C0001)"), out)
        XCTAssertTrue(try ok(["profile", "show"]).contains("  prescribed: Vitamin D2 50,000 IU (C0001)\n"))

        // The weekly dose on Monday; an egg on two other days: 3 logged days of the 7.
        try ok(["log", "add", "C0001", "1", "softgel", "--date", "2026-03-02"])
        try ok(["log", "add", "--food", "01129", "--grams", "50", "--date", "2026-03-04"])
        try ok(["log", "add", "--food", "01129", "--grams", "50", "--date", "2026-03-08"])
        let week = try absorb.json(["report", "--from", "2026-03-02", "--to", "2026-03-08", "--format", "json"])
        let vitaminD = try nutrient(week, "vitamin_d")
        // 1,250 µg on one day, plus 2 × 50 g of egg (2.2 µg per 100 g): averaged over the 3
        // logged days, not the 7 of the range.
        XCTAssertEqual(vitaminD["amount"] as! Double, (1_250 + 2 * 1.1) / 3, accuracy: 1e-6)
        XCTAssertEqual(vitaminD["status"] as? String, "above_ul")
        let cautions = try XCTUnwrap(week["cautions"] as? [[String: Any]])
        let above = try XCTUnwrap(cautions.first { $0["kind"] as? String == "above_upper_limit" && $0["nutrient"] as? String == "vitamin_d" })
        XCTAssertEqual(above["prescribed"] as? [String], ["Vitamin D2 50,000 IU"])
        XCTAssertTrue((above["sentence"] as? String ?? "").contains("a day on average"), "\(above)")
        out = try ok(["report", "--date", "2026-03-02"])
        XCTAssertTrue(out.contains("Vitamin D: 1,250 µg of all intake, food and supplements is above the upper limit of 100 µg"), out)
        XCTAssertTrue(out.contains("It includes Vitamin D2 50,000 IU, marked as prescribed"), out)

        // Export and import keep it, in JSON and in CSV.
        for format in ["json", "csv"] {
            let file = directory + "/export.\(format)"
            try ok(["export", "--format", format, "-o", file])
            let text = try String(contentsOfFile: file, encoding: .utf8)
            XCTAssertTrue(text.contains(format == "json" ? "\"prescribed\" : [\n        \"C0001\"" : "C0001"), text)
            let other = AbsorbProcess(journal: directory + "/other-\(format).sqlite")
            result = try other.run(["import", file])
            XCTAssertEqual(result.status, 0, result.stderr)
            result = try other.run(["profile", "show"])
            XCTAssertTrue(result.stdout.contains("  prescribed: Vitamin D2 50,000 IU (C0001)\n"), result.stdout)
        }
        // An export written before prescriptions (no such key or column) still imports.
        let json = directory + "/export.json"
        var text = try String(contentsOfFile: json, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"prescribed\" : [\n        \"C0001\"\n      ],\n", with: "")
        // As version 1 wrote it: no end member (its checksum would no longer match).
        text = String(text[..<text.range(of: ",\n  \"end\" : {")!.lowerBound]).replacingOccurrences(of: "\"version\" : 4", with: "\"version\" : 1") + "\n}\n"
        XCTAssertFalse(text.contains("prescribed"))
        try text.write(toFile: json, atomically: true, encoding: .utf8)
        let older = AbsorbProcess(journal: directory + "/older.sqlite")
        result = try older.run(["import", json])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(try older.run(["profile", "show"]).stdout.contains("  prescribed: none\n"))
        let csv = directory + "/export.csv"
        let whole = try String(contentsOfFile: csv, encoding: .utf8)
        let version1 = String(whole[..<whole.range(of: "record,profiles,targets,")!.lowerBound])
            .replacingOccurrences(of: "archive,absorb-journal,4,", with: "archive,absorb-journal,1,")
        let lines = version1.components(separatedBy: "\r\n").map { line -> String in
            guard line.hasPrefix("record,name,") || line.hasPrefix("profile,") else { return line }
            var fields = line.components(separatedBy: ",")
            fields.remove(at: 7)  // record,name,sex,age_months,condition,fat_threshold_g,diets,prescribed
            return fields.joined(separator: ",")
        }
        try lines.joined(separator: "\r\n").write(toFile: csv, atomically: true, encoding: .utf8)
        let olderCSV = AbsorbProcess(journal: directory + "/older-csv.sqlite")
        result = try olderCSV.run(["import", csv])
        XCTAssertEqual(result.status, 0, result.stderr)

        // --not-prescribed takes it off.
        out = try ok(["profile", "set", "--not-prescribed", "C0001"])
        XCTAssertTrue(out.contains("Prescribed: none"), out)
        out = try ok(["report", "--date", "2026-03-02"])
        XCTAssertFalse(out.contains("marked as prescribed"), out)
        result = try absorb.run(["profile", "set", "--not-prescribed", "C0001"])
        XCTAssertTrue(result.stderr.contains("--not-prescribed: C0001 is not prescribed"), result.stderr)
    }
}
