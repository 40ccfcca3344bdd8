import Foundation
import GRDB
import XCTest
@testable import Journal
import NutrientModel

final class JournalStoreTests: XCTestCase {
    var directory: String!

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "absorb-journal-tests-\(UUID().uuidString)"
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private var path: String { directory + "/nested/journal.sqlite" }
    private let day = try! LocalDate(parsing: "2026-11-24")

    func testFirstUseCreatesTheFileTheSchemaAndADefaultProfile() throws {
        let journal = try JournalStore(path: path)
        XCTAssertEqual(try journal.appliedMigrations(), ["v1: profiles, entries, custom foods, target overrides",
                                                         "v2: per-profile fat threshold and diets", "v3: recipes and favourites",
                                      "v4: vitamin E counted toward the upper limit, prescribed foods",
                                      "v5: entry measure, the household measure an entry was logged in",
                                      "v6: check-ins, probiotics, each profile's scales",
                                      "v7: trials, elimination and supplement trials of each profile",
                                      "v8: an index of entries by the time they were logged"])
        let profile = try journal.activeProfile()
        XCTAssertEqual(profile.profile, PersonProfile(name: "Me"))
        XCTAssertTrue(profile.profile.usesDefaults)
        XCTAssertEqual(try journal.activeProfile().id, profile.id, "the default profile is created once")
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600, "a journal is private")
        let folder = try FileManager.default.attributesOfItem(atPath: directory + "/nested")
        XCTAssertEqual((folder[.posixPermissions] as? NSNumber)?.intValue, 0o700)
        // While it is open, SQLite's write-ahead log and shared memory are private too.
        try journal.addEntry(profileID: profile.id, date: day, meal: .lunch, foodID: "11457", grams: 30)
        // The journal is in WAL mode and open, so both files must be there (a journal that
        // left WAL mode, or a check that found neither file, must not pass).
        for sidecar in [path + "-wal", path + "-shm"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: sidecar), "\(sidecar) exists while the journal is open")
            let mode = (try? FileManager.default.attributesOfItem(atPath: sidecar)[.posixPermissions] as? NSNumber)?.intValue
            XCTAssertEqual(mode, 0o600, sidecar)
        }
    }

    /// The dashboard's undo of a favourite and of a profile switch: made only where the
    /// journal is still as the change left it.
    func testAFavouriteAndASwitchAreUndoneOnlyWhereNothingChangedThemSince() throws {
        let journal = try JournalStore(path: path)
        let me = try journal.activeProfile()
        XCTAssertTrue(try journal.changeFavourite("15237", to: true, profileID: me.id))
        XCTAssertEqual(try journal.favourites(profileID: me.id), ["15237"])
        XCTAssertFalse(try journal.changeFavourite("15237", to: true, profileID: me.id), "already one: left")
        XCTAssertTrue(try journal.changeFavourite("15237", to: false, profileID: me.id))
        XCTAssertEqual(try journal.favourites(profileID: me.id), [])
        XCTAssertFalse(try journal.changeFavourite("15237", to: false, profileID: me.id))
        let other = try journal.addProfile(PersonProfile(name: "Ben"))  // made active
        try journal.activate(profileID: me.id)
        XCTAssertFalse(try journal.switchActiveProfile(from: other.id, to: me.id), "Ben is not the active one")
        XCTAssertTrue(try journal.switchActiveProfile(from: me.id, to: other.id))
        XCTAssertEqual(try journal.activeProfile().id, other.id)
        try journal.removeProfile(id: me.id)
        XCTAssertFalse(try journal.switchActiveProfile(from: other.id, to: me.id), "the profile is gone")
        XCTAssertEqual(try journal.activeProfile().id, other.id)
    }

    func testAProfilesFatThresholdAndDietsAreSaved() throws {
        let journal = try JournalStore(path: path)
        var stored = try journal.activeProfile()
        stored.profile.fatThresholdGrams = 5
        stored.profile.diets = ["vegan", "no_nuts"]
        try journal.updateProfile(stored)
        let again = try JournalStore(path: path).activeProfile()
        XCTAssertEqual(again.profile.fatThresholdGrams, 5)
        XCTAssertEqual(again.profile.diets, ["vegan", "no_nuts"])
        stored.profile.fatThresholdGrams = 500
        XCTAssertThrowsError(try journal.updateProfile(stored))
    }

    func testReopeningKeepsEverythingAndDoesNotMigrateAgain() throws {
        do {
            let journal = try JournalStore(path: path)
            let profile = try journal.activeProfile()
            try journal.addEntry(profileID: profile.id, date: day, meal: .lunch, foodID: "11457", grams: 30)
        }
        let journal = try JournalStore(path: path)
        XCTAssertEqual(try journal.appliedMigrations().count, JournalSchema.migrator.migrations.count)
        let entries = try journal.entries(profileID: try journal.activeProfile().id, in: DateRange(day: day))
        XCTAssertEqual(entries.map(\.foodID), ["11457"])
        XCTAssertEqual(entries.first?.grams, 30)
    }

    func testEntriesByRangeInMealOrderAndRemoval() throws {
        let journal = try JournalStore(path: path)
        let id = try journal.activeProfile().id
        let dinner = try journal.addEntry(profileID: id, date: day, meal: .dinner, foodID: "15237", grams: 150)
        let breakfast = try journal.addEntry(profileID: id, date: day, meal: .breakfast, foodID: "01129", grams: 100)
        _ = try journal.addEntry(profileID: id, date: day.adding(days: 1), meal: .lunch, foodID: "11457", grams: 30)
        XCTAssertEqual(try journal.entries(profileID: id, in: DateRange(day: day)).map(\.id), [breakfast.id, dinner.id])
        XCTAssertEqual(try journal.entries(profileID: id, in: DateRange(from: day, to: day.adding(days: 1))).count, 3)
        XCTAssertEqual(try journal.removeEntry(id: dinner.id, profileID: id)?.foodID, "15237")
        XCTAssertNil(try journal.removeEntry(id: dinner.id, profileID: id), "already removed")
        XCTAssertEqual(try journal.entries(profileID: id, in: DateRange(day: day)).map(\.id), [breakfast.id])
    }

    /// Entries are read by date and id and each day put in meal and time order in Swift;
    /// the order must be SQLite's own `entryOrder` on the same rows, whatever order they
    /// were logged in, with times that tie, differ only in milliseconds, are written with
    /// fewer digits, or (by hand) are not text, which leaves the whole order to SQLite.
    func testEntriesComeInTheJournalsOrderOfADayWhateverOrderTheyWereLoggedIn() throws {
        let journal = try JournalStore(path: path)
        let id = try journal.activeProfile().id
        let meals: [Meal] = [.dinner, .snack, .breakfast, .lunch, .snack, .breakfast, .dinner, .lunch, .breakfast]
        let times = ["2026-11-24 08:00:00.000", "2026-11-24 08:00:00", "2026-11-24 08:00:00.5", "2026-11-24 08:00:00.45",
                     "2026-11-23 21:10:00.000", "2026-11-24 08:00:00.000", "2026-11-25 07:00:00.999"]
        var logged: [Int64] = []
        for n in 0..<27 {
            let date = day.adding(days: (n * 7) % 3)
            logged.append(try journal.addEntry(profileID: id, date: date, meal: meals[n % meals.count], foodID: "01129",
                                               grams: Double(n + 1)).id)
        }
        let database = try DatabaseQueue(path: path)
        try database.write { db in
            for (n, entryID) in logged.enumerated() {
                try db.execute(sql: "UPDATE entry SET logged_at = ? WHERE id = ?", arguments: [times[(n * 5) % times.count], entryID])
            }
        }
        let range = DateRange(from: day, to: day.adding(days: 2))
        func sqliteOrder() throws -> [Int64] {
            try database.read { db in
                try Int64.fetchAll(db, sql: "SELECT id FROM entry WHERE profileId = ? AND date BETWEEN ? AND ? \(JournalStore.entryOrder)",
                                   arguments: [id, range.from.description, range.to.description])
            }
        }
        let read = try journal.entries(profileID: id, in: range).map(\.id)
        XCTAssertEqual(read.count, 27)
        XCTAssertNotEqual(read, logged.sorted(), "the days are not in the order logged")
        XCTAssertEqual(read, try sqliteOrder())
        XCTAssertEqual(try journal.entries(profileID: id).map(\.id), try sqliteOrder())
        // A time stored as a number (not absorb's, nor GRDB's): SQLite orders every row.
        try database.write { db in
            try db.execute(sql: "UPDATE entry SET logged_at = 1764000000 WHERE id = ?", arguments: [logged[4]])
        }
        XCTAssertEqual(try journal.entries(profileID: id, in: range).map(\.id), try sqliteOrder())
    }

    func testAWriteIsWholeOrNothing() throws {
        let journal = try JournalStore(path: path)
        let id = try journal.activeProfile().id
        XCTAssertThrowsError(try journal.addEntries(profileID: id, [
            (day, .lunch, "11457", 30), (day, .lunch, "15237", 150), (day, .lunch, "01129", -1),
        ]))
        XCTAssertEqual(try journal.entries(profileID: id, in: DateRange(day: day)), [], "the first two were rolled back")
        XCTAssertThrowsError(try journal.addEntry(profileID: id, date: day, meal: .lunch, foodID: "11457", grams: .nan))
        // A row the schema refuses (no such profile) is refused whole, with a message.
        XCTAssertThrowsError(try journal.addEntry(profileID: 999, date: day, meal: .lunch, foodID: "11457", grams: 30)) { error in
            XCTAssertTrue("\(error)".contains("Nothing was changed"), "\(error)")
        }
        let saved = try journal.addEntries(profileID: id, [(day, .lunch, "11457", 30), (day, .dinner, "15237", 150)])
        XCTAssertEqual(saved.count, 2)
        XCTAssertEqual(try journal.entries(profileID: id, in: DateRange(day: day)).count, 2)
    }

    func testProfilesAndTargetOverrides() throws {
        let journal = try JournalStore(path: path)
        var stored = try journal.activeProfile()
        stored.profile = PersonProfile(name: "Maya", sex: .female, ageMonths: 34 * 12, condition: .lactation)
        try journal.updateProfile(stored)
        XCTAssertEqual(try journal.activeProfile().profile, stored.profile)
        stored.profile.sex = .male
        XCTAssertThrowsError(try journal.updateProfile(stored), "a male profile cannot be lactating")
        XCTAssertEqual(try journal.activeProfile().profile.sex, .female, "nothing was saved")

        try journal.setTargetOverride(TargetOverride(nutrient: .vitaminD, value: 50, setOn: day), profileID: stored.id)
        try journal.setTargetOverride(TargetOverride(nutrient: .vitaminD, value: 40, setOn: day), profileID: stored.id)
        XCTAssertEqual(try journal.targetOverrides(profileID: stored.id), [TargetOverride(nutrient: .vitaminD, value: 40, setOn: day)])
        XCTAssertTrue(try journal.removeTargetOverride(.vitaminD, profileID: stored.id))
        XCTAssertFalse(try journal.removeTargetOverride(.vitaminD, profileID: stored.id))
        XCTAssertEqual(try journal.targetOverrides(profileID: stored.id), [])

        let second = try journal.addProfile(PersonProfile(name: "Sam", sex: .male, ageMonths: 60 * 12))
        XCTAssertEqual(try journal.activeProfile().id, second.id)
        try journal.activate(profileID: stored.id)
        XCTAssertEqual(try journal.activeProfile().profile.name, "Maya")
        XCTAssertEqual(try journal.profiles().map(\.profile.name), ["Maya", "Sam"])
    }

    func testCustomFoodsRoundTrip() throws {
        let journal = try JournalStore(path: path)
        let food = Food(id: "C1", description: "Grandma's flaxseed bread", group: JournalStore.customFoodGroup,
                        source: .custom, values: FoodValues([.fat: 9.5, .alphaLinolenicAcid: 2.1, .vitaminD: 0]),
                        portions: [Portion(amount: 1, description: "slice", grams: 45)])
        try journal.addCustomFood(food)
        XCTAssertEqual(try journal.customFoods(), [food])
        XCTAssertNil(try journal.customFoods().first?.values[.vitaminK], "unknown stays unknown")
        XCTAssertThrowsError(try journal.addCustomFood(food), "ids are unique")
        XCTAssertThrowsError(try journal.addCustomFood(Food(id: "01123", description: "x", group: "", source: .custom,
                                                            values: FoodValues([:]), portions: [])))
    }

    func testAFileThatIsNotAJournalIsRefusedAndLeftUntouched() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let file = directory + "/notes.sqlite"
        let content = Data("these are my notes, not a database\n".utf8)
        try content.write(to: URL(fileURLWithPath: file))
        XCTAssertThrowsError(try JournalStore(path: file)) { error in
            XCTAssertTrue("\(error)".contains("is not an absorb journal"), "\(error)")
        }
        XCTAssertEqual(FileManager.default.contents(atPath: file), content)
    }

    func testAJournalFromANewerAbsorbIsRefused() throws {
        do {
            let journal = try JournalStore(path: path)
            _ = try journal.activeProfile()
        }
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v2: something from the future')")
        }
        try queue.close()
        XCTAssertThrowsError(try JournalStore(path: path)) { error in
            XCTAssertTrue("\(error)".contains("newer version of absorb"), "\(error)")
        }
    }

    func testLocation() {
        XCTAssertEqual(JournalLocation.path(option: "/tmp/x.sqlite", environment: ["ABSORB_JOURNAL": "/a"]), "/tmp/x.sqlite")
        XCTAssertEqual(JournalLocation.path(option: nil, environment: ["ABSORB_JOURNAL": "/a/j.sqlite", "XDG_DATA_HOME": "/x"]), "/a/j.sqlite")
        XCTAssertEqual(JournalLocation.path(option: nil, environment: ["XDG_DATA_HOME": "/x", "HOME": "/h"]), "/x/absorb/journal.sqlite")
        XCTAssertEqual(JournalLocation.path(option: nil, environment: ["HOME": "/h"]), "/h/.local/share/absorb/journal.sqlite")
        XCTAssertEqual(JournalLocation.path(option: nil, environment: ["XDG_DATA_HOME": "relative", "HOME": "/h"]),
                       "/h/.local/share/absorb/journal.sqlite", "XDG says relative paths are ignored")
    }

    func testAnOlderJournalIsBackedUpBeforeItIsMigrated() throws {
        // A journal as absorb wrote it before migration v2, with one entry.
        try FileManager.default.createDirectory(atPath: directory + "/nested", withIntermediateDirectories: true)
        do {
            let old = try DatabaseQueue(path: path)
            try JournalSchema.migrator.migrate(old, upTo: "v1: profiles, entries, custom foods, target overrides")
            try old.write { db in
                try db.execute(sql: "INSERT INTO profile (name, condition, created_at) VALUES ('Ana', 'none', ?)", arguments: [Date()])
                try db.execute(sql: "INSERT INTO entry (profileId, date, meal, food_id, grams, logged_at) VALUES (1, '2026-11-24', 'lunch', '11457', 30, ?)",
                               arguments: [Date()])
            }
            try old.close()
        }
        let journal = try JournalStore(path: path)
        XCTAssertEqual(try journal.appliedMigrations().count, JournalSchema.migrator.migrations.count)
        XCTAssertEqual(try journal.entries(profileID: 1, in: DateRange(day: day)).map(\.foodID), ["11457"])
        // The copy is the journal as it was: one migration, the entry, private. Its name is
        // the one the README promises (`journal.sqlite.schema-vN.backup`, N the schema
        // version the journal had), written out here rather than asked of the code under test.
        let backup = directory + "/nested/journal.sqlite.schema-v1.backup"
        XCTAssertTrue(FileManager.default.fileExists(atPath: backup), "the backup is named \(backup)")
        let copy = try DatabaseQueue(path: backup)
        XCTAssertEqual(try copy.read { try JournalSchema.migrator.appliedIdentifiers($0) }, ["v1: profiles, entries, custom foods, target overrides"])
        XCTAssertEqual(try copy.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM entry") }, 1)
        let attributes = try FileManager.default.attributesOfItem(atPath: backup)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
        // A journal already current is not copied again, under any name.
        let before = try backupFiles(in: directory + "/nested")
        XCTAssertEqual(before, ["journal.sqlite.schema-v1.backup"])
        _ = try JournalStore(path: path)
        XCTAssertEqual(try backupFiles(in: directory + "/nested"), before, "opening a current journal makes no backup")
    }

    func testOpeningACurrentJournalMakesNoBackupAtAll() throws {
        do {
            let journal = try JournalStore(path: path)
            try journal.addEntry(profileID: try journal.activeProfile().id, date: day, meal: .lunch, foodID: "11457", grams: 30)
        }
        XCTAssertEqual(try backupFiles(in: directory + "/nested"), [], "a new journal is not backed up")
        do { _ = try JournalStore(path: path) }
        do { _ = try JournalStore(path: path) }
        XCTAssertEqual(try backupFiles(in: directory + "/nested"), [], "a current journal, reopened, is not backed up")
    }

    /// Every file in `folder` other than the journal and SQLite's -wal and -shm beside it.
    private func backupFiles(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { !["journal.sqlite", "journal.sqlite-wal", "journal.sqlite-shm"].contains($0) }
            .sorted()
    }

    func testAFullDiskIsAClearErrorAndLosesNothingSaved() throws {
        let profile = try JournalStore(path: path).activeProfile()  // the schema and a profile
        // Reopen with the file allowed to grow only a little: the disk is "full".
        let journal = try JournalStore(path: path, prepareConnection: { db in
            let used = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            try db.execute(sql: "PRAGMA max_page_count = \(used + 2)")
        })
        var saved = 0
        var failure: JournalError?
        for index in 0..<10_000 {
            do {
                _ = try journal.addEntries(profileID: profile.id, (0..<50).map { _ in
                    (date: day, meal: .lunch, foodID: "11457", grams: Double(index + 1))
                })
                saved += 50
            } catch {
                failure = error
                break
            }
        }
        let error = try XCTUnwrap(failure, "the journal never filled up")
        XCTAssertGreaterThan(saved, 0, "some batches fit before the disk was full")
        XCTAssertTrue(error.description.contains("could not be saved"), error.description)
        XCTAssertTrue(error.description.contains("full"), error.description)
        XCTAssertTrue(error.description.contains("Nothing was changed"), error.description)
        // Every batch saved before is there, whole; the failed batch left nothing.
        let entries = try journal.entries(profileID: profile.id, in: DateRange(day: day))
        XCTAssertEqual(entries.count, saved)
        XCTAssertEqual(Set(entries.map(\.grams)).count, saved / 50)
    }
}

