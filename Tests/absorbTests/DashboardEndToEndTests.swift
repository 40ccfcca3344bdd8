import Foundation
import GRDB
import NutrientModel
import XCTest

/// The built `absorb` in a real terminal (tmux), on a temporary journal, driven by keys
/// as a person would drive it.
final class DashboardEndToEndTests: XCTestCase {
    var directory: URL!
    var journal: String { directory.appendingPathComponent("journal.sqlite").path }

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("absorb-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private var command: String {
        "\(TmuxSession.quote(AbsorbProcess.executable.path)) --journal \(TmuxSession.quote(journal))"
    }

    /// Vitamin D's row on the day screen.
    private func vitaminD(_ rows: [String]) -> String {
        rows.first { $0.hasPrefix(" Vitamin D ") } ?? "(no vitamin D row)"
    }

    /// The dashboard holds the days it shows (issue 20): days long past are read from the
    /// journal as it moves to them, and another absorb's entry on a held day appears.
    func testDaysLongPastAreReadAsTheDashboardMovesToThem() throws {
        let cli = AbsorbProcess(journal: journal)
        let today = LocalDate.from(Date())
        let old = today.adding(days: -200)
        for (day, grams) in [(old, "140"), (today.adding(days: -45), "80")] {
            let added = try cli.run(["log", "add", "--food", "15236", "--grams", grams, "--meal", "dinner", "--date", day.description])
            XCTAssertEqual(added.status, 0, added.stderr)
        }
        let terminal = try TmuxSession()
        try terminal.shell(command)
        try terminal.waitFor("Nothing logged on")
        try terminal.press(":")
        try terminal.type(old.description)
        try terminal.press("Enter")
        var rows = try terminal.waitFor(old.longDescription)
        rows = try terminal.waitFor("140 g")
        XCTAssertTrue(rows.contains { $0.contains("Salmon, Atlantic, farmed, raw") && $0.hasSuffix("140 g") }, rows.joined(separator: "\n"))
        // Walking back from today over the days held and beyond them.
        try terminal.press("t")
        try terminal.waitFor("(today)")
        for _ in 0..<6 { try terminal.press("[") }
        rows = try terminal.waitFor(today.adding(days: -42).longDescription)
        try terminal.press("h", "h", "h")
        rows = try terminal.waitFor("80 g")
        XCTAssertTrue(rows.contains { $0.contains("Salmon, Atlantic") && $0.hasSuffix("80 g") }, rows.joined(separator: "\n"))
        // Another absorb logs on the day shown: it appears within a second or so.
        let added = try cli.run(["log", "add", "--food", "01123", "--grams", "50", "--meal", "breakfast",
                                 "--date", today.adding(days: -45).description])
        XCTAssertEqual(added.status, 0, added.stderr)
        rows = try terminal.waitFor("Egg, whole, raw", timeout: 5)
        try terminal.press("q")
    }

