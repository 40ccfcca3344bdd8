import Foundation
import XCTest

/// `absorb trial start|show|end|list` driven as a person or a script drives them (issue 22):
/// every refusal says why and saves nothing; a finished trial's phases, adherence and
/// caution; ending one; export and import keep the trials.
final class TrialCommandTests: XCTestCase {
    var directory: String!
    var absorb: AbsorbProcess!

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "absorb-trial-command-tests-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        absorb = AbsorbProcess(journal: directory + "/journal.sqlite")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// A day counted from today (UTC, as the tests run absorb), as YYYY-MM-DD.
    private func day(_ offset: Int) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date().addingTimeInterval(Double(offset) * 86_400))
    }

    @discardableResult
    private func ok(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let result = try absorb.run(arguments)
        XCTAssertEqual(result.status, 0, "\(arguments): \(result.stderr)", file: file, line: line)
        return result.stdout
    }

    func testEveryRefusalSaysWhyAndSavesNothing() throws {
        try ok(["trial", "start", "vitamin D", "--supplement", "S0001", "--weeks", "2", "--start", day(-3)])
        let before = try ok(["export", "--format", "json"])
        let cases: [([String], String)] = [
            (["x", "--remove", "dairy", "--weeks", "3", "--start", day(-30)],
             "\"dairy\" is not a diet or allergen absorb knows; choose from: no_meat, no_fish"),
            (["x", "--remove", "no_dairy", "--weeks", "3", "--start", day(1)], "a trial cannot start in the future: \(day(1)) is after today"),
            (["x", "--remove", "no_dairy", "--weeks", "0", "--start", day(-60)], "--weeks must be a whole number of weeks from 1 to 12, found 0"),
            (["x", "--remove", "no_dairy", "--weeks", "13", "--start", day(-200)], "--weeks must be a whole number of weeks from 1 to 12, found 13"),
            (["x", "--remove", "no_dairy", "--weeks", "2.5", "--start", day(-60)], "found \"2.5\""),
            (["x", "--remove", "no_dairy", "--weeks", "1e1", "--start", day(-60)], "found \"1e1\""),
            (["x", "--remove", "no_dairy", "--weeks", "0x3", "--start", day(-60)], "hexadecimal numbers are not amounts"),
            (["x", "--remove", "no_dairy", "--weeks", "-2", "--start", day(-60)], "--weeks must be a whole number of weeks"),
            (["x", "--remove", "no_dairy", "--weeks", "2", "--reintroduce-weeks", "9", "--start", day(-60)],
             "--reintroduce-weeks must be a whole number of weeks from 0 to 8, found 9"),
            (["x", "--weeks", "2"], "say what the trial changes, once: --remove EXCLUSION, --add FOOD or --supplement ID (found 0)"),
            (["x", "--remove", "no_egg", "--supplement", "S0001", "--weeks", "2"], "(found 2)"),
            (["x", "--supplement", "11457", "--weeks", "2", "--start", day(-60)], "\"11457\" is not a supplement of Data/supplements.csv; choose from: S0001"),
            (["x", "--add", "zzqqxxw", "--weeks", "2", "--start", day(-60)], "--add: no food matches \"zzqqxxw\""),
            (["no dairy", "--remove", "no_dairy", "--weeks", "2", "--start", day(-10)],
             "the trial would overlap \"vitamin D\" (\(day(-3)) to \(day(10)))"),
            (["Vitamin D", "--remove", "no_dairy", "--weeks", "2", "--start", day(-60)], "there is already a trial named \"vitamin D\""),
            (["", "--remove", "no_dairy", "--weeks", "2", "--start", day(-60)], "the trial's name cannot be empty"),
            (["x", "--remove", "no_dairy", "--weeks", "2", "--start", "2026-02-30"], "is not a date"),
        ]
        for (arguments, message) in cases {
            let result = try absorb.run(["trial", "start"] + arguments)
            XCTAssertEqual(result.status, 1, "\(arguments)")
            XCTAssertTrue(result.stderr.contains(message), "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("Nothing was saved"), "\(arguments): \(result.stderr)")
            XCTAssertEqual(result.stdout, "", "\(arguments)")
        }
        XCTAssertEqual(try ok(["export", "--format", "json"]), before, "nothing was saved")
        // The ones without a trial to show or end.
        let none = AbsorbProcess(journal: directory + "/empty.sqlite")
        let show = try none.run(["trial", "show"])
        XCTAssertEqual(show.status, 1)
        XCTAssertTrue(show.stderr.contains("has no trial: start one with absorb trial start"), show.stderr)
        let end = try none.run(["trial", "end"])
        XCTAssertEqual(end.status, 1)
        XCTAssertTrue(end.stderr.contains("has no trial running"), end.stderr)
        let unknown = try absorb.run(["trial", "show", "nope"])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.stderr.contains("has no trial named \"nope\"; the trials are: \"vitamin D\""), unknown.stderr)
    }

    func testAFinishedEliminationShowsItsPhasesAdherenceAndCaution() throws {
        // Trial days -28…-15 (2 weeks), reintroduction -14…-8, baseline -42…-29.
        try ok(["profile", "set", "--scales", "itch,poem"])
        let started = try ok(["trial", "start", "no dairy", "--remove", "no_dairy", "--weeks", "2", "--reintroduce-weeks", "1",
                              "--start", day(-28)])
        XCTAssertTrue(started.contains("Started the trial \"no dairy\""), started)
        XCTAssertTrue(started.contains("food allergy is diagnosed by an allergist"), started)
        // Baseline: 7 days, itch 4 6 8 6 4 8 6: mean 42 / 7 = 6, range 4–8.
        for (i, itch) in [4, 6, 8, 6, 4, 8, 6].enumerated() { try ok(["check-in", "--date", day(-42 + i), "--itch", String(itch)]) }
        for offset in -28 ... -25 { try ok(["check-in", "--date", day(offset), "--itch", "3"]) }  // 4 days: too few
        try ok(["log", "add", "--date", day(-20), "--food", "01009", "--grams", "30"])  // cheddar: breaks it
        try ok(["log", "add", "--date", day(-19), "--food", "11457", "--grams", "60"])  // spinach
        try ok(["log", "add", "--date", day(-10), "--food", "01009", "--grams", "30"])  // reintroduction: fine
        let json = try absorb.json(["trial", "show", "--format", "json"])
        XCTAssertEqual(json["finished"] as? Bool, true)
        XCTAssertEqual(json["current_phase"] as? NSNull, NSNull())
        let adherence = try XCTUnwrap(json["adherence"] as? [String: Any])
        XCTAssertEqual(adherence["days"] as? Int, 14)
        XCTAssertEqual(adherence["days_without_entries"] as? Int, 12)
        let broken = try XCTUnwrap(adherence["broken"] as? [[String: Any]])
        XCTAssertEqual(broken.count, 1)
        XCTAssertEqual(broken.first?["food_id"] as? String, "01009")
        XCTAssertEqual(broken.first?["date"] as? String, day(-20))
        XCTAssertTrue((broken.first?["reason"] as? String)?.hasPrefix("no dairy") ?? false)
        let scales = try XCTUnwrap(json["scales"] as? [[String: Any]])
        XCTAssertEqual(scales.map { $0["scale"] as? String }, ["itch", "poem"])
        let itch = try XCTUnwrap(scales[0]["phases"] as? [[String: Any]])
        XCTAssertEqual(itch[0]["count"] as? Int, 7)
        XCTAssertEqual(itch[0]["mean"] as? Double, 6)
        XCTAssertEqual(itch[0]["lowest"] as? Int, 4)
        XCTAssertEqual(itch[0]["highest"] as? Int, 8)
        XCTAssertEqual(itch[1]["count"] as? Int, 4)
        XCTAssertEqual(itch[1]["too_few"] as? Bool, true)
        XCTAssertTrue(itch[1]["mean"] is NSNull)
        XCTAssertEqual(itch[2]["count"] as? Int, 0)
        XCTAssertEqual(itch[2]["too_few"] as? Bool, false)
        let changed = try XCTUnwrap(json["what_changed"] as? [String: Any])
        XCTAssertEqual(changed["shown"] as? Bool, false)
        XCTAssertEqual(changed["reason"] as? String, "What changed needs at least 14 days of check-ins; there are 11.")
        XCTAssertTrue((json["caution"] as? String)?.contains("not a diagnosis") ?? false)

        let text = try ok(["trial", "show", "no dairy"])
        XCTAssertTrue(text.contains("Status: finished on \(day(-8))."), text)
        XCTAssertTrue(text.contains("Adherence: 1 entry on 1 of 14 days broke the elimination; 12 with nothing logged, so not known:"), text)
        XCTAssertTrue(text.contains("Cheese, cheddar, 30 g — no dairy"), text)
        XCTAssertTrue(text.contains("baseline 6 (4–8), 7 days · trial too few: 4 of 7 days"), text)
        XCTAssertTrue(text.contains("reintroduction no check-ins"), text)
        XCTAssertTrue(text.contains("What changed needs at least 14 days of check-ins; there are 11."), text)
        XCTAssertTrue(text.contains("food allergy is diagnosed by an allergist"), text)
        // The summary, for the dietitian to hand out: the same figures.
        let summary = try ok(["summary"])
        XCTAssertTrue(summary.contains("## Trial \"no dairy\""), summary)
        XCTAssertTrue(summary.contains("- Adherence: 1 entry on 1 of 14 days broke the elimination"), summary)
        XCTAssertTrue(summary.contains("baseline 6 (4–8), 7 days · trial too few: 4 of 7 days · reintroduction no check-ins"), summary)
        XCTAssertTrue(summary.contains("food allergy is diagnosed by an allergist"), summary)
        let html = try ok(["summary", "--format", "html"])
        XCTAssertTrue(html.contains("<ul class=\"trial\">"), html)
        XCTAssertTrue(html.contains("trial too few: 4 of 7 days"), html)
        let end = try absorb.run(["trial", "end", "no dairy"])
        XCTAssertEqual(end.status, 1)
        XCTAssertTrue(end.stderr.contains("is already over"), end.stderr)
    }

    func testEndingARunningTrialAndTheArchiveKeepsIt() throws {
        try ok(["trial", "start", "softgel", "--supplement", "S0001", "--weeks", "4", "--start", day(-5)])
        try ok(["log", "add", "--date", day(-5), "--food", "S0001", "--grams", "0.25"])
        try ok(["log", "add", "--date", day(-4), "--food", "11457", "--grams", "60"])
        XCTAssertTrue(try ok(["trial", "list"]).contains("running"))
        let shown = try ok(["trial", "show"])
        XCTAssertTrue(shown.contains("Adherence: logged on 1 of 6 days; 4 with nothing logged, so not known. Missed (other foods logged, not this): \(day(-4))."), shown)
        XCTAssertTrue(try ok(["trial", "end"]).contains("Ended the trial \"softgel\" on"))
        XCTAssertTrue(try ok(["trial", "list"]).contains("ended \(day(0))"))
        XCTAssertTrue(try ok(["trial", "show"]).contains("Status: ended on \(day(0))."))
        for format in ["json", "csv"] {
            let export = try ok(["export", "--format", format])
            let file = directory + "/export.\(format)"
            try export.write(toFile: file, atomically: true, encoding: .utf8)
            let copy = AbsorbProcess(journal: directory + "/copy-\(format).sqlite")
            let imported = try copy.run(["import", file])
            XCTAssertEqual(imported.status, 0, imported.stderr)
            XCTAssertTrue(imported.stdout.contains("1 trial"), imported.stdout)
            XCTAssertEqual(try copy.run(["export", "--format", format]).stdout, export, "\(format): export → import → export")
        }
    }
}
