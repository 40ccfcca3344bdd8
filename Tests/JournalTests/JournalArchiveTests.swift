import DataFiles
import Foundation
import XCTest
import GRDB
@testable import Journal
import NutrientModel

/// Export and import: an export imported into an empty journal exports again byte for
/// byte, in JSON and in CSV; an import adds and never overwrites; a bad archive is refused
/// whole with its place named.
final class JournalArchiveTests: XCTestCase {
    var directory: String!

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "absorb-archive-tests-\(UUID().uuidString)"
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func journal(_ name: String) throws -> JournalStore { try JournalStore(path: "\(directory!)/\(name).sqlite") }
    private func day(_ text: String) -> LocalDate { try! LocalDate(parsing: text) }

    private var context: ArchiveContext {
        ArchiveContext(foods: FoodTable.bundledForTests, knownDiets: ["vegetarian", "no_fish"], maxEntryGrams: 10_000)
    }

    /// A journal with something of everything, including awkward values: a weight that is
    /// not a short decimal (0.1 + 0.2), a quote and a comma in a name, an unknown value,
    /// a target, favourites, a recipe, times to the millisecond, two profiles.
    private func richJournal() throws -> JournalStore {
        let store = try journal("rich")
        let me = try store.activeProfile()
        var changed = me
        changed.profile = PersonProfile(name: "Me", sex: .female, ageMonths: 34 * 12, fatThresholdGrams: 4.5, diets: ["no_fish"])
        try store.updateProfile(changed)
        try store.setTargetOverride(TargetOverride(nutrient: .vitaminD, value: 25, setOn: day("2026-11-24")), profileID: me.id)
        let moment = Date(timeIntervalSince1970: 1_795_000_000.125)
        try store.addEntry(profileID: me.id, date: day("2026-11-20"), meal: .lunch, foodID: "11457", grams: 0.1 + 0.2, loggedAt: moment)
        // Logged as one bar: the measure comes across both forms (v5 journals on).
        try store.addEntry(profileID: me.id, date: day("2026-11-20"), meal: .breakfast, foodID: "C0001", grams: 40, loggedAt: moment,
                           measure: LoggedMeasure(amount: 1, unit: "bar"))
        try store.addEntry(profileID: me.id, date: day("2026-11-21"), meal: .dinner, foodID: "R0001", grams: 70, loggedAt: moment)
        try store.addEntry(profileID: me.id, date: day("2026-11-21"), meal: .dinner, foodID: "R0001", grams: 70, loggedAt: moment)
        try store.addCustomFood(Food(id: "C0001", description: "Granola bar, \"Brand X\"", group: "Custom foods", source: .custom,
                                     values: FoodValues([.energy: 450, .fat: 17.5, .vitaminE: 3.75]),
                                     portions: [Portion(amount: 1, description: "bar", grams: 40)]))
        try store.addRecipe(Recipe(id: "R0001", name: "Spinach omelette",
                                   ingredients: [.init(foodID: "01123", grams: 100), .init(foodID: "11457", grams: 30)],
                                   cookedGrams: 120, servings: 2))
        try store.setFavourite("15237", true, profileID: me.id)
        try store.setFavourite("C0001", true, profileID: me.id)
        let patient = try store.addProfile(PersonProfile(name: "Patient, A", sex: .male, ageMonths: 70 * 12))
        try store.addEntry(profileID: patient.id, date: day("2026-11-22"), meal: .snack, foodID: "15237", grams: 150)
        try store.activate(profileID: me.id)
        return store
    }

    func testAnExportImportedIntoAnEmptyJournalExportsTheSameInJSONAndCSV() throws {
        let original = try richJournal().exportArchive()
        XCTAssertEqual(original.profiles.map(\.name), ["Me", "Patient, A"])
        XCTAssertEqual(original.profiles[0].entries.count, 4)

        let json = original.json()
        let fromJSON = try journal("from-json")
        let read = try JournalArchive.read(json: Array(json.utf8), fileName: "e.json")
        XCTAssertEqual(try read.validate(context) { $0.jsonPath($1) }, [])
        let summary = try fromJSON.importArchive(read)
        XCTAssertEqual(summary.entriesAdded, 5)
        XCTAssertEqual(summary.profilesAdded, 2)
        XCTAssertEqual(try fromJSON.exportArchive().json(), json, "JSON: export → import → export is identical")

        let csv = original.csv()
        let fromCSV = try journal("from-csv")
        let (readCSV, places) = try JournalArchive.read(csv: Array(csv.utf8), fileName: "e.csv")
        XCTAssertEqual(readCSV, original, "the CSV form holds everything the JSON form does")
        _ = try readCSV.validate(context, locate: places.locate)
        _ = try fromCSV.importArchive(readCSV)
        XCTAssertEqual(try fromCSV.exportArchive().csv(), csv, "CSV: export → import → export is identical")

        // The imported journal is the same journal, not just the same text.
        let imported = try fromCSV.activeProfile()
        XCTAssertEqual(imported.profile.name, "Me", "the active profile comes across")
        XCTAssertEqual(imported.profile.diets, ["no_fish"])
        XCTAssertEqual(try fromCSV.entries(profileID: imported.id).map(\.grams), [40, 0.1 + 0.2, 70, 70])
        XCTAssertEqual(try fromCSV.entries(profileID: imported.id).map(\.measure), [LoggedMeasure(amount: 1, unit: "bar"), nil, nil, nil])
        XCTAssertEqual(try fromCSV.targetOverrides(profileID: imported.id).first?.value, 25)
        XCTAssertNil(try fromCSV.customFoods().first?.values[.vitaminK], "unknown stays unknown")
        XCTAssertEqual(try fromCSV.favourites(profileID: imported.id), ["15237", "C0001"])
        XCTAssertEqual(try fromCSV.recipes().first?.cookedGrams, 120)
    }