    func testAddSalmonDeleteUndoMoveDaysResizeAndQuit() throws {
        let terminal = try TmuxSession()
        try terminal.shell(command)
        var rows = try terminal.waitFor("Nothing logged on")
        XCTAssertTrue(rows[0].contains("(today)"), rows[0])
        XCTAssertTrue(vitaminD(rows).contains("— µg / 15"), vitaminD(rows))

        // Add 100 g of salmon through the screens.
        try terminal.press("a")
        try terminal.waitFor("Type part of a food's name")
        try terminal.type("salmon")
        rows = try terminal.waitFor("48 matches")
        XCTAssertEqual(rows[4], "  15236  Salmon, Atlantic, farmed, raw")
        try terminal.press("Enter")
        try terminal.waitFor(" Amount: 1")
        try terminal.type("100g")
        rows = try terminal.waitFor(" Amount: 100█  ↑ g ↓")
        XCTAssertTrue(rows.contains(" Vitamin D                          +11 µg   0 % → 73 % of target"), rows.joined(separator: "\n"))
        try terminal.press("Enter")
        rows = try terminal.waitFor("Added 100 g of Salmon, Atlantic, farmed, raw")
        XCTAssertTrue(vitaminD(rows).contains("11 µg / 15   73 ▽"), vitaminD(rows))
        XCTAssertTrue(rows.contains { $0.contains("Salmon, Atlantic, farmed, raw") && $0.hasSuffix("100 g") },
                      rows.joined(separator: "\n"))

        // It is in the journal: the command line reads it while the dashboard is open.
        let cli = AbsorbProcess(journal: journal)
        let list = try cli.run(["log", "list"])
        XCTAssertEqual(list.status, 0, list.stderr)
        XCTAssertTrue(list.stdout.contains("Fish, salmon, Atlantic, farmed, raw"), list.stdout)

        // The new entry is selected: d deletes it, u undoes.
        try terminal.press("d")
        rows = try terminal.waitFor("Deleted 100 g of Salmon, Atlantic")
        XCTAssertTrue(vitaminD(rows).contains("— µg / 15"), vitaminD(rows))
        XCTAssertFalse(try cli.run(["log", "list"]).stdout.contains("Fish, salmon"))
        try terminal.press("u")
        rows = try terminal.waitFor("Undone: Deleted 100 g of Salmon, Atlantic")
        XCTAssertTrue(vitaminD(rows).contains("11 µg / 15"), vitaminD(rows))
        XCTAssertTrue(try cli.run(["log", "list"]).stdout.contains("Fish, salmon"))

        // A day back and forward.
        try terminal.press("Left")
        rows = try terminal.waitFor("(yesterday)")
        XCTAssertTrue(vitaminD(rows).contains("— µg / 15"), vitaminD(rows))
        try terminal.press("Right")
        rows = try terminal.waitFor("(today)")
        XCTAssertTrue(vitaminD(rows).contains("11 µg / 15"), vitaminD(rows))

        // Too small, and back.
        try terminal.resize(width: 40, height: 10)
        rows = try terminal.waitFor("Terminal too small")
        XCTAssertTrue(rows.contains { $0.contains("40×10; absorb needs") }, rows.joined(separator: "\n"))
        try terminal.resize(width: 80, height: 24)
        rows = try terminal.waitFor("(today)")
        XCTAssertTrue(vitaminD(rows).contains("11 µg / 15"), vitaminD(rows))

        // q quits and gives the shell back.
        try terminal.press("q")
        try terminal.waitFor(TmuxSession.prompt)
        try terminal.assertShellUsable()
    }

    /// The ids of the entries `absorb log list` lists for today.
    private func todaysEntryIDs(_ cli: AbsorbProcess) throws -> [Int64] {
        let list = try cli.run(["log", "list"])
        XCTAssertEqual(list.status, 0, list.stderr)
        return list.stdout.split(separator: "\n").dropFirst(2).compactMap { Int64($0.split(separator: " ").first ?? "") }
    }

