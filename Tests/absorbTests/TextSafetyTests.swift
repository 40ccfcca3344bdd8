import Foundation
import Journal
import NutrientModel
import XCTest

/// Names and texts: one length limit at every entry point (the one import accepts); new
/// text with control characters or text-direction overrides refused; text already in a
/// journal escaped wherever the command line shows it; cells a spreadsheet would run
/// written with a leading ' (OWASP) that import removes, so the round trip is exact.
final class TextSafetyTests: XCTestCase {
    var scratch: URL!

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("absorb-text-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    private func absorb(_ name: String) -> AbsorbProcess { AbsorbProcess(journal: scratch.appendingPathComponent(name).path) }

    static let unsafe = ["\u{1B}]0;pwned\u{07}", "\u{1B}[2J", "a\nb", "a\rb", "\u{07}", "\u{7F}", "\u{9B}31m", "x\u{202E}cba",
                         "x\u{2066}y", "x\u{200F}", "x\u{2028}y", "tab\there"]  // (a NUL cannot be passed in an argument)

    func testNewTextWithControlCharactersOrTooLongIsRefusedEverywhere() throws {
        let journal = absorb("j.sqlite")
        XCTAssertEqual(try journal.run(["log", "add", "egg", "whole", "raw", "50", "g"]).status, 0)
        let before = try journal.run(["export"]).stdout
        var tried = 0
        let long = String(repeating: "é", count: 501)  // 1,002 bytes
        for text in Self.unsafe + [long] {
            for command in [["profile", "add", "P" + text], ["profile", "set", "--name", "P" + text],
                            ["foods", "add", "Bar" + text, "--serving", "40"],
                            ["foods", "add", "Bar", "--serving", "40", "--measure", "bar" + text],
                            ["foods", "recipe", "Dish" + text, "--ingredient", "egg whole raw 2 large"]] {
                let result = try journal.run(command)
                XCTAssertNotEqual(result.status, 0, "\(command) accepted")
                XCTAssertTrue(result.stderr.contains(text == long ? "at most 1000 are accepted" : "may not hold control characters"),
                              "\(command): \(result.stderr)")
                XCTAssertFalse(result.stderr.utf8.contains(0x1B), "the refusal echoed the escape: \(result.stderr)")
                tried += 1
            }
        }
        XCTAssertEqual(try journal.run(["export"]).stdout, before, "a refused name changed the journal")
        // The limit is the import's: a name of exactly 1,000 bytes is saved, exported and imported back.
        let longest = String(repeating: "é", count: 500)
        XCTAssertEqual(try journal.run(["profile", "add", longest]).status, 0)
        let file = scratch.appendingPathComponent("long.csv")
        let export = try journal.run(["export", "--format", "csv", "-o", file.path])
        XCTAssertEqual(export.status, 0, export.stderr)
        let imported = try absorb("copy.sqlite").run(["import", file.path])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        print("TextSafetyTests: \(tried) unsafe or long names refused")
    }

    func testTextAlreadyInAJournalIsEscapedOnTheTerminal() throws {
        // An export of version 1 (before the refusal) with such names imports as it is.
        let evil = "Evil\u{1B}]0;pwned\u{07}\nFake line\u{202E}"
        let food = "Bar\u{1B}[2J\u{9B}31m"
        let csv = """
            record,format,version,from,to
            archive,absorb-journal,1,,
            record,name,sex,age_months,condition,fat_threshold_g,diets,active,created_at
            profile,"\(evil)",female,408,none,,,yes,2026-11-20T08:00:00.000Z
            record,id,description,energy_kcal,fat_g,fiber_g,vitamin_a_rae_ug,retinol_ug,vitamin_d_ug,vitamin_e_mg,vitamin_e_added_mg,vitamin_k_ug,linoleic_acid_g,alpha_linolenic_acid_g,epa_g,dha_g,created_at
            food,C0001,"\(food)",,10,,,,,1,,,,,,,2026-11-20T08:00:00.000Z
            record,food_id,amount,description,grams
            portion,C0001,1,"bar\u{1B}[5m",40
            record,profile,date,meal,food_id,grams,logged_at
            entry,"\(evil)",2026-11-24,lunch,C0001,40,2026-11-24T12:00:00.000Z

            """
        let file = scratch.appendingPathComponent("evil.csv")
        try Data(csv.utf8).write(to: file)
        let journal = absorb("evil.sqlite")
        let imported = try journal.run(["import", file.path])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        var tried = 0
        for command in [["profile", "list"], ["profile", "show"], ["foods", "search", "bar"], ["foods", "show", "C0001"],
                        ["log", "add", "C0001", "1", "bar", "--date", "2026-11-24"], ["log", "list", "--date", "2026-11-24"],
                        ["report", "--date", "2026-11-24"], ["report", "--date", "2026-11-24", "--format", "csv"],
                        ["report", "--date", "2026-11-24", "--format", "json"], ["today"],
                        ["summary", "--from", "2026-11-24", "--to", "2026-11-24"], ["gaps", "--date", "2026-11-24"],
                        ["log", "list", "--profile", "nobody"], ["foods", "recipe", "Dish", "--ingredient", "C0001 1 nothing"]] {
            let result = try journal.run(command)
            for (stream, text) in [("stdout", result.stdout), ("stderr", result.stderr)] {
                for byte: UInt8 in [0x1B, 0x07] {
                    XCTAssertFalse(text.utf8.contains(byte), "\(command) \(stream) holds 0x\(String(byte, radix: 16)): \(text)")
                }
                XCTAssertFalse(text.unicodeScalars.contains { $0.value == 0x9B || $0.value == 0x202E }, "\(command) \(stream): \(text)")
                XCTAssertFalse(text.contains("\nFake line"), "\(command) \(stream) fakes a line: \(text)")
            }
            tried += 1
        }
        XCTAssertTrue(try journal.run(["profile", "list"]).stdout.contains("Evil\\u001B]0;pwned\\u0007\\u000AFake line\\u202E"))
        // And the backup still restores exactly: the export to a file is byte for byte.
        let out = scratch.appendingPathComponent("again.csv")
        XCTAssertEqual(try journal.run(["export", "--format", "csv", "-o", out.path]).status, 0)
        let again = try String(contentsOf: out, encoding: .utf8)
        XCTAssertTrue(again.contains(evil) && again.contains(food))
        let copy = absorb("copy.sqlite")
        XCTAssertEqual(try copy.run(["import", out.path]).status, 0)
        XCTAssertEqual(try copy.run(["export", "--format", "csv"]).stdout, again)
        print("TextSafetyTests: \(tried) commands on a journal with control characters escaped")
    }

    func testSpreadsheetFormulasAreGuardedAndTheRoundTripIsExact() throws {
        let samples = ["=HYPERLINK(\"http://x\",\"y\")", "+1", "-x", "@SUM(A1)", "\tTab", "\rCR", "'", "'=a", "''+b", "'plain",
                       "-5", "'-5", "=", "plain", "", "a=b", "-", "+", "@"]
        for text in samples {
            XCTAssertEqual(CSVWriter.unguarded(CSVWriter.guarded(text)), text, "\(text.debugDescription)")
        }
        XCTAssertEqual(CSVWriter.guarded("=1+1"), "'=1+1")
        XCTAssertEqual(CSVWriter.guarded("-5"), "-5", "a number is left as it is")
        XCTAssertEqual(CSVWriter.guarded("-0.25"), "-0.25")
        for formula in ["-inf", "-nan", "-0x10", "+5", "-", "-1-1", "-.", "--5"] {
            XCTAssertEqual(CSVWriter.guarded(formula), "'" + formula, formula)
            XCTAssertEqual(CSVWriter.unguarded(CSVWriter.guarded(formula)), formula)
        }
        // Through a journal: profiles and a custom food named like formulas.
        let journal = absorb("formula.sqlite")
        for name in ["=HYPERLINK(\"http://evil\",\"click\")", "+SUM(1)", "@cmd", "'=quoted", "'plain"] {
            let added = try journal.run(["profile", "add", name])
            XCTAssertEqual(added.status, 0, added.stderr)
        }
        XCTAssertEqual(try journal.run(["foods", "add", "=cmd|' /C calc'!A0", "--serving", "40", "--fat", "5"]).status, 0)
        XCTAssertEqual(try journal.run(["log", "add", "C0001", "1", "serving", "--date", "2026-11-24"]).status, 0)
        let csv = try journal.run(["export", "--format", "csv"]).stdout
        for line in csv.components(separatedBy: "\r\n") {
            for field in (try? CSVReader(bytes: Array(line.utf8), fileName: "line").allRows().first) ?? [] {
                XCTAssertFalse(TextRules.startsLikeAFormula(field) && Double(field) == nil, "a cell a spreadsheet runs: \(field)")
            }
        }
        XCTAssertTrue(csv.contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"click\"\")\""), csv)
        XCTAssertTrue(csv.contains(",''=quoted,") && csv.contains(",'plain,"), csv)
        let file = scratch.appendingPathComponent("formula.csv")
        try Data(csv.utf8).write(to: file)
        let copy = absorb("copy.sqlite")
        XCTAssertEqual(try copy.run(["import", file.path]).status, 0)
        XCTAssertEqual(try copy.run(["export", "--format", "csv"]).stdout, csv, "the prefix is removed on import, exactly")
        let names = try copy.run(["profile", "list"]).stdout
        XCTAssertTrue(names.contains("  =HYPERLINK(\"http://evil\",\"click\")\n") && names.contains("'=quoted\n") && names.contains("'plain\n"), names)
        // JSON has no formulas: names as they are.
        XCTAssertTrue(try journal.run(["export"]).stdout.contains("\"name\" : \"=HYPERLINK("))
        // The report's CSV guards the food names it lists.
        let report = try journal.run(["report", "--date", "2026-11-24", "--format", "csv"]).stdout
        XCTAssertTrue(report.contains("'=cmd|"), report)
        XCTAssertFalse(report.contains(",=cmd|") || report.contains(",\"=cmd|"), report)
    }
}