    func testImportingTheSameFileTwiceChangesNothingAndNeverOverwrites() throws {
        let archive = try richJournal().exportArchive()
        let target = try journal("target")
        _ = try target.importArchive(archive)
        let once = try target.exportArchive().json()
        let again = try target.importArchive(archive)
        XCTAssertEqual(again.entriesAdded, 0)
        XCTAssertEqual(again.entriesAlreadyThere, 5, "the two identical dinners count as two, each already there")
        XCTAssertEqual(again.profilesMatched, 2)
        XCTAssertEqual(again.foodsAlreadyThere, 1)
        XCTAssertEqual(try target.exportArchive().json(), once)

        // The person changed their target since: an import keeps theirs.
        let me = try target.activeProfile()
        try target.setTargetOverride(TargetOverride(nutrient: .vitaminD, value: 40, setOn: day("2026-11-25")), profileID: me.id)
        let third = try target.importArchive(archive)
        XCTAssertEqual(third.targetsKept, 1)
        XCTAssertEqual(try target.targetOverrides(profileID: me.id).first?.value, 40)
    }

    func testACustomFoodWhoseIdIsTakenByADifferentFoodStopsTheWholeImport() throws {
        let archive = try richJournal().exportArchive()
        let target = try journal("clash")
        try target.addCustomFood(Food(id: "C0001", description: "Something else", group: "Custom foods", source: .custom,
                                      values: FoodValues([.energy: 100]), portions: []))
        let before = try target.exportArchive().json()
        XCTAssertThrowsError(try target.importArchive(archive)) { error in
            XCTAssertTrue("\(error)".contains("already has a different custom food C0001"), "\(error)")
        }
        XCTAssertEqual(try target.exportArchive().json(), before, "nothing of a failed import is saved")
    }

    func testARangeExportsOnlyItsEntriesButEveryProfileAndFood() throws {
        let store = try richJournal()
        let archive = try store.exportArchive(range: DateRange(from: day("2026-11-21"), to: day("2026-11-22")))
        XCTAssertEqual(archive.from, "2026-11-21")
        XCTAssertEqual(archive.profiles.map { $0.entries.count }, [2, 1])
        XCTAssertEqual(archive.customFoods.count, 1)
        let one = try store.exportArchive(profileID: try store.profiles()[1].id)
        XCTAssertEqual(one.profiles.map(\.name), ["Patient, A"])
    }