    func testYAsksThenCopiesTheDayBeforeAndUUndoesAllOfItUnlessChangedElsewhere() throws {
        let cli = AbsorbProcess(journal: journal)
        for food in [["spinach", "raw", "30", "g"], ["salmon", "raw", "100", "g"], ["egg", "raw", "50", "g"]] {
            let added = try cli.run(["log", "add"] + food + ["--date", "yesterday", "--meal", "lunch"])
            XCTAssertEqual(added.status, 0, added.stderr)
        }
        let terminal = try TmuxSession()
        try terminal.shell(command)
        try terminal.waitFor("Nothing logged on")
        // y asks first, saying how many; n writes nothing.
        try terminal.press("y")
        try terminal.waitFor("Copy 3 entries from ")
        try terminal.press("n")
        try terminal.waitFor("Nothing was written")
        XCTAssertEqual(try todaysEntryIDs(cli), [])
        try terminal.press("y")
        try terminal.waitFor("Copy 3 entries from ")
        try terminal.press("y")
        try terminal.waitFor("Copied 3 entries to ")
        XCTAssertEqual(try todaysEntryIDs(cli).count, 3)
        // One u takes the three out of the journal; ^R puts them back.
        try terminal.press("u")
        var rows = try terminal.waitFor("Undone: Copied 3 entries")
        XCTAssertTrue(rows.contains { $0.hasPrefix(" Nothing logged on") }, rows.joined(separator: "\n"))
        XCTAssertEqual(try todaysEntryIDs(cli), [])
        try terminal.press("C-r")
        try terminal.waitFor("Redone: Copied 3 entries")
        let copies = try todaysEntryIDs(cli)
        XCTAssertEqual(copies.count, 3)
        // Another absorb removes one of the copies: u says so and leaves the other two.
        XCTAssertEqual(try cli.run(["log", "remove", String(copies[0])]).status, 0)
        _ = try terminal.waitUntil("two entries after the reload", timeout: 10) { rows in
            rows.filter { $0.hasSuffix(" g") && ($0.hasPrefix(" Lunch") || $0.hasPrefix("            ")) }.count == 2
        }
        try terminal.press("u")
        rows = try terminal.waitFor("Not undone: Copied 3 entries")
        XCTAssertTrue(rows.contains { $0.contains("changed elsewhere since") }, rows.joined(separator: "\n"))
        XCTAssertEqual(try todaysEntryIDs(cli), Array(copies.dropFirst()), "the two left as they are")
        try terminal.press("q")
        try terminal.waitFor(TmuxSession.prompt)
        try terminal.assertShellUsable()
    }

    func testAFoodTheProfilesDietsLeaveOutAsksBeforeItIsSaved() throws {
        let cli = AbsorbProcess(journal: journal)
        let set = try cli.run(["profile", "set", "--diet", "no_fish"])
        XCTAssertEqual(set.status, 0, set.stderr)
        let terminal = try TmuxSession()
        try terminal.shell(command)
        try terminal.waitFor("Nothing logged on")
        try terminal.press("a")
        try terminal.waitFor("Type part of a food's name")
        try terminal.type("salmon")
        // The diet's foods come last, marked; the first fish is under the salmonberries.
        var rows = try terminal.waitFor("  15236  Salmon, Atlantic, farmed, raw  · no fish")
        try terminal.press("Down")
        try terminal.press("Enter")
        try terminal.waitFor(" Amount: 1")
        try terminal.type("100g")
        try terminal.waitFor(" Amount: 100█  ↑ g ↓")
        try terminal.press("Enter")
        rows = try terminal.waitFor(" Log it anyway? y/n")
        XCTAssertTrue(rows.contains(" ! Not in this profile's diets: no fish: fish and shellfish"), rows.joined(separator: "\n"))
        // n: nothing saved, back on the form.
        try terminal.press("n")
        try terminal.waitFor("Nothing was written")
        try terminal.waitFor(" Amount: 100█")
        XCTAssertEqual(try todaysEntryIDs(cli), [])
        // y: saved.
        try terminal.press("Enter")
        try terminal.waitFor(" Log it anyway? y/n")
        try terminal.press("y")
        rows = try terminal.waitFor("Added 100 g of Salmon, Atlantic, farmed, raw")
        XCTAssertEqual(try todaysEntryIDs(cli).count, 1)
        XCTAssertTrue(try cli.run(["log", "list"]).stdout.contains("Fish, salmon, Atlantic, farmed, raw"))
        try terminal.press("q")
        try terminal.waitFor(TmuxSession.prompt)
        try terminal.assertShellUsable()
    }