/// Amounts and dates as the command line reads them.
final class InputCommandTests: XCTestCase {
    func testAmbiguousNumbersHexTinyAmountsAndFarDatesAreRefused() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("absorb-input-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let absorb = AbsorbProcess(journal: scratch.appendingPathComponent("j.sqlite").path)
        XCTAssertEqual(try absorb.run(["log", "add", "egg", "whole", "raw", "50", "g"]).status, 0)
        let before = try absorb.run(["export"]).stdout
        let farDay = Calendar(identifier: .gregorian).date(byAdding: .day, value: 400, to: Date())!
        let far = ISO8601DateFormatter.string(from: farDay, timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate])
        let cases: [([String], String)] = [
            (["log", "add", "spinach", "raw", "1,5", "cup"], "absorb reads a point as the decimal mark"),
            (["log", "add", "spinach", "raw", "1.000", "g"], "absorb reads a point as the decimal mark"),
            (["log", "add", "spinach", "raw", "0x10", "g"], "hexadecimal"),
            (["log", "add", "spinach", "raw", "0.0001", "g"], "less than a milligram"),
            (["log", "add", "--food", "11457", "--grams", "0x10"], "hexadecimal"),
            (["log", "add", "--food", "11457", "--grams", "1e-5"], "is not a number"),
            (["log", "add", "--food", "11457", "--grams", "0.0001"], "less than a milligram"),
            (["log", "add", "--food", "11457", "--grams", "1.000"], "absorb reads a point as the decimal mark"),
            (["log", "add", "egg", "whole", "raw", "50", "g", "--date", "9999-01-01"], "more than a year ahead"),
            (["log", "add", "egg", "whole", "raw", "50", "g", "--date", far], "more than a year ahead"),
            (["report", "--from", "2026-01-01", "--to", "9999-12-31"], "more than a year ahead"),
        ]
        for (command, expected) in cases {
            let result = try absorb.run(command)
            XCTAssertNotEqual(result.status, 0, "\(command)")
            XCTAssertTrue(result.stderr.contains(expected), "\(command): \(result.stderr)")
        }
        XCTAssertEqual(try absorb.run(["export"]).stdout, before, "a refused amount saved something")
        XCTAssertEqual(try absorb.run(["log", "add", "--food", "11457", "--grams", "0.001"]).status, 0)
    }
}