    func testBadValuesAreNamedByTheirPlace() throws {
        var archive = try richJournal().exportArchive()
        func problem(_ change: (inout JournalArchive) -> Void) -> String {
            var copy = archive
            change(&copy)
            do { _ = try copy.validate(context) { $0.jsonPath($1) }; return "" } catch { return error.description }
        }
        XCTAssertEqual(problem { $0.profiles[0].entries[1].grams = -5 }, "profiles[0].entries[1].grams: must be a number above 0, found -5.0")
        XCTAssertEqual(problem { $0.profiles[0].entries[1].grams = 1e9 },
                       "profiles[0].entries[1].grams: 1,000,000,000 is more than 10,000 g: too much to be real")
        XCTAssertTrue(problem { $0.profiles[0].entries[0].date = "2026-02-30" }.hasPrefix("profiles[0].entries[0].date: "))
        XCTAssertEqual(problem { $0.profiles[0].entries[0].meal = "brunch" },
                       "profiles[0].entries[0].meal: \"brunch\" must be one of breakfast, lunch, dinner, snack")
        XCTAssertEqual(problem { $0.profiles[0].entries[0].loggedAt = "yesterday" },
                       "profiles[0].entries[0].logged_at: \"yesterday\" is not a time: expected YYYY-MM-DDTHH:MM:SS.sssZ (UTC)")
        XCTAssertEqual(problem { $0.profiles[1].name = "me" }, "profiles[1].name: the profile \"me\" appears twice")
        XCTAssertTrue(problem { $0.profiles[0].targets[0].nutrient = "vitamin_q" }
                        .hasPrefix("profiles[0].targets[0].nutrient: unknown nutrient \"vitamin_q\" (known: "))
        XCTAssertEqual(problem { $0.customFoods[0].values["fat_g"] = 150 },
                       "custom_foods[0].values.fat_g: 150 g per 100 g is more than food can hold")
        XCTAssertEqual(problem { $0.recipes[0].ingredients[0] = .init(foodID: "nope", grams: 1) },
                       "recipes[0].ingredients[0].food_id: nope is not in the food table, the custom foods or an earlier recipe")
        XCTAssertEqual(problem { $0.version = 5 },
                       "version: version 5 was written by a newer absorb (this one reads up to 4); update absorb to import it")
        archive.profiles[0].entries[0].foodID = "77777"
        XCTAssertEqual(try archive.validate(context) { $0.jsonPath($1) },
                       ["profile \"Me\": 1 entry names a food this food table lacks; kept, and shown as unknown foods"])
    }

