import Foundation
import XCTest

/// `absorb check-in`, `absorb check-ins`, `absorb probiotic` and `profile set --scales`
/// driven as a person or a script drives them: every bad input is refused with its rule
/// and nothing is saved; a second check-in the same day updates it; POEM by flags and by
/// questions on standard input; export and import keep every check-in.
final class CheckInCommandTests: XCTestCase {
    var directory: String!
    var absorb: AbsorbProcess!

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "absorb-checkin-command-tests-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        absorb = AbsorbProcess(journal: directory + "/journal.sqlite")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    @discardableResult
    private func ok(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let result = try absorb.run(arguments)
        XCTAssertEqual(result.status, 0, "\(arguments): \(result.stderr)", file: file, line: line)
        return result.stdout
    }

    /// The check-ins as `check-ins --format csv` lists them (the whole record, for "nothing changed").
    private func listed() throws -> String { try ok(["check-ins", "--format", "csv", "--from", "2026-01-01"]) }

    /// Runs absorb with `input` on standard input (a pipe).
    private func run(input: String, _ arguments: [String]) throws -> AbsorbProcess.Result {
        let quoted = (arguments + ["--journal", absorb.journal]).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        return try AbsorbProcess.runProgram("/bin/sh", ["-c", "printf '\(input)' | '\(AbsorbProcess.executable.path)' " + quoted.joined(separator: " ")],
                                            environment: ["TZ": "UTC", "XDG_CACHE_HOME": AbsorbProcess.cacheHome, "PATH": "/usr/bin:/bin"])
    }

    func testEveryBadValueIsRefusedWithItsRuleAndNothingIsSaved() throws {
        try ok(["check-in", "--date", "2026-11-24", "--itch", "4", "--bristol", "4", "--note", "baseline"])
        let before = try listed()
        let cases: [([String], String)] = [
            (["--itch", "11"], "itch must be a whole number from 0 to 10"),
            (["--itch", "-1"], "itch must be a whole number from 0 to 10"),
            (["--itch", "2.5"], "found \"2.5\""),
            (["--itch", "0x3"], "hexadecimal numbers are not amounts"),
            (["--itch", "1e1"], "found \"1e1\""),
            (["--itch", "seven"], "found \"seven\""),
            (["--bristol", "0"], "bristol must be a whole number from 1 to 7"),
            (["--bristol", "8"], "bristol must be a whole number from 1 to 7"),
            (["--bloating", "-1"], "bloating must be a whole number from 0 to 10"),
            (["--bloating", "11"], "bloating must be a whole number from 0 to 10"),
            (["--spots", "-2"], "spots must be a whole number from 0"),
            (["--poem-answers", "1,2,0,5,3,2,1"], "POEM answer 4 must be a whole number from 0 (no days) to 4 (every day), found \"5\""),
            (["--poem-answers", "1,2,0,-1,3,2,1"], "POEM answer 4 must be"),
            (["--poem-answers", "1,2,0,4,3,2"], "POEM needs 7 answers"),
            (["--poem-answers", "1,2,0,4,3,2,1,0"], "POEM needs 7 answers"),
            (["--poem-answers", "a,b,c,d,e,f,g"], "POEM answer 1 must be"),
            (["--date", "2026-02-30", "--itch", "2"], "is not a date"),
            (["--date", "yesterdays", "--itch", "2"], "is not a date"),
            (["--date", "0000-01-01", "--itch", "2"], "the year must be 1 or later"),
            (["--date", "9999-01-01", "--itch", "2"], "--date"),
            (["--note", "line\nbreak"], "control character"),
            ([], "say what to record"),
            (["--poem", "--poem-answers", "1,1,1,1,1,1,1"], "not both"),
        ]
        for (arguments, expected) in cases {
            let result = try absorb.run(["check-in", "--date", "2026-11-24"] + arguments)
            XCTAssertEqual(result.status, 1, "\(arguments) was not refused with status 1: \(result.stdout)\(result.stderr)")
            XCTAssertTrue(result.stderr.contains(expected), "\(arguments): \(result.stderr)")
            XCTAssertEqual(result.stdout, "", "\(arguments)")
        }
        // A bad value with good ones saves none of them.
        let mixed = try absorb.run(["check-in", "--date", "2026-11-24", "--itch", "2", "--bristol", "9"])
        XCTAssertEqual(mixed.status, 1)
        XCTAssertTrue(mixed.stderr.contains("Nothing was saved"), mixed.stderr)
        XCTAssertEqual(try listed(), before, "nothing was saved")
    }