/// What the dashboard reads of a long history (issue 20): the recent foods and a
/// fingerprint of the days it holds, never every entry.
final class HeldDaysJournalTests: XCTestCase {
    private var directory = ""

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "absorb-held-\(UUID().uuidString)"
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private let day = try! LocalDate(parsing: "2026-11-24")

    func testRecentEntriesAreEachFoodsLatestNewestLoggedFirstAndStopAtTheLimit() throws {
        let journal = try JournalStore(path: directory + "/journal.sqlite")
        let id = try journal.activeProfile().id
        let start = Date(timeIntervalSince1970: 1_790_000_000)
        // Logged in this order: salmon (a year ago), egg, salmon again (yesterday), kale, egg again.
        let foods = ["15236", "01123", "15236", "11233", "01123"]
        let dates = [day.adding(days: -365), day.adding(days: -3), day.adding(days: -1), day.adding(days: -200), day]
        var saved: [Entry] = []
        for (index, food) in foods.enumerated() {
            saved.append(try journal.addEntry(profileID: id, date: dates[index], meal: .lunch, foodID: food,
                                              grams: Double(10 * (index + 1)), loggedAt: start.addingTimeInterval(Double(index) * 60)))
        }
        // A second profile's entries never count.
        let other = try journal.addProfile(PersonProfile(name: "Ben"))
        try journal.addEntry(profileID: other.id, date: day, meal: .lunch, foodID: "09003", grams: 100,
                             loggedAt: start.addingTimeInterval(3600))
        let recent = try journal.recentEntries(profileID: id, limit: 30)
        XCTAssertEqual(recent.map(\.id), [saved[4].id, saved[3].id, saved[2].id], "egg, kale, salmon: by the time logged")
        XCTAssertEqual(recent.map(\.grams), [50, 40, 30], "each food's latest entry")
        XCTAssertEqual(try journal.recentEntries(profileID: id, limit: 2).map(\.foodID), ["01123", "11233"])
        XCTAssertEqual(try journal.recentEntries(profileID: other.id, limit: 30).map(\.foodID), ["09003"])
    }