    func testAFavouriteAndAProfileSwitchAreUndoneInTheJournal() throws {
        let cli = AbsorbProcess(journal: journal)
        XCTAssertEqual(try cli.run(["profile", "add", "Ben"]).status, 0)
        let terminal = try TmuxSession()
        try terminal.shell(command)
        try terminal.waitFor("Nothing logged on")
        // A favourite, then u: the journal has none.
        try terminal.press("a")
        try terminal.waitFor("Type part of a food's name")
        try terminal.type("salmon atlantic farmed raw")
        try terminal.waitFor("  15236  Salmon, Atlantic, farmed, raw")
        try terminal.press("C-f")
        try terminal.waitFor("Favourite: Salmon, Atlantic, farmed, raw")
        XCTAssertTrue(try cli.run(["foods", "favourites"]).stdout.contains("15236"))
        try terminal.press("Escape")
        try terminal.waitFor("Nothing logged on")
        try terminal.press("u")
        try terminal.waitFor("Undone: Favourite: Salmon, Atlantic")
        XCTAssertFalse(try cli.run(["foods", "favourites"]).stdout.contains("15236"))
        // A switch to the other profile, then u: Ben is the active profile again; ^R redoes it.
        try terminal.press("p")
        try terminal.waitFor("s switch profile")
        try terminal.press("s")
        try terminal.waitFor("Now showing")
        XCTAssertFalse(try cli.run(["profile", "show"]).stdout.contains("Profile: Ben"))
        try terminal.press("Escape")
        try terminal.press("u")
        var rows = try terminal.waitFor("Undone: the switch to")
        XCTAssertTrue(rows[0].contains("Ben"), rows[0])
        XCTAssertTrue(try cli.run(["profile", "show"]).stdout.contains("Profile: Ben"))
        try terminal.press("C-r")
        rows = try terminal.waitFor("Redone: the switch to")
        XCTAssertFalse(rows[0].contains("Ben"), rows[0])
        XCTAssertFalse(try cli.run(["profile", "show"]).stdout.contains("Profile: Ben"))
        try terminal.press("q")
        try terminal.waitFor(TmuxSession.prompt)
    }

    func testAnEntryLoggedInAMeasureShowsAndOpensInIt() throws {
        let logged = try AbsorbProcess(journal: journal).run(["log", "add", "egg", "whole", "raw", "fresh", "2", "large", "--meal", "lunch"])
        XCTAssertEqual(logged.status, 0, logged.stderr)
        let terminal = try TmuxSession()
        try terminal.shell(command)
        var rows = try terminal.waitFor("Egg, whole, raw")
        XCTAssertTrue(rows.contains { $0.contains("Egg, whole, raw") && $0.hasSuffix(" 2 large") }, rows.joined(separator: "\n"))
        try terminal.press("Tab", "e")
        rows = try terminal.waitFor(" Amount: 2")
        XCTAssertTrue(rows.contains { $0.hasPrefix(" Amount: 2█  ↑ large") }, rows.joined(separator: "\n"))
        try terminal.press("q")
        try terminal.waitFor(TmuxSession.prompt)
        try terminal.assertShellUsable()
    }

    func testAProfileNameLongerThanTheScreen() throws {
        let name = String(repeating: "Konstantinopoulou-Wetherington ", count: 4) + "Maya"
        let set = try AbsorbProcess(journal: journal).run(["profile", "set", "--name", name])
        XCTAssertEqual(set.status, 0, set.stderr)
        let terminal = try TmuxSession()
        try terminal.shell(command)
        var rows = try terminal.waitFor("Nothing logged on")
        // The header keeps the date whole and elides the name with a mark.
        XCTAssertTrue(rows[0].contains("Konstantinopoulou") && rows[0].contains("…"), rows[0])
        XCTAssertTrue(rows[0].contains("(today) ▶"), rows[0])
        try terminal.press("p")
        rows = try terminal.waitFor(" Name ")
        let nameRow = try XCTUnwrap(rows.first { $0.hasPrefix(" Name ") })
        XCTAssertTrue(nameRow.hasSuffix("…"), nameRow)
        XCTAssertLessThanOrEqual(nameRow.count, 79, nameRow)
        XCTAssertTrue(rows.contains(" Sex                  not set"), rows.joined(separator: "\n"))
        // Renaming it: typing replaces the long name.
        try terminal.press("Enter")
        try terminal.type("Maya")
        try terminal.press("Enter")
        rows = try terminal.waitFor("Saved Maya")
        XCTAssertTrue(rows[0].hasPrefix(" absorb  Maya "), rows[0])
        // And u gives the long name back.
        try terminal.press("u")
        rows = try terminal.waitFor("Undone: the profile change (Maya)")
        XCTAssertTrue(rows[0].contains("Konstantinopoulou"), rows[0])
        try terminal.press("q")
        try terminal.waitFor(TmuxSession.prompt)
        try terminal.assertShellUsable()
    }