    func testMalformedFilesSayWhere() {
        func jsonError(_ text: String) -> String {
            do { _ = try JournalArchive.read(json: Array(text.utf8), fileName: "x.json"); return "" } catch { return error.description }
        }
        XCTAssertEqual(jsonError(#"{"format":"absorb-journal","version":1,"profiles":[{"name":3}],"custom_foods":[],"recipes":[]}"#),
                       "x.json: profiles[0].name: expected a string. Nothing was imported.")
        XCTAssertEqual(jsonError(#"{"format":"absorb-journal","version":1,"custom_foods":[],"recipes":[]}"#),
                       "x.json: the key \"profiles\" is missing. Nothing was imported.")
        XCTAssertTrue(jsonError("{").hasPrefix("x.json: not valid JSON"), jsonError("{"))

        func csvError(_ text: String) -> String {
            do { _ = try JournalArchive.read(csv: Array(text.utf8), fileName: "x.csv"); return "" } catch { return error.description }
        }
        let head = "record,format,version,from,to\narchive,absorb-journal,1,,\n"
        let profiles = "record,name,sex,age_months,condition,fat_threshold_g,diets,active,created_at\nprofile,Me,,,none,,,yes,2026-11-25T05:19:54.804Z\n"
        let entries = "record,profile,date,meal,food_id,grams,logged_at\n"
        XCTAssertEqual(csvError(head + profiles + entries + "entry,Me,2026-11-20,lunch,11457,lots,2026-11-25T05:19:55.039Z\n"),
                       "x.csv:6:33: grams must be a number, found \"lots\"")
        XCTAssertEqual(csvError(head + profiles + entries + "entry,You,2026-11-20,lunch,11457,3,2026-11-25T05:19:55.039Z\n"),
                       "x.csv:6:7: no profile \"You\" above this row")
        XCTAssertEqual(csvError(head + profiles + entries + "entry,Me,2026-11-20,lunch,11457,3\n"),
                       "x.csv:6:1: expected 7 fields as in the header above, found 6")
        XCTAssertEqual(csvError(head + "meal,Me\n"), "x.csv:3:1: unknown kind of row \"meal\" (known: archive, profile, target, favourite, food, portion, recipe, ingredient, entry, checkin, probiotic, trial, end)")
        XCTAssertEqual(csvError(""), "x.csv: not an absorb journal export: it has no \"archive\" row (export one with absorb export --format csv)")
        XCTAssertEqual(csvError("entry,Me\n"), "x.csv:1:1: a row comes before any header row (a header row starts with \"record\")")
    }

    func testContentErrorsInACSVNameLineAndColumn() throws {
        // Changed as a value and written again (a changed file fails its checksum first).
        var changed = try richJournal().exportArchive()
        let index = try XCTUnwrap(changed.profiles[0].entries.firstIndex { $0.meal == "lunch" && $0.foodID == "11457" })
        changed.profiles[0].entries[index].meal = "brunch"
        let text = changed.csv()
        let (archive, places) = try JournalArchive.read(csv: Array(text.utf8), fileName: "e.csv")
        let line = text.components(separatedBy: "\r\n").firstIndex { $0.contains(",brunch,") }! + 1
        XCTAssertThrowsError(try archive.validate(context, locate: places.locate)) { error in
            XCTAssertEqual("\(error)", "e.csv:\(line):21 (meal): \"brunch\" must be one of breakfast, lunch, dinner, snack")
        }
    }

    func testArchiveTimesAreTheJournalsTextAndBadOnesAreRefused() {
        for (archive, journal) in [("2026-11-24T09:30:00.125Z", "2026-11-24 09:30:00.125"),
                                   ("2026-11-24T09:30:00Z", "2026-11-24 09:30:00"),
                                   ("2024-02-29T23:59:59.5Z", "2024-02-29 23:59:59.5")] {
            XCTAssertEqual(ArchiveTime.journalText(fromArchive: archive), journal)
            XCTAssertEqual(ArchiveTime.archiveText(fromJournal: journal), archive)
        }
        for bad in ["2026-02-30T10:00:00Z", "2026-11-24T24:00:00Z", "2026-11-24T09:60:00Z", "2026-11-24T09:30:60Z",
                    "2026-11-24T09:30:00", "2026-11-24 09:30:00Z", "2026-11-24T09:30:00.Z", "2026-11-24T09:30:00.1234Z",
                    "0000-01-01T00:00:00Z", "2026-11-24T09:30:0xZ", "", "Z"] {
            XCTAssertNil(ArchiveTime.journalText(fromArchive: bad), bad)
        }
    }

    func testJournalTimesAreReadAsGRDBReadsThem() throws {
        // What GRDB writes for a Date, read back by hand and by GRDB: the same instant.
        var instants = [Date(timeIntervalSince1970: 1_795_519_800.125), Date(timeIntervalSince1970: 0),
                        Date(timeIntervalSince1970: 951_782_399.999), Date(timeIntervalSince1970: -86_400.5)]
        // Seeded, so a failure can be replayed: ABSORB_TEST_SEED=<the seed in the message> swift test.
        let seed = ProcessInfo.processInfo.environment["ABSORB_TEST_SEED"].flatMap { UInt64($0) } ?? 20_261_124
        var generator = SeededGenerator(seed: seed)
        for _ in 0..<500 { instants.append(Date(timeIntervalSince1970: Double(Int.random(in: -2_000_000_000...4_000_000_000, using: &generator)) + Double(Int.random(in: 0..<1_000, using: &generator)) / 1_000)) }
        for instant in instants {
            let text = try XCTUnwrap(String.fromDatabaseValue(instant.databaseValue))
            let byGRDB = try XCTUnwrap(Date.fromDatabaseValue(text.databaseValue))
            let byHand = try XCTUnwrap(ArchiveTime.date(fromJournal: text), "\(text) (seed \(seed))")
            XCTAssertEqual(byHand.timeIntervalSince1970, byGRDB.timeIntervalSince1970, accuracy: 1e-6, "\(text) (seed \(seed))")
        }
        for (text, seconds) in [("2026-11-24 11:30:00", 1_795_519_800.0), ("2026-11-24 11:30:00.5", 1_795_519_800.5),
                                ("2026-11-24 11:30:00.25", 1_795_519_800.25), ("1970-01-01 00:00:00.001", 0.001)] {
            XCTAssertEqual(try XCTUnwrap(ArchiveTime.date(fromJournal: text)).timeIntervalSince1970, seconds, accuracy: 1e-6, text)
        }
        // A time in another form GRDB reads (here with a T) is left to GRDB: the entry
        // still reads, with its instant.
        let store = try journal("other-time")
        let me = try store.activeProfile()
        let entry = try store.addEntry(profileID: me.id, date: day("2026-11-24"), meal: .lunch, foodID: "11457", grams: 30)
        try DatabaseQueue(path: store.path).write { db in
            try db.execute(sql: "UPDATE entry SET logged_at = '2026-11-24T11:30:00.500' WHERE id = ?", arguments: [entry.id])
        }
        let read = try XCTUnwrap(try store.entries(profileID: me.id).first)
        XCTAssertEqual(read.loggedAt.timeIntervalSince1970, 1_795_519_800.5, accuracy: 1e-6)
        for bad in ["2026-11-24T11:30:00", "2026-11-24 11:30:00.", "2026-11-24 11:30:00.1234", "2026-02-30 11:30:00",
                    "2026-11-24 24:00:00", "2026-11-24 11:3x:00", "", "1795519800"] {
            XCTAssertNil(ArchiveTime.date(fromJournal: bad), bad)
        }
    }
}

extension FoodTable {
    /// The bundled foods and supplements, for checking archives against.
    static let bundledForTests: FoodTable = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try! NutrientData(directory: root.appendingPathComponent("Data").path).foods
    }()
}

/// A small seeded generator (SplitMix64), so random tests can be replayed from their seed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