    func testTheFingerprintOfHeldDaysChangesOnlyForThoseDays() throws {
        let journal = try JournalStore(path: directory + "/journal.sqlite")
        let id = try journal.activeProfile().id
        let held = DateRange(from: day.adding(days: -59), to: day)
        try journal.addEntry(profileID: id, date: day, meal: .lunch, foodID: "15236", grams: 100)
        let before = try journal.entriesFingerprint(profileID: id, in: held)
        let whole = try journal.entriesFingerprint(profileID: id)
        try journal.addEntry(profileID: id, date: day.adding(days: -90), meal: .lunch, foodID: "15236", grams: 100)
        XCTAssertEqual(try journal.entriesFingerprint(profileID: id, in: held), before, "a day not held")
        XCTAssertNotEqual(try journal.entriesFingerprint(profileID: id), whole)
        let inside = try journal.addEntry(profileID: id, date: day.adding(days: -59), meal: .lunch, foodID: "15236", grams: 100)
        XCTAssertNotEqual(try journal.entriesFingerprint(profileID: id, in: held), before, "the first day held")
        let after = try journal.entriesFingerprint(profileID: id, in: held)
        _ = try journal.removeEntry(id: inside.id, profileID: id)
        XCTAssertEqual(try journal.entriesFingerprint(profileID: id, in: held), before)
        XCTAssertNotEqual(after, before)
    }

    func testTheRecentFoodsReadUsesTheIndexOnTheTimeLoggedAndSortsNothing() throws {
        _ = try JournalStore(path: directory + "/journal.sqlite")
        let queue = try DatabaseQueue(path: directory + "/journal.sqlite")
        let plan = try queue.read { db in
            try Row.fetchAll(db, sql: """
                EXPLAIN QUERY PLAN SELECT id FROM entry WHERE profileId = 1 ORDER BY logged_at DESC, id DESC
                """).map { $0["detail"] as String? ?? "" }.joined(separator: "; ")
        }
        XCTAssertTrue(plan.contains("entry_on_profile_logged"), plan)
        XCTAssertFalse(plan.contains("TEMP B-TREE"), plan)
    }
}