    func testASecondCheckInTheSameDayUpdatesIt() throws {
        let first = try ok(["check-in", "--date", "2026-11-24", "--itch", "7", "--bristol", "2", "--note", "flare"])
        XCTAssertTrue(first.hasPrefix("Checked in for Tue 24 Nov 2026 (Me): Itch 7/10 · Bristol 2/7 (suggests constipation) · note \"flare\""), first)
        let second = try ok(["check-in", "--date", "2026-11-24", "--itch", "3", "--bloating", "1"])
        XCTAssertTrue(second.hasPrefix("Updated the check-in for Tue 24 Nov 2026"), second)
        XCTAssertEqual(try listed(), "date,itch,spots,poem_total,poem_answers,bristol,bloating,note\r\n2026-11-24,3,,,,2,1,flare\r\n")
        let json = try absorb.json(["check-ins", "--from", "2026-11-18", "--to", "2026-11-24", "--format", "json"])
        let rows = try XCTUnwrap(json["check_ins"] as? [[String: Any]])
        XCTAssertEqual(rows.count, 1)
        XCTAssertEqual(rows[0]["itch"] as? Int, 3)
        XCTAssertEqual(rows[0]["bristol_band"] as? String, "suggests constipation")
        XCTAssertTrue(rows[0]["poem_total"] is NSNull)
    }

    func testPOEMByFlagsAndByQuestionsOnStandardInput() throws {
        let scripted = try ok(["check-in", "--date", "2026-11-17", "--poem-answers", "2,2,1,1,2,1,1"])
        XCTAssertTrue(scripted.contains("POEM 10/28 (moderate eczema)"), scripted)
        let asked = try run(input: "1\\n1\\n0\\n0\\n1\\n1\\n2\\n", ["check-in", "--poem", "--date", "2026-11-24"])
        XCTAssertEqual(asked.status, 0, asked.stderr)
        XCTAssertTrue(asked.stdout.contains("1/7 Over the last week, on how many days has your skin been itchy because of your eczema?"), asked.stdout)
        XCTAssertTrue(asked.stdout.contains("7/7 Over the last week, on how many days has your skin felt dry or rough"), asked.stdout)
        XCTAssertTrue(asked.stdout.contains("POEM 6/28 (mild eczema)"), asked.stdout)
        let oneLine = try run(input: "2 2 1 1 2 1 2\n", ["check-in", "--poem", "--date", "2026-11-10"])
        XCTAssertTrue(oneLine.stdout.contains("POEM 11/28 (moderate eczema)"), oneLine.stdout + oneLine.stderr)
        // From a pipe, an answer that is not 0–4, or too few answers, stops it: nothing saved.
        let before = try listed()
        for input in ["1\\n5\\n", "1\\n2\\n", "x\\n"] {
            let refused = try run(input: input, ["check-in", "--poem", "--date", "2026-11-23"])
            XCTAssertEqual(refused.status, 1, input)
            XCTAssertTrue(refused.stderr.contains("Nothing was saved"), refused.stderr)
        }
        XCTAssertEqual(try listed(), before)
        let text = try ok(["check-ins", "--from", "2026-11-11", "--to", "2026-11-24"])
        XCTAssertTrue(text.contains("POEM by week:\n  2026-11-11 – 2026-11-17  10/28  moderate eczema\n  2026-11-18 – 2026-11-24  6/28  mild eczema"), text)
    }