    func testCtrlCQuitsFromAScreenAndTheShellIsUsable() throws {
        let terminal = try TmuxSession()
        try terminal.shell(command)
        try terminal.waitFor("Nothing logged on")
        try terminal.press("a")
        try terminal.waitFor("Search:")
        try terminal.press("C-c")
        try terminal.waitForNo("Search:")
        try terminal.assertShellUsable()
    }

    func testSIGTERMSIGHUPAndSIGINTFromOutsideRestoreTheTerminal() throws {
        for signal in ["TERM", "HUP", "INT"] {
            let terminal = try TmuxSession()
            try terminal.shell(command)
            try terminal.waitFor("Nothing logged on")
            let kill = Process()
            kill.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            kill.arguments = ["pkill", "-\(signal)", "-f", "--", "--journal \(journal)"]
            try kill.run()
            kill.waitUntilExit()
            XCTAssertEqual(kill.terminationStatus, 0, "pkill found no absorb for SIG\(signal)")
            try terminal.waitForNo("Nothing logged on")
            try terminal.assertShellUsable()
        }
    }

    func testAnErrorOrATrapWhileDrawingRestoresTheTerminalAndSaysWhat() throws {
        // Frame 1 is the day screen, frame 2 the add-food screen after "a".
        for (fault, says) in [("throw:2", "Error: an error while drawing frame 2"), ("trap:2", "absorb stopped on an internal error (a bug: please report it)")] {
            let terminal = try TmuxSession(environment: ["ABSORB_INJECT_FAULT": fault])
            try terminal.shell(command)
            try terminal.waitFor("Nothing logged on")
            try terminal.press("a")
            let rows = try terminal.waitFor(says)
            XCTAssertFalse(rows.contains { $0.contains("Nothing logged on") }, "the dashboard is gone: \(fault)")
            try terminal.assertShellUsable()
        }
        // Nothing was lost: the journal still opens.
        XCTAssertEqual(try AbsorbProcess(journal: journal).run(["log", "list"]).status, 0)
    }

