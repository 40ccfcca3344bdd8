import Foundation
import GRDB
import Journal
import NutrientModel
import XCTest

/// The `absorb` command line, run as a real process on a temporary journal.
final class CommandLineTests: XCTestCase {
    var directory: String!
    var absorb: AbsorbProcess!

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "absorb-cli-tests-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        absorb = AbsorbProcess(journal: directory + "/journal.sqlite")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func nutrient(_ report: [String: Any], _ id: String) throws -> [String: Any] {
        let nutrients = try XCTUnwrap(report["nutrients"] as? [[String: Any]])
        return try XCTUnwrap(nutrients.first { $0["id"] as? String == id })
    }

    func testLogAndReportTheHandComputedDay() throws {
        let date = "2026-11-24"
        var result = try absorb.run(["log", "add", "egg", "hard", "boiled", "2", "large", "--meal", "breakfast", "--date", date])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("Logged 100 g of Egg, whole, cooked, hard-boiled (01129)"), result.stdout)
        result = try absorb.run(["log", "add", "salmon cook", "150 g", "--meal", "dinner", "--date", date])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("(15237)"), result.stdout)
        result = try absorb.run(["log", "add", "--food", "11457", "--grams", "30", "--meal", "lunch", "--date", date])
        XCTAssertEqual(result.status, 0, result.stderr)

        let report = try absorb.json(["report", "--date", date, "--format", "json"])
        XCTAssertEqual(Set(report.keys), ["profile", "from", "to", "days", "nutrients", "above_upper_limit", "cautions",
                                           "fat_pairing", "balance", "gut", "entries"])
        let profile = try XCTUnwrap(report["profile"] as? [String: Any])
        XCTAssertEqual(Set(profile.keys), ["name", "sex", "age", "life_stage", "condition", "targets_are_defaults", "prescribed"])
        XCTAssertEqual(profile["targets_are_defaults"] as? Bool, true, "sex and age are not set")
        XCTAssertEqual(report["above_upper_limit"] as? [String], [])
        XCTAssertEqual(profile["name"] as? String, "Me")
        XCTAssertTrue(profile["sex"] is NSNull)
        XCTAssertEqual(report["from"] as? String, date)
        XCTAssertEqual(report["to"] as? String, date)
        XCTAssertEqual(report["days"] as? Int, 1)

        let vitaminA = try nutrient(report, "vitamin_a")
        XCTAssertEqual(Set(vitaminA.keys), [
            "id", "name", "unit", "amount", "target", "target_kind", "target_source", "percent", "upper_limit",
            "ul_applies_to", "ul_unit", "ul_amount", "ul_estimated", "ul_complete", "ul_estimated_foods", "ul_unchecked_foods",
            "status", "coverage", "missing_data_foods", "judgement", "fat_paired_share",
        ])
        // 149 + 69 × 1.5 + 469 × 0.3 (see ScoringTests for the USDA rows).
        XCTAssertEqual(vitaminA["amount"] as! Double, 393.2, accuracy: 1e-4)
        XCTAssertEqual(vitaminA["unit"] as? String, "µg RAE")
        XCTAssertEqual(vitaminA["target"] as? Double, 900)
        XCTAssertEqual(vitaminA["target_kind"] as? String, "RDA")
        XCTAssertEqual(vitaminA["ul_applies_to"] as? String, "retinol")
        XCTAssertEqual(vitaminA["ul_amount"] as! Double, 251.5, accuracy: 1e-4)
        XCTAssertEqual(vitaminA["status"] as? String, "very_low")
        XCTAssertEqual(vitaminA["coverage"] as? Double, 1)
        XCTAssertEqual(try nutrient(report, "vitamin_d")["amount"] as! Double, 21.85, accuracy: 1e-4)
        XCTAssertEqual(try nutrient(report, "vitamin_k")["amount"] as! Double, 145.32, accuracy: 1e-4)
        XCTAssertEqual(try nutrient(report, "epa_dha")["amount"] as! Double, 3263.5, accuracy: 1e-3)
        XCTAssertEqual(try nutrient(report, "epa_dha")["unit"] as? String, "mg")
        XCTAssertEqual(try nutrient(report, "vitamin_e")["ul_applies_to"] as? String, "added_vitamin_e")

        let entries = try XCTUnwrap(report["entries"] as? [[String: Any]])
        XCTAssertEqual(entries.map { $0["food_id"] as? String }, ["01129", "11457", "15237"])
        XCTAssertEqual(entries.map { $0["meal"] as? String }, ["breakfast", "lunch", "dinner"])
        XCTAssertEqual(Set(entries[0].keys), ["id", "date", "meal", "food_id", "food", "grams"])
        XCTAssertEqual(entries[2]["grams"] as? Double, 150)

        // The text report shows the same figures.
        let text = try absorb.run(["report", "--date", date])
        XCTAssertEqual(text.status, 0)
        XCTAssertTrue(text.stdout.contains("Targets are defaults"), text.stdout)
        let line = try XCTUnwrap(text.stdout.split(separator: "\n").first { $0.hasPrefix("Vitamin A ") })
        XCTAssertTrue(line.contains("393 µg RAE") && line.contains("very low"), String(line))

        // CSV has a header and one row per day and nutrient.
        let csv = try absorb.run(["report", "--date", date, "--format", "csv"])
        let rows = csv.stdout.split(separator: "\r\n")
        XCTAssertEqual(rows.count, 8)
        XCTAssertTrue(rows[1].hasPrefix("\(date),3,vitamin_a,Vitamin A,µg RAE,393.2,900,RDA,43.69,3000,retinol,251.5,very_low,1,"), String(rows[1]))
    }

    func testCommandsThatOnlyReadLeaveTheJournalFileAsItWas() throws {
        let journal = directory + "/journal.sqlite"
        let added = try absorb.run(["log", "add", "--food", "11457", "--grams", "30", "--date", "2026-11-24"])
        XCTAssertEqual(added.status, 0, added.stderr)
        let before = try Data(contentsOf: URL(fileURLWithPath: journal))
        for command in [["report", "--date", "2026-11-24", "--format", "json"], ["log", "list", "--date", "2026-11-24"],
                        ["foods", "show", "11457"], ["profile", "show"]] {
            let result = try absorb.run(command)
            XCTAssertEqual(result.status, 0, "\(command): \(result.stderr)")
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: journal)), before, "\(command) changed the journal")
            XCTAssertFalse(FileManager.default.fileExists(atPath: journal + "-wal"), "\(command) left its write-ahead log")
        }
        let mode = try SQLiteHeader.journalMode(of: journal)
        XCTAssertEqual(mode, "wal", "the journal is in WAL mode, kept in the file")
    }

    func testListAndRemove() throws {
        let date = "2026-11-20"
        XCTAssertEqual(try absorb.run(["log", "add", "spinach raw", "2 cups", "--date", date, "--meal", "lunch"]).status, 0)
        var list = try absorb.run(["log", "list", "--date", date])
        XCTAssertTrue(list.stdout.contains("11457 Spinach, raw"), list.stdout)
        XCTAssertTrue(list.stdout.contains("60"), list.stdout)
        let removed = try absorb.run(["log", "remove", "1"])
        XCTAssertEqual(removed.status, 0, removed.stderr)
        XCTAssertTrue(removed.stdout.contains("Removed entry 1"))
        list = try absorb.run(["log", "list", "--date", date])
        XCTAssertTrue(list.stdout.contains("nothing logged"))
        let again = try absorb.run(["log", "remove", "1"])
        XCTAssertNotEqual(again.status, 0)
        XCTAssertTrue(again.stderr.contains("there is no entry 1"), again.stderr)
    }

    func testRangeReportAveragesLoggedDays() throws {
        XCTAssertEqual(try absorb.run(["log", "add", "--food", "15237", "--grams", "100", "--date", "2026-11-01"]).status, 0)
        XCTAssertEqual(try absorb.run(["log", "add", "--food", "15237", "--grams", "200", "--date", "2026-11-03"]).status, 0)
        let report = try absorb.json(["report", "--from", "2026-11-01", "--to", "2026-11-07", "--format", "json"])
        XCTAssertEqual(report["days"] as? Int, 2)
        XCTAssertEqual(try nutrient(report, "vitamin_d")["amount"] as! Double, 13.1 * 1.5, accuracy: 1e-4)
    }

    func testProfileAndTargets() throws {
        var result = try absorb.run(["profile", "set", "--name", "Maya", "--sex", "female", "--age", "34"])
        XCTAssertEqual(result.status, 0, result.stderr)
        result = try absorb.run(["profile", "target", "vitamin_d", "50"])
        XCTAssertEqual(result.status, 0, result.stderr)
        var report = try absorb.json(["report", "--date", "2026-11-24", "--format", "json"])
        let profile = try XCTUnwrap(report["profile"] as? [String: Any])
        XCTAssertEqual(profile["name"] as? String, "Maya")
        XCTAssertEqual(profile["sex"] as? String, "female")
        XCTAssertEqual(profile["age"] as? Double, 34)
        XCTAssertEqual(profile["life_stage"] as? String, "Females 31-50")
        XCTAssertEqual(try nutrient(report, "vitamin_a")["target"] as? Double, 700)
        XCTAssertEqual(try nutrient(report, "vitamin_d")["target"] as? Double, 50)
        XCTAssertEqual(try nutrient(report, "vitamin_d")["target_kind"] as? String, "custom")
        XCTAssertEqual(try nutrient(report, "vitamin_d")["status"] as? String, "no_data")
        let shown = try absorb.run(["profile", "show"])
        XCTAssertTrue(shown.stdout.contains("Females 31-50"), shown.stdout)
        XCTAssertFalse(shown.stdout.contains("Targets are defaults"))
        result = try absorb.run(["profile", "target", "vitamin_d", "--reset"])
        XCTAssertEqual(result.status, 0, result.stderr)
        report = try absorb.json(["report", "--date", "2026-11-24", "--format", "json"])
        XCTAssertEqual(try nutrient(report, "vitamin_d")["target"] as? Double, 15)

        result = try absorb.run(["profile", "set", "--sex", "male", "--pregnant"])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("cannot be pregnant"), result.stderr)
        result = try absorb.run(["profile", "target", "vitamin_q", "5"])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("unknown nutrient \"vitamin_q\""), result.stderr)
    }

    func testFoodsSearchAndShow() throws {
        let search = try absorb.run(["foods", "search", "salmon", "cook", "--limit", "3"])
        XCTAssertEqual(search.status, 0)
        XCTAssertEqual(search.stdout.split(separator: "\n").count, 3)
        XCTAssertTrue(search.stdout.hasPrefix("15237"), search.stdout)
        let show = try absorb.run(["foods", "show", "11457"])
        XCTAssertEqual(show.status, 0)
        XCTAssertTrue(show.stdout.contains("Spinach, raw"))
        XCTAssertTrue(show.stdout.contains("482.9 µg"), show.stdout)
        XCTAssertTrue(show.stdout.contains("1 cup (30 g)"), show.stdout)
    }

    /// The issue's queries find the plain food, through the command people use.
    func testFoodsSearchFindsThePlainFood() throws {
        for (query, id) in [("mayonnaise", "04025"), ("avocado", "09037"), ("oatmeal", "08121"), ("eggs", "01123"),
                            ("sardines canned oil", "15088"), ("chicken breast roasted", "05064"),
                            ("peanut butter smooth", "16098"), ("rice brown cooked", "20037")] {
            let search = try absorb.run(["foods", "search"] + query.split(separator: " ").map(String.init) + ["--limit", "5"])
            XCTAssertEqual(search.status, 0, query)
            XCTAssertTrue(search.stdout.hasPrefix(id), "\(query): \(search.stdout)")
        }
    }

    /// A dose in a supplement's name stays in the query (the amount is the last quantity),
    /// and matches that rank close are listed with the command that logs one instead.
    func testLogAddTakesTheLastQuantityAndNamesCloseMatches() throws {
        let date = "2026-11-18"
        let dose = try absorb.run(["log", "add", "vitamin", "d3", "2000", "1", "softgel", "--date", date, "--meal", "breakfast"])
        XCTAssertEqual(dose.status, 0, dose.stderr)
        XCTAssertTrue(dose.stdout.contains("(S0002)"), dose.stdout)
        let mixed = try absorb.run(["log", "add", "rice", "brown", "cooked", "1", "1/2", "cups", "--date", date, "--meal", "lunch"])
        XCTAssertEqual(mixed.status, 0, mixed.stderr)
        XCTAssertTrue(mixed.stdout.contains("303 g"), mixed.stdout)
        let eggs = try absorb.run(["log", "add", "eggs", "2", "large", "--date", date, "--meal", "breakfast"])
        XCTAssertEqual(eggs.status, 0, eggs.stderr)
        XCTAssertTrue(eggs.stdout.contains("(01123)"), eggs.stdout)
        XCTAssertTrue(eggs.stdout.contains("Also close to \"eggs\":"), eggs.stdout)
        XCTAssertTrue(eggs.stdout.contains("01129  Egg, whole, cooked, hard-boiled"), eggs.stdout)
        XCTAssertTrue(eggs.stdout.contains("absorb log add --food ID 2 large --date \(date) --meal breakfast"), eggs.stdout)
    }

    /// Every row of every table in the journal, as text: the whole journal, to compare.
    private func journalContents() throws -> [String: [String]] {
        let queue = try DatabaseQueue(path: directory + "/journal.sqlite")
        defer { try? queue.close() }
        return try queue.read { db in
            var contents: [String: [String]] = [:]
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            for table in tables {
                contents[table] = try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\"").map(\.description)
            }
            return contents
        }
    }

    func testErrorsGoToStderrWithANonZeroStatusAndSaveNothing() throws {
        // The journal exists (with its default profile) before the failed commands.
        XCTAssertEqual(try absorb.run(["profile", "show"]).status, 0)
        let before = try journalContents()
        XCTAssertEqual(before["entry"], [])
        XCTAssertEqual(before["profile"]?.count, 1)
        let cases: [([String], String)] = [
            (["log", "add", "salmn", "cooked", "150", "g"], "Closest matches"),
            (["log", "add", "spinach", "raw", "two-ish", "cups"], "no amount given"),
            (["log", "add", "spinach", "raw", "2", "bowls"], "\"bowls\" is not a measure of Spinach, raw"),
            (["log", "add", "spinach", "raw", "2"], "has no unit"),
            (["log", "add", "spinach", "raw", "20", "kg"], "more than the 10,000 g"),
            (["log", "add", "--food", "99999", "--grams", "10"], "no food has the id \"99999\""),
            (["log", "add", "--food", "11457", "--grams=-3"], "--grams must be more than 0"),
            (["log", "add", "spinach", "1 cup", "--date", "2026-02-30"], "\"2026-02-30\" is not a date"),
            (["log", "add", "spinach", "1 cup", "--meal", "brunch"], "--meal brunch: expected one of"),
            (["report", "--from", "2026-11-10", "--to", "2026-11-01"], "is after --to"),
            (["report", "--from", "2026-11-10"], "--from needs --to"),
            (["foods", "show", "nope"], "no food has the id \"nope\""),
        ]
        for (arguments, message) in cases {
            let result = try absorb.run(arguments)
            XCTAssertNotEqual(result.status, 0, arguments.joined(separator: " "))
            XCTAssertTrue(result.stderr.contains(message), "\(arguments): \(result.stderr)")
            XCTAssertEqual(result.stdout, "", "\(arguments)")
        }
        // No failed command saved anything, on any date, in any table (entries, profiles,
        // targets, custom foods, recipes, favourites, settings).
        let after = try journalContents()
        XCTAssertEqual(Set(after.keys), Set(before.keys))
        for table in after.keys.sorted() {
            XCTAssertEqual(after[table], before[table], "no failed command changed the table \(table)")
        }
    }

    func testJournalAndDataLocations() throws {
        // ABSORB_JOURNAL chooses the journal when --journal is not given.
        var env = AbsorbProcess(journal: directory + "/env.sqlite")
        env.environment = ["ABSORB_JOURNAL": directory + "/env.sqlite"]
        XCTAssertEqual(try env.run(["log", "add", "--food", "11457", "--grams", "30"], useJournalOption: false).status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: directory + "/env.sqlite"))
        // XDG_DATA_HOME is the default's base.
        env.environment = ["XDG_DATA_HOME": directory + "/xdg"]
        XCTAssertEqual(try env.run(["profile", "show"], useJournalOption: false).status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: directory + "/xdg/absorb/journal.sqlite"))

        let missing = try absorb.run(["report", "--data", directory + "/nowhere"])
        XCTAssertNotEqual(missing.status, 0)
        XCTAssertTrue(missing.stderr.contains("is not a folder"), missing.stderr)
        let empty = directory + "/emptydata"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        let incomplete = try absorb.run(["report", "--data", empty])
        XCTAssertTrue(incomplete.stderr.contains("lacks foods.csv"), incomplete.stderr)
    }

    func testTheParsedFoodTableIsKeptInTheCacheFolderAndNeverHidesAnEdit() throws {
        let data = directory + "/Data"
        try FileManager.default.copyItem(atPath: AbsorbProcess.packageRoot.appendingPathComponent("Data").path, toPath: data)
        XCTAssertEqual(try absorb.run(["log", "add", "--food", "01001", "--grams", "10", "--date", "2026-11-20"]).status, 0)
        func copies(_ folder: String) -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".cache") }
        }
        // $XDG_CACHE_HOME/absorb, made on the first run; the second reads it and says the same.
        var cached = absorb!
        cached.environment = ["XDG_CACHE_HOME": directory + "/xdg-cache"]
        let arguments = ["report", "--date", "2026-11-20", "--format", "json", "--data", data]
        let first = try cached.run(arguments)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertEqual(copies(directory + "/xdg-cache/absorb").count, 1)
        let second = try cached.run(arguments)
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertEqual(second.stdout, first.stdout)
        XCTAssertTrue(second.stdout.contains("\"vitamin_a\""), second.stdout)
        // ~/.cache/absorb without XDG_CACHE_HOME; none at all with ABSORB_NO_CACHE.
        var home = absorb!
        home.environment = ["XDG_CACHE_HOME": "", "HOME": directory + "/home"]
        XCTAssertEqual(try home.run(arguments).stdout, first.stdout)
        XCTAssertEqual(copies(directory + "/home/.cache/absorb").count, 1)
        var off = absorb!
        off.environment = ["XDG_CACHE_HOME": directory + "/off", "ABSORB_NO_CACHE": "1"]
        XCTAssertEqual(try off.run(arguments).stdout, first.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory + "/off"))
        // An edit after the copy was made is read, and checked, as if there were no copy.
        var foods = try String(contentsOfFile: data + "/foods.csv", encoding: .utf8)
        foods = foods.replacingOccurrences(of: "Dairy and Egg Products,717,81.11,0.0,684,",
                                           with: "Dairy and Egg Products,717,81.11,0.0,lots,")
        try foods.write(toFile: data + "/foods.csv", atomically: true, encoding: .utf8)
        let edited = try cached.run(arguments)
        XCTAssertNotEqual(edited.status, 0)
        XCTAssertTrue(edited.stderr.contains("foods.csv:2:"), edited.stderr)
        XCTAssertTrue(edited.stderr.contains("vitamin_a_rae_ug must be a number, found \"lots\""), edited.stderr)
    }

    func testAMalformedDataTableIsReportedByFileLineAndColumn() throws {
        let data = directory + "/Data"
        try FileManager.default.copyItem(atPath: AbsorbProcess.packageRoot.appendingPathComponent("Data").path, toPath: data)
        var units = try String(contentsOfFile: data + "/units.csv", encoding: .utf8)
        units = units.replacingOccurrences(of: "oz,ounce;ounces;wt oz,28.349523125", with: "oz,ounce;ounces;wt oz,about 28")
        try units.write(toFile: data + "/units.csv", atomically: true, encoding: .utf8)
        let result = try absorb.run(["report", "--data", data])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("units.csv:5:23: grams must be a number, found \"about 28\""), result.stderr)
    }

    func testACorruptJournalIsReportedAndLeftUntouched() throws {
        let path = directory + "/journal.sqlite"
        let content = Data(repeating: 0x41, count: 4096)
        try content.write(to: URL(fileURLWithPath: path))
        let result = try absorb.run(["log", "add", "--food", "11457", "--grams", "30"])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("is not an absorb journal"), result.stderr)
        XCTAssertEqual(FileManager.default.contents(atPath: path), content)
    }

    func testGapsPlansWithinTheDietAndReportsFatPairing() throws {
        let date = "2026-11-24"
        XCTAssertEqual(try absorb.run(["log", "add", "spinach", "raw", "100", "g", "--meal", "lunch", "--date", date]).status, 0)
        let set = try absorb.run(["profile", "set", "--sex", "female", "--age", "30", "--diet", "vegan", "--fat-threshold", "5"])
        XCTAssertEqual(set.status, 0, set.stderr)
        let shown = try absorb.run(["profile", "show"])
        XCTAssertTrue(shown.stdout.contains("meal-fat threshold: 5 g (set for this profile)"), shown.stdout)
        XCTAssertTrue(shown.stdout.contains("diets: vegan"), shown.stdout)

        let plan = try absorb.json(["gaps", "--date", date, "--format", "json"])
        XCTAssertEqual(plan["diets"] as? [String], ["vegan"])
        let items = try XCTUnwrap(plan["items"] as? [[String: Any]])
        XCTAssertFalse(items.isEmpty)
        XCTAssertLessThanOrEqual(items.count, 3)
        let text = try absorb.run(["gaps", "--date", date])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.hasPrefix("Gaps on Tue 24 Nov 2026: "), text.stdout)
        XCTAssertTrue(text.stdout.contains("Keeping to: vegan"), text.stdout)

        let report = try absorb.run(["report", "--date", date])
        XCTAssertTrue(report.stdout.contains("Fat pairing (meals with at least 5 g of fat):"), report.stdout)
        XCTAssertTrue(report.stdout.contains("! Tue 24 Nov 2026, lunch: 483 µg of Vitamin K with 0.4 g of fat"), report.stdout)

        let bad = try absorb.run(["profile", "set", "--diet", "carnivore"])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.stderr.contains("no diet \"carnivore\""), bad.stderr)
        let badFat = try absorb.run(["profile", "set", "--fat-threshold", "lots"])
        XCTAssertNotEqual(badFat.status, 0)
        XCTAssertTrue(badFat.stderr.contains("--fat-threshold lots"), badFat.stderr)
    }

    func testJSONReportEscapesWhatJSONMust() throws {
        // Quotes, a backslash, a tab, a control character and text beyond ASCII, in a name
        // the report writes back: the JSON must parse and give the same string.
        for name in ["Dr \"Q\" \\ é 🙂", "tab\there", "bell\u{7}", "plain"] {
            // (absorb refuses control characters in a new name; a journal may hold them from
            // an import, so the report must still write them as JSON.)
            _ = try JournalStore(path: absorb.journal).addProfile(PersonProfile(name: name))
            let report = try absorb.json(["report", "--format", "json", "--profile", name])
            let profile = try XCTUnwrap(report["profile"] as? [String: Any])
            XCTAssertEqual(profile["name"] as? String, name)
        }
        let raw = try absorb.run(["report", "--format", "json", "--profile", "bell\u{7}"]).stdout
        XCTAssertTrue(raw.contains(#""name":"bell\u0007""#), raw)
    }

    func testCSVReportHasOneRowPerDayAndNutrient() throws {
        XCTAssertEqual(try absorb.run(["log", "add", "spinach", "raw", "100", "g", "--date", "2026-11-20"]).status, 0)
        let csv = try absorb.run(["report", "--from", "2026-11-20", "--to", "2026-11-21", "--format", "csv"])
        let rows = csv.stdout.split(separator: "\r\n")
        XCTAssertEqual(rows.count, 1 + 2 * 7)
        XCTAssertTrue(rows[1].hasPrefix("2026-11-20,1,vitamin_a,Vitamin A,µg RAE,469,"), String(rows[1]))
        // A day with nothing logged is missing, not zero.
        XCTAssertEqual(rows[8], "2026-11-21,0,vitamin_a,Vitamin A,µg RAE,,900,RDA,,3000,retinol,,not_logged,,,,")
        // Spinach's retinol is known (0): the upper-limit figure is neither estimated nor incomplete.
        XCTAssertTrue(rows[1].hasSuffix(",false,true"), String(rows[1]))
    }

    func testProfilesAddUseListDeleteAndTheProfileOption() throws {
        XCTAssertEqual(try absorb.run(["profile", "add", "Ben"]).status, 0)
        XCTAssertNotEqual(try absorb.run(["profile", "add", "ben"]).status, 0, "names are unique, whatever their case")
        XCTAssertEqual(try absorb.run(["log", "add", "salmon", "cook", "100", "g", "--date", "2026-11-24"]).status, 0)
        XCTAssertEqual(try absorb.run(["profile", "use", "Me"]).status, 0)
        XCTAssertEqual(try absorb.run(["profile", "list"]).stdout, "* Me\n  Ben\n")
        // --profile picks a profile for one command without changing the active one.
        XCTAssertTrue(try absorb.run(["log", "list", "--date", "2026-11-24", "--profile", "ben"]).stdout.contains("Fish, salmon"))
        XCTAssertFalse(try absorb.run(["log", "list", "--date", "2026-11-24"]).stdout.contains("Fish, salmon"))
        let unknown = try absorb.run(["report", "--profile", "Zed"])
        XCTAssertNotEqual(unknown.status, 0)
        XCTAssertTrue(unknown.stderr.contains("--profile Zed: no such profile") && unknown.stderr.contains("Me, Ben"), unknown.stderr)
        // Deleting asks for --yes, and says what goes with it.
        let asked = try absorb.run(["profile", "delete", "Ben"])
        XCTAssertNotEqual(asked.status, 0)
        XCTAssertTrue(asked.stderr.contains("deletes its 1 entry too: run again with --yes"), asked.stderr)
        XCTAssertEqual(try absorb.run(["profile", "delete", "Ben", "--yes"]).status, 0)
        XCTAssertEqual(try absorb.run(["profile", "list"]).stdout, "* Me\n")
        XCTAssertNotEqual(try absorb.run(["profile", "delete", "Me", "--yes"]).status, 0, "the last profile stays")
    }

    func testCustomFoodsFromALabelAndFromACSVAllOrNothing() throws {
        // A 40 g bar with 180 kcal and 7 g fat is 450 kcal and 17.5 g fat per 100 g; what the
        // label does not give is unknown, not zero.
        let added = try absorb.run(["foods", "add", "Granola bar, Brand X", "--serving", "40", "--measure", "bar",
                                    "--energy", "180", "--fat", "7", "--vitamin-e", "1.5"])
        XCTAssertEqual(added.status, 0, added.stderr)
        XCTAssertTrue(added.stdout.hasPrefix("Added C0001 Granola bar, Brand X: 1 bar = 40 g."), added.stdout)
        let shown = try absorb.run(["foods", "show", "C0001"]).stdout
        XCTAssertTrue(shown.contains("Energy                         450 kcal"), shown)
        XCTAssertTrue(shown.contains("Fat                            17.5 g"), shown)
        XCTAssertTrue(shown.contains("Vitamin E (alpha-tocopherol)   3.75 mg"), shown)
        XCTAssertTrue(shown.contains("Vitamin D                      no value (unknown)"), shown)
        let logged = try absorb.run(["log", "add", "C0001", "2", "bar", "--date", "2026-11-24"])
        XCTAssertTrue(logged.stdout.hasPrefix("Logged 80 g of Granola bar, Brand X"), logged.stdout)
        for (arguments, says) in [
            (["Bad", "--serving", "10", "--fat", "50"], "--fat: 50 g of Fat in 10 g is more than food can hold. Nothing was saved."),
            (["Bad", "--serving", "10", "--vitamin-d=-1"], "--vitamin-d: Vitamin D must be a number of 0 or more"),
            (["Bad", "--serving", "20000"], "the serving must weigh more than 0 g and at most 10,000 g"),
            (["  ", "--serving", "10"], "the food needs a name"),
        ] {
            let refused = try absorb.run(["foods", "add"] + arguments)
            XCTAssertEqual(refused.status, 1, "\(arguments)")
            XCTAssertTrue(refused.stderr.contains(says), "\(arguments): \(refused.stderr)")
        }
        XCTAssertEqual(try absorb.run(["foods", "show", "C0002"]).status, 1, "a refused food was saved")

        let header = try String(contentsOfFile: AbsorbProcess.packageRoot.appendingPathComponent("Data/foods.csv").path, encoding: .utf8)
            .components(separatedBy: .newlines)[0]
        let good = directory + "/good.csv", bad = directory + "/bad.csv"
        try "\(header)\nC0100,\"Home granola\",Mine,450,20,6,,,,,,,,,,,,\nC0101,\"Kale chips\",Mine,500,30,,,,,,,,,,,,,\n"
            .write(toFile: good, atomically: true, encoding: .utf8)
        try "\(header)\nC0200,\"Fine\",Mine,450,20,6,,,,,,,,,,,,\nC0201,\"Broken\",Mine,lots,30,,,,,,,,,,,,,\n"
            .write(toFile: bad, atomically: true, encoding: .utf8)
        let imported = try absorb.run(["foods", "import", good])
        XCTAssertEqual(imported.stdout, "Imported 2 foods from \(good).\n", imported.stderr)
        let broken = try absorb.run(["foods", "import", bad])
        XCTAssertNotEqual(broken.status, 0)
        XCTAssertTrue(broken.stderr.contains("bad.csv:3:21: energy_kcal must be a number, found \"lots\". Nothing was imported."), broken.stderr)
        XCTAssertNotEqual(try absorb.run(["foods", "show", "C0200"]).status, 0, "the good row of a failed import is not saved")
        let again = try absorb.run(["foods", "import", good])
        XCTAssertTrue(again.stderr.contains("there is already a food C0100. Nothing was imported."), again.stderr)
    }
}

/// What the SQLite file header says (https://www.sqlite.org/fileformat.html, bytes 18 and 19:
/// 2 and 2 for write-ahead logging, 1 and 1 for a rollback journal).
enum SQLiteHeader {
    static func journalMode(of path: String) throws -> String {
        let header = try Data(contentsOf: URL(fileURLWithPath: path)).prefix(20)
        return header[18] == 2 && header[19] == 2 ? "wal" : "rollback"
    }
}