    func testScalesAndProbiotics() throws {
        XCTAssertTrue(try ok(["profile", "show"]).contains("  check-in scales: none chosen (all are shown)"))
        try ok(["profile", "set", "--scales", "poem,itch,bristol"])
        XCTAssertTrue(try ok(["profile", "show"]).contains("  check-in scales: itch, poem, bristol"))
        let bad = try absorb.run(["profile", "set", "--scales", "itch,mood"])
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stderr.contains("\"mood\" is not a scale"), bad.stderr)
        let untracked = try ok(["check-in", "--bloating", "3"])
        XCTAssertTrue(untracked.contains("bloating is not among Me's scales"), untracked)

        XCTAssertTrue(try ok(["probiotic", "add", "lgg", "--date", "2026-11-24"]).contains("Logged 10 billion CFU of Lactobacillus rhamnosus GG"))
        XCTAssertTrue(try ok(["probiotic", "add", "bc-gbi30", "--units", "2", "--date", "2026-11-24"]).contains("Logged 4 billion CFU of Bacillus coagulans GBI-30"))
        XCTAssertTrue(try ok(["probiotic", "add", "--strain", "Lactobacillus casei Shirota", "--cfu", "6.5 billion", "--date", "2026-11-23"])
            .contains("6.5 billion CFU of Lactobacillus casei Shirota"))
        for (arguments, expected) in [(["probiotic", "add", "nope"], "no strain \"nope\""),
                                      (["probiotic", "add", "--strain", "X"], "--strain needs --cfu"),
                                      (["probiotic", "add", "--strain", "X", "--cfu", "1e10"], "is not a CFU"),
                                      (["probiotic", "add", "--strain", "X", "--cfu", "0"], "is not a CFU"),
                                      (["probiotic", "add", "--strain", "X", "--cfu", "ten billion"], "is not a CFU"),
                                      (["probiotic", "add", "lgg", "--units", "0x2"], "hexadecimal"),
                                      (["probiotic", "add", "lgg", "--units", "-1"], "must be more than 0")] {
            let result = try absorb.run(arguments)
            XCTAssertEqual(result.status, 1, "\(arguments)")
            XCTAssertTrue(result.stderr.contains(expected), "\(arguments): \(result.stderr)")
        }
        let list = try ok(["probiotic", "list", "--from", "2026-11-20", "--to", "2026-11-24"])
        XCTAssertTrue(list.contains(": 2 days"), list)
        XCTAssertEqual(list.components(separatedBy: "\n").filter { $0.hasPrefix("  ") }.count, 3, list)
        XCTAssertTrue(try ok(["probiotic", "strains"]).contains("Bacillus coagulans GBI-30"))
        XCTAssertTrue(try ok(["probiotic", "add", "Bacillus coagulans GBI-30", "--date", "2026-11-22"]).contains("2 billion CFU of Bacillus coagulans GBI-30 (6086)"))
        XCTAssertTrue(try ok(["probiotic", "add", "Lactobacillus gasseri BNR17", "--cfu", "10 billion", "--date", "2026-11-22"])
            .contains("10 billion CFU of Lactobacillus gasseri BNR17"), "a name the table lacks, with its label's CFU")
    }

    func testExportImportExportKeepsCheckInsByteForByte() throws {
        try ok(["profile", "set", "--scales", "itch,poem"])
        try ok(["check-in", "--date", "2026-11-20", "--itch", "6", "--spots", "2", "--note", "=itchy, \"red\""])
        try ok(["check-in", "--date", "2026-11-21", "--poem-answers", "1,2,0,4,3,2,1"])
        try ok(["probiotic", "add", "lgg", "--date", "2026-11-21"])
        for format in ["json", "csv"] {
            let export = try ok(["export", "--format", format])
            let file = directory + "/export.\(format)"
            try export.write(toFile: file, atomically: true, encoding: .utf8)
            let copy = AbsorbProcess(journal: directory + "/copy-\(format).sqlite")
            let imported = try copy.run(["import", file])
            XCTAssertEqual(imported.status, 0, imported.stderr)
            XCTAssertTrue(imported.stdout.contains("2 check-ins, 1 probiotic dose"), imported.stdout)
            XCTAssertEqual(try copy.run(["export", "--format", format]).stdout, export, "\(format): export → import → export")
        }
    }
}