    func testASCIIWhenTheLocaleIsNotUTF8AndWithTheFlag() throws {
        for (environment, flag) in [(["LANG": "C"], ""), ([:], " --ascii")] {
            let terminal = try TmuxSession(environment: environment)
            try terminal.shell(command + flag)
            let rows = try terminal.waitFor("Nothing logged on")
            XCTAssertTrue(rows[0].contains("< ") && rows[0].contains("(today) >"), rows[0])
            if environment["LANG"] == "C" {
                // The locale cannot show µ: it is drawn as u.
                XCTAssertTrue(vitaminD(rows).contains("- ug / 15"), vitaminD(rows))
                XCTAssertTrue(rows.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) }, rows.joined(separator: "\n"))
            } else {
                XCTAssertTrue(rows[9].hasPrefix("-----"), rows[9])
            }
            try terminal.press("q")
            try terminal.assertShellUsable()
        }
    }

    func testNoColorDrawsNoColours() throws {
        try AbsorbProcess(journal: journal).run(["log", "add", "spinach", "raw", "30", "g"])
        for (environment, coloured) in [([:], true), (["NO_COLOR": "1"], false)] {
            let terminal = try TmuxSession(environment: environment)
            try terminal.shell(command)
            try terminal.waitFor("Spinach, raw")
            let screen = try terminal.captureWithAttributes()
            let hasColour = screen.range(of: "\u{1B}\\[[0-9;]*3[1-6]m", options: .regularExpression) != nil
            XCTAssertEqual(hasColour, coloured, screen)
            try terminal.press("q")
            try terminal.waitFor(TmuxSession.prompt)
        }
    }

    func testFatFlagGapPlanTrendsAndUsualIntakeScreens() throws {
        let logged = try AbsorbProcess(journal: journal).run(["log", "add", "spinach", "raw", "100", "g", "--meal", "lunch"])
        XCTAssertEqual(logged.status, 0, logged.stderr)
        let terminal = try TmuxSession()
        try terminal.shell(command)
        var rows = try terminal.waitFor("Spinach, raw")
        XCTAssertTrue(rows.contains(" ⚠ Lunch: vitamin A, E, K with 0.4 g fat: poorly absorbed (⏎ on it: what to do)"),
                      rows.joined(separator: "\n"))
        try terminal.press("g")
        rows = try terminal.waitFor("Plan (")
        XCTAssertTrue(rows[0].contains("Gaps ·"), rows[0])
        try terminal.press("Escape", "w")
        rows = try terminal.waitFor("Trends · 30 days")
        XCTAssertTrue(rows.contains { $0.hasPrefix(" Vitamin K") }, rows.joined(separator: "\n"))
        try terminal.press("Escape", "v")
        try terminal.waitFor("7-day average")
        try terminal.press("q")
        try terminal.waitFor(TmuxSession.prompt)
        try terminal.assertShellUsable()
    }

    func testAnEntryAddedByAnotherProcessAppearsInTheOpenDashboard() throws {
        let terminal = try TmuxSession()
        try terminal.shell(command)
        try terminal.waitFor("Nothing logged on")
        // Both use the journal at once: neither may see "database is locked".
        for _ in 0..<3 {
            let added = try AbsorbProcess(journal: journal).run(["log", "add", "salmon", "raw", "100", "g", "--meal", "lunch"])
            XCTAssertEqual(added.status, 0, added.stderr)
        }
        // Within a second or two of the last, all three are on the screen.
        let rows = try terminal.waitUntil("three salmon entries", timeout: 5) { rows in
            rows.filter { $0.contains("Salmon, Atlantic, farmed, raw") }.count == 3
        }
        XCTAssertTrue(vitaminD(rows).contains("33 µg / 15"), vitaminD(rows))
        try terminal.press("q")
        try terminal.waitFor(TmuxSession.prompt)
    }

    func testAStormOfResizesNeitherCrashesNorGarbles() throws {
        let terminal = try TmuxSession()
        try terminal.shell(command)
        let before = try terminal.waitFor("Nothing logged on")
        let sizes = [(40, 10), (120, 40), (60, 16), (200, 60), (59, 15), (100, 30)]
        for step in 0..<100 {
            let (width, height) = sizes[step % sizes.count]
            try terminal.resize(width: width, height: height)
        }
        // No clock: the program is still the one in the pane (it neither crashed nor quit),
        // and it still follows the size it is given, too small and then normal.
        XCTAssertEqual(try terminal.format("#{pane_current_command}"), "absorb", "absorb is still running after the storm")
        try terminal.resize(width: 59, height: 15)
        _ = try terminal.waitUntil("the too-small message at 59 × 15", timeout: 15) { rows in
            rows.contains { $0.contains("Terminal too small") } && rows.contains { $0.contains("59×15; absorb needs") }
        }
        try terminal.resize(width: 80, height: 24)
        // Back at 80 × 24 the screen is the same as before the storm, cell for cell.
        let after = try terminal.waitUntil("the day screen redrawn at 80 × 24", timeout: 5) { $0 == before }
        XCTAssertEqual(after, before)
        try terminal.press("q")
        try terminal.waitFor(TmuxSession.prompt)
        try terminal.assertShellUsable()
    }

    func testNoUsableTERMIsAClearErrorAndLeavesTheTerminalAlone() throws {
        let terminal = try TmuxSession(width: 300, height: 24)  // wide: the message on one row
        for (setting, expected) in [("TERM=dumb", "TERM is \"dumb\""), ("-u TERM", "TERM is not set")] {
            try terminal.shell("env \(setting) \(command); echo status $?")
            let rows = try terminal.waitUntil("the exit status", timeout: 15) { $0.contains { $0.hasPrefix("status ") } }
            let text = rows.joined(separator: "\n")
            XCTAssertTrue(text.contains("the dashboard needs a terminal that can move the cursor, and \(expected)"), text)
            XCTAssertTrue(text.contains("absorb today"), text)
            XCTAssertTrue(rows.contains("status 1"), text)
            try terminal.shell("clear")
            _ = try terminal.waitUntil("a cleared screen", timeout: 5) { !$0.contains { $0.hasPrefix("status ") } }
        }
        try terminal.assertShellUsable()
    }

    /// Every file in `folders` and its bytes (a folder that does not exist: nothing).
    private func files(in folders: [String]) -> [String: Data] {
        var files: [String: Data] = [:]
        for folder in folders {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
                files[folder + "/" + name] = FileManager.default.contents(atPath: folder + "/" + name)
            }
        }
        return files
    }

    /// Every row of every table of a journal, as text, sorted, without what only says when
    /// or in which order a row was written (an entry's id, the times): what a person sees.
    private func contents(ofJournal path: String) throws -> [String: [String]] {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in
            var contents: [String: [String]] = [:]
            for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'") {
                contents[table] = try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\"").map { row in
                    row.filter { column, _ in !(["entry", "probiotic", "trial"].contains(table) && column == "id") && !["created_at", "logged_at", "added_at", "checked_at"].contains(column) }
                        .map { column, value in "\(column)=\(value)" }.joined(separator: " ")
                }.sorted()
            }
            return contents
        }
    }

    /// The process running in the pane's shell (the dashboard), by its parent.
    private func dashboardProcess(in terminal: TmuxSession) throws -> pid_t {
        let shell = try terminal.format("#{pane_pid}")
        let (status, output, _) = try TmuxSession.spawn("/usr/bin/pgrep", ["-P", shell])
        XCTAssertEqual(status, 0, "no process under the shell \(shell)")
        return try XCTUnwrap(pid_t(output.split(separator: "\n").first.map(String.init) ?? ""), output)
    }

    /// The demo runs on a temporary copy: an existing journal (the default one, and one
    /// named by ABSORB_JOURNAL) is not changed by a byte; the copy is gone after q, SIGTERM
    /// and SIGHUP; and `r` puts back exactly the start, whatever was done (an entry
    /// deleted, a profile added).
    func testTheDemoRunsOnACopyAndRestores() throws {
        let fm = FileManager.default
        let home = directory.appendingPathComponent("xdg").path
        let temporary = directory.appendingPathComponent("tmp").path  // TMPDIR: where the copy is made
        try fm.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        let defaultJournal = home + "/absorb/journal.sqlite"
        let named = directory.appendingPathComponent("named/journal.sqlite").path
        for path in [defaultJournal, named] {
            XCTAssertEqual(try AbsorbProcess(journal: path).run(["log", "add", "spinach", "raw", "30", "g"]).status, 0)
        }
        let folders = [home + "/absorb", directory.appendingPathComponent("named").path]
        let before = files(in: folders)
        XCTAssertEqual(before.keys.filter { $0.hasSuffix("journal.sqlite") }.count, 2)
        func copies() -> [String] {
            ((try? fm.contentsOfDirectory(atPath: temporary)) ?? []).filter { $0.hasPrefix("absorb-demo-") }
        }
        let demo = "\(TmuxSession.quote(AbsorbProcess.executable.path)) demo"
        let environment = ["XDG_DATA_HOME": home, "TMPDIR": temporary]

        // q: with the default journal in place.
        do {
            let terminal = try TmuxSession(environment: environment)
            try terminal.shell(demo)
            let start = try terminal.waitFor("DEMO · a copy: your journal is not touched")
            XCTAssertTrue(start[9].contains("7 logged days in the 7-day"), start[9])
            let copy = try XCTUnwrap(copies().first, "the demo made no copy in TMPDIR")
            XCTAssertEqual(copies().count, 1)
            let journal = temporary + "/" + copy + "/journal.sqlite"
            let seeded = try contents(ofJournal: journal)
            XCTAssertEqual(seeded["profile"]?.count, 1, "\(seeded["profile"] ?? [])")

            // An entry deleted, then r.
            try terminal.press("Tab", "d")
            try terminal.waitFor("Deleted ")
            try terminal.press("r")
            var rows = try terminal.waitFor("The demo is back as it started")
            XCTAssertEqual(Array(rows[0..<22]), Array(start[0..<22]), "the screen after r is the start's")
            XCTAssertEqual(try contents(ofJournal: journal), seeded, "r puts back exactly the start")

            // A favourite marked (Ctrl-F in a search), a profile added (p, n), then Esc and
            // r: one demo patient again, with no favourite, as at the start.
            try terminal.press("a")
            try terminal.waitFor("Recently used")
            try terminal.type("salmon")
            try terminal.waitFor("48 matches")
            try terminal.press("C-f")
            try terminal.waitFor("Favourite: Salmon, Atlantic")
            try terminal.press("Escape")
            try terminal.waitForNo("48 matches")
            try terminal.press("p")
            try terminal.waitFor("Profile")
            try terminal.press("n")
            try terminal.waitFor("Profile 2")
            try terminal.press("Escape")
            try terminal.waitForNo("The demo is back as it started")
            try terminal.press("r")
            rows = try terminal.waitFor("The demo is back as it started")
            XCTAssertEqual(Array(rows[0..<22]), Array(start[0..<22]), "the screen after p, n, Esc, r is the start's")
            XCTAssertEqual(try contents(ofJournal: journal), seeded, "r after adding a profile puts back exactly the start")

            try terminal.press("q")
            try terminal.waitFor(TmuxSession.prompt)
            XCTAssertEqual(copies(), [], "the demo's copy is left behind after q")
            try terminal.assertShellUsable()
        }

        // Ctrl-C: the copy goes too.
        do {
            let terminal = try TmuxSession(environment: environment)
            try terminal.shell(demo)
            try terminal.waitFor("DEMO · a copy: your journal is not touched")
            XCTAssertEqual(copies().count, 1)
            try terminal.press("C-c")
            try terminal.waitForNo("DEMO · a copy")
            try terminal.waitFor(TmuxSession.prompt)
            XCTAssertEqual(copies(), [], "the demo's copy is left behind after Ctrl-C")
            try terminal.assertShellUsable()
        }

        // SIGTERM and SIGHUP, with ABSORB_JOURNAL naming a journal: the copy goes too.
        for (name, number) in [("SIGTERM", SIGTERM), ("SIGHUP", SIGHUP)] {
            var withNamed = environment
            withNamed["ABSORB_JOURNAL"] = named
            let terminal = try TmuxSession(environment: withNamed)
            try terminal.shell(demo)
            try terminal.waitFor("DEMO · a copy: your journal is not touched")
            XCTAssertEqual(copies().count, 1, name)
            let process = try dashboardProcess(in: terminal)
            XCTAssertEqual(kill(process, number), 0, name)
            try terminal.waitFor(TmuxSession.prompt)
            try terminal.waitForNo("DEMO · a copy")
            XCTAssertEqual(copies(), [], "the demo's copy is left behind after \(name)")
            try terminal.assertShellUsable()
        }

        XCTAssertEqual(files(in: folders), before, "the demo changed an existing journal or the files beside it")
    }

    func testTheHighContrastThemeDrawsNoDimText() throws {
        try AbsorbProcess(journal: journal).run(["log", "add", "spinach", "raw", "30", "g"])
        for (theme, dimmed) in [("standard", true), ("high-contrast", false)] {
            let terminal = try TmuxSession()
            try terminal.shell(command + " --theme " + theme)
            try terminal.waitFor("Spinach, raw")
            let screen = try terminal.captureWithAttributes()
            // SGR 2 is "dim" (faint).
            let hasDim = screen.range(of: "\u{1B}\\[([0-9;]*;)?2(;[0-9;]*)?m", options: .regularExpression) != nil
            XCTAssertEqual(hasDim, dimmed, "\(theme): \(screen)")
            try terminal.press("q")
            try terminal.waitFor(TmuxSession.prompt)
        }
    }

    func testNotATerminalIsAClearError() throws {
        let result = try AbsorbProcess(journal: journal).run([])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("the dashboard needs a terminal"), result.stderr)
        XCTAssertTrue(result.stderr.contains("absorb today"), result.stderr)
        XCTAssertEqual(result.stdout, "")
    }
}
