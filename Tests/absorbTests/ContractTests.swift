import Foundation
import XCTest

/// What users and scripts rely on and the README promises: exit codes, `--version`,
/// completions, `absorb help COMMAND`, `absorb today`, `ABSORB_DATA`, the meal chosen by
/// the time of day. (The JSON report's values are pinned elsewhere: its fields are being
/// extended.)
final class ContractTests: XCTestCase {
    var directory: String!
    var absorb: AbsorbProcess!

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "absorb-contract-tests-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        absorb = AbsorbProcess(journal: directory + "/journal.sqlite")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// The README's commands, each with a `help` page.
    static let commands = ["dashboard", "today", "log", "foods", "profile", "report", "gaps", "export", "import", "summary", "demo"]

    /// Runs absorb without `--journal` (for the commands that take none), on this test's
    /// journal through ABSORB_JOURNAL.
    private func bare(_ arguments: [String], environment: [String: String] = [:]) throws -> AbsorbProcess.Result {
        var process = absorb!
        process.environment = ["ABSORB_JOURNAL": directory + "/journal.sqlite"].merging(environment) { $1 }
        return try process.run(arguments, useJournalOption: false)
    }

    func testExitCodes() throws {
        // 64: a command or option absorb does not know (and a usage absorb cannot parse);
        // the usage on stderr, nothing on stdout.
        for arguments in [["nonsense"], ["log", "add", "--bogus"], ["report", "--date"], ["report", "--format", "xml"],
                          ["log", "frobnicate"], ["profile", "--nope"]] {
            let result = try absorb.run(arguments)
            XCTAssertEqual(result.status, 64, "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("Usage: absorb") || result.stderr.contains("Help:"), "\(arguments): \(result.stderr)")
            XCTAssertEqual(result.stdout, "", "\(arguments)")
        }
        // 1: the command could not do what it says (bad input, an unknown food, a data table
        // it cannot use, no terminal for the dashboard), with the reason on stderr.
        for arguments in [["foods", "show", "nope"], ["log", "add", "--food", "11457", "--grams", "10", "--date", "2026-13-01"],
                          ["log", "add", "salmn", "cooked", "150", "g"], ["report", "--data", directory + "/nowhere"], ["dashboard"], []] {
            let result = try absorb.run(arguments)
            XCTAssertEqual(result.status, 1, "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stderr.hasPrefix("Error: "), "\(arguments): \(result.stderr)")
            XCTAssertEqual(result.stdout, "", "\(arguments)")
        }
        // 0: it did what it says.
        for arguments in [["log", "add", "--food", "11457", "--grams", "30", "--date", "2026-11-24"], ["report", "--date", "2026-11-24"],
                          ["foods", "show", "11457"]] {
            let result = try absorb.run(arguments)
            XCTAssertEqual(result.status, 0, "\(arguments): \(result.stderr)")
            XCTAssertEqual(result.stderr, "", "\(arguments)")
        }
    }

    func testVersionAndCompletions() throws {
        let version = try bare(["--version"])
        XCTAssertEqual(version.status, 0, version.stderr)
        XCTAssertEqual(version.stderr, "")
        // One line, the version the executable declares (read from its source, not asked of it).
        let source = try String(contentsOf: AbsorbProcess.packageRoot.appendingPathComponent("Sources/absorb/Absorb.swift"), encoding: .utf8)
        let declared = try XCTUnwrap(source.firstMatch(of: /version: "([^"]*)"/)?.1, "no version in Absorb.swift")
        XCTAssertEqual(version.stdout, "\(declared)\n")
        XCTAssertNotNil(version.stdout.wholeMatch(of: /[0-9]+\.[0-9]+\.[0-9]+\n/), "the version is MAJOR.MINOR.PATCH: \(version.stdout)")

        for shell in ["bash", "zsh", "fish"] {
            let script = try bare(["--generate-completion-script", shell])
            XCTAssertEqual(script.status, 0, "\(shell): \(script.stderr)")
            XCTAssertEqual(script.stderr, "", shell)
            for command in Self.commands {
                XCTAssertTrue(script.stdout.contains(command), "\(shell) completions lack \(command)")
            }
            XCTAssertTrue(script.stdout.contains("journal"), "\(shell) completions lack --journal")
        }
        XCTAssertTrue(try bare(["--generate-completion-script", "bash"]).stdout.hasPrefix("#!/bin/bash"))
        XCTAssertTrue(try bare(["--generate-completion-script", "zsh"]).stdout.hasPrefix("#compdef absorb"))
    }

    func testHelpDocumentsEveryCommand() throws {
        for command in Self.commands {
            let help = try bare(["help", command])
            XCTAssertEqual(help.status, 0, "help \(command): \(help.stderr)")
            XCTAssertTrue(help.stdout.hasPrefix("OVERVIEW: "), "help \(command): \(help.stdout)")
            XCTAssertTrue(help.stdout.contains("USAGE: absorb \(command)"), "help \(command): \(help.stdout)")
            XCTAssertEqual(try bare([command, "--help"]).stdout, help.stdout, "absorb \(command) --help is absorb help \(command)")
        }
        // A subcommand too, with its options.
        let add = try bare(["help", "log", "add"])
        XCTAssertEqual(add.status, 0, add.stderr)
        XCTAssertTrue(add.stdout.contains("USAGE: absorb log add"), add.stdout)
        for option in ["--food", "--grams", "--meal", "--date", "--journal", "--data"] {
            XCTAssertTrue(add.stdout.contains(option), "help log add lacks \(option)")
        }
        // The top-level help lists every command.
        let top = try bare(["help"])
        XCTAssertEqual(top.status, 0)
        for command in Self.commands { XCTAssertTrue(top.stdout.contains("  \(command)"), "absorb help lacks \(command)") }
        // (`absorb help nonsense` prints the top-level help with status 0: ArgumentParser's
        // behaviour, left unpinned.)
    }

    /// The zone, as a POSIX TZ, in which it is now `hour:minute` local time.
    private func zone(whereItIsNow hour: Int, _ minute: Int) -> String {
        let now = Int(Date().timeIntervalSince1970) % 86_400 / 60  // minutes into the UTC day
        var offset = (now - (hour * 60 + minute)) % 1_440         // UTC − local, in minutes
        if offset > 720 { offset -= 1_440 }
        if offset <= -720 { offset += 1_440 }
        let sign = offset < 0 ? "-" : "+"
        return String(format: "ABS%@%02d:%02d", sign, abs(offset) / 60, abs(offset) % 60)
    }

    func testTheMealFollowsTheTimeOfDay() throws {
        // Data/meals.csv: breakfast 04:00–10:30, lunch –15:00, snack –17:30, dinner –04:00;
        // each time here is at least 30 minutes from a boundary.
        for (hour, minute, meal) in [(7, 0, "Breakfast"), (12, 30, "Lunch"), (16, 15, "Snack"), (20, 0, "Dinner"), (2, 0, "Dinner")] {
            var process = absorb!
            process.environment = ["TZ": zone(whereItIsNow: hour, minute)]
            let result = try process.run(["log", "add", "--food", "11457", "--grams", "30"])
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertTrue(result.stdout.contains("\n  \(meal), "), "at \(hour):\(minute) (\(process.environment["TZ"]!)): \(result.stdout)")
        }
    }

    func testTodayIsTodaysReportAsText() throws {
        // Local noon, so the day cannot change under the test.
        var process = absorb!
        process.environment = ["TZ": zone(whereItIsNow: 12, 0)]
        // 100 g raw spinach (K 482.9 µg/100 g) and 150 g cooked salmon (D 13.1 µg/100 g).
        XCTAssertEqual(try process.run(["log", "add", "spinach", "raw", "100", "g"]).status, 0)
        XCTAssertEqual(try process.run(["log", "add", "--food", "15237", "--grams", "150", "--meal", "dinner"]).status, 0)
        let today = try process.run(["today"])
        XCTAssertEqual(today.status, 0, today.stderr)
        XCTAssertEqual(today.stderr, "")
        XCTAssertEqual(today.stdout, try process.run(["report"]).stdout, "absorb today is absorb report for today")
        let rows = today.stdout.components(separatedBy: "\n")
        let vitaminD = try XCTUnwrap(rows.first { $0.hasPrefix("Vitamin D ") }, today.stdout)
        XCTAssertTrue(vitaminD.contains("19.7 µg") && vitaminD.contains("131") && vitaminD.contains("met"), vitaminD)  // 13.1 × 1.5 of 15
        let vitaminK = try XCTUnwrap(rows.first { $0.hasPrefix("Vitamin K ") }, today.stdout)
        XCTAssertTrue(vitaminK.contains("483 µg") && vitaminK.contains("403"), vitaminK)  // 482.9 of 120
        XCTAssertTrue(today.stdout.contains("Spinach, raw") && today.stdout.contains("Fish, salmon, Atlantic, farmed, cooked, dry heat"))
        // Nothing logged yesterday or tomorrow: today is the local day.
        XCTAssertEqual(rows.filter { $0.contains("  dinner  ") || $0.contains("  lunch  ") || $0.contains("  breakfast  ") || $0.contains("  snack  ") }.count, 2,
                       today.stdout)
    }

    func testABSORBDATAChoosesTheDataFolderAndDataOverridesIt() throws {
        let fm = FileManager.default
        let other = directory + "/OtherData"
        try fm.copyItem(atPath: AbsorbProcess.packageRoot.appendingPathComponent("Data").path, toPath: other)
        let foods = try String(contentsOfFile: other + "/foods.csv", encoding: .utf8)
        XCTAssertTrue(foods.contains("11457,\"Spinach, raw\","))
        try foods.replacingOccurrences(of: "11457,\"Spinach, raw\",", with: "11457,\"Spinach, raw, from ABSORB_DATA\",")
            .write(toFile: other + "/foods.csv", atomically: true, encoding: .utf8)

        let viaEnvironment = try bare(["foods", "show", "11457"], environment: ["ABSORB_DATA": other])
        XCTAssertEqual(viaEnvironment.status, 0, viaEnvironment.stderr)
        XCTAssertTrue(viaEnvironment.stdout.contains("Spinach, raw, from ABSORB_DATA"), viaEnvironment.stdout)
        // --data wins over ABSORB_DATA; without either, the bundled table.
        let bundled = AbsorbProcess.packageRoot.appendingPathComponent("Data").path
        let viaOption = try bare(["foods", "show", "11457", "--data", bundled], environment: ["ABSORB_DATA": other])
        XCTAssertFalse(viaOption.stdout.contains("from ABSORB_DATA"), viaOption.stdout)
        XCTAssertTrue(viaOption.stdout.contains("Spinach, raw"), viaOption.stdout)
        XCTAssertFalse(try bare(["foods", "show", "11457"]).stdout.contains("from ABSORB_DATA"))
        // A bad ABSORB_DATA is an error naming it, exit 1.
        let missing = try bare(["foods", "show", "11457"], environment: ["ABSORB_DATA": directory + "/nowhere"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains(directory + "/nowhere"), missing.stderr)
    }
}
