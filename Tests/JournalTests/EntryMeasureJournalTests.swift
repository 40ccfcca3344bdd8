import Foundation
import GRDB
import XCTest
@testable import Journal
import NutrientModel

/// The measure an entry was logged in (migration v5), and the undo of the dashboard:
/// changes made only where the journal is as they expect.
final class EntryMeasureJournalTests: XCTestCase {
    var directory: String!

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "absorb-measure-tests-\(UUID().uuidString)"
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func journal() throws -> JournalStore { try JournalStore(path: "\(directory!)/journal.sqlite") }
    private let day = LocalDate(year: 2026, month: 11, day: 25)!

    func testTheMigrationComesAfterV4AndKeepsOlderEntriesInGrams() throws {
        let names = JournalSchema.migrator.migrations
        let v4 = try XCTUnwrap(names.firstIndex { $0.hasPrefix("v4: ") })
        XCTAssertTrue(names[v4 + 1].hasPrefix("v5: entry measure"), "\(names)")
        let store = try journal()
        let profile = try store.activeProfile()
        let grams = try store.addEntry(profileID: profile.id, date: day, meal: .lunch, foodID: "15236", grams: 100)
        let ounce = try store.addEntry(profileID: profile.id, date: day, meal: .lunch, foodID: "15236", grams: 28.35,
                                       measure: LoggedMeasure(amount: 1, unit: "oz"))
        let read = try store.entries(profileID: profile.id)
        XCTAssertEqual(read.first { $0.id == grams.id }?.measure, nil)
        XCTAssertEqual(read.first { $0.id == ounce.id }?.measure, LoggedMeasure(amount: 1, unit: "oz"))
        // A change of unit is saved with the entry.
        let changed = Entry(id: ounce.id, date: day, meal: .lunch, foodID: "15236", grams: 56.7, loggedAt: ounce.loggedAt,
                            measure: LoggedMeasure(amount: 2, unit: "oz"))
        try store.updateEntry(changed, profileID: profile.id)
        XCTAssertEqual(try store.entries(profileID: profile.id).first { $0.id == ounce.id }?.measure?.amount, 2)
    }

    func testAnArchiveFromBeforeMeasuresImportsInGrams() throws {
        let csv = """
            record,format,version,from,to
            archive,absorb-journal,1,,
            record,name,sex,age_months,condition,fat_threshold_g,diets,active,created_at
            profile,Me,,,none,,,yes,2026-11-25T05:19:54.804Z
            record,profile,date,meal,food_id,grams,logged_at
            entry,Me,2026-11-20,lunch,11457,30,2026-11-25T05:19:55.039Z

            """
        let (archive, _) = try JournalArchive.read(csv: Array(csv.utf8), fileName: "old.csv")
        XCTAssertNil(archive.profiles[0].entries[0].measureAmount)
        let store = try journal()
        _ = try store.importArchive(archive)
        let profile = try store.activeProfile()
        XCTAssertEqual(try store.entries(profileID: profile.id).map(\.measure), [nil])
        // And a JSON archive without the keys reads as well; one with them keeps them.
        let exported = try store.exportArchive()
        XCTAssertFalse(exported.json().contains("measure_"), "no measure, no keys: older readers see the same file")
    }

    func testUndoChangesOnlyWhatIsAsItExpects() throws {
        let store = try journal()
        let profile = try store.activeProfile()
        let a = try store.addEntry(profileID: profile.id, date: day, meal: .lunch, foodID: "15236", grams: 100)
        let b = try store.addEntry(profileID: profile.id, date: day, meal: .lunch, foodID: "01123", grams: 50)
        // Another process changed b: removing both (undoing a copy) changes nothing and names b.
        let changedB = Entry(id: b.id, date: day, meal: .dinner, foodID: "01123", grams: 50, loggedAt: b.loggedAt)
        try store.updateEntry(changedB, profileID: profile.id)
        XCTAssertEqual(try store.applyEntryChange(profileID: profile.id, remove: [a, b], insert: [], change: []), [b.id])
        XCTAssertEqual(try store.entries(profileID: profile.id).count, 2, "nothing was removed")
        // As expected: both go, in one step, and come back with their ids.
        XCTAssertEqual(try store.applyEntryChange(profileID: profile.id, remove: [a, changedB], insert: [], change: []), [])
        XCTAssertEqual(try store.entries(profileID: profile.id).count, 0)
        XCTAssertEqual(try store.applyEntryChange(profileID: profile.id, remove: [], insert: [a, changedB], change: []), [])
        XCTAssertEqual(Set(try store.entries(profileID: profile.id).map(\.id)), [a.id, b.id])
        // Putting back an entry that is there is refused.
        XCTAssertEqual(try store.applyEntryChange(profileID: profile.id, remove: [], insert: [a], change: []), [a.id])
        // A profile change is undone only while the profile is as the change left it.
        var renamed = profile
        renamed.profile.name = "Ben"
        try store.updateProfile(renamed)
        XCTAssertFalse(try store.replaceProfile(profile, with: profile), "the profile is Ben now, not as expected")
        XCTAssertTrue(try store.replaceProfile(renamed, with: profile))
        XCTAssertEqual(try store.activeProfile().profile.name, profile.profile.name)
        // A profile added is taken out only while it has nothing logged; and put back with its id.
        let added = try store.addProfile(PersonProfile(name: "Profile 2"))
        XCTAssertTrue(try store.removeAddedProfile(added, activating: profile.id))
        XCTAssertTrue(try store.restoreProfile(added))
        XCTAssertEqual(try store.activeProfile().id, added.id)
        try store.addEntry(profileID: added.id, date: day, meal: .lunch, foodID: "15236", grams: 10)
        XCTAssertFalse(try store.removeAddedProfile(added, activating: profile.id), "it has an entry now")
    }

    func testANewFoodIsTakenOutOnlyWhileNothingUsesIt() throws {
        let store = try journal()
        let profile = try store.activeProfile()
        let food = Food(id: "C0001", description: "Granola bar", group: "Custom foods", source: .custom,
                        values: FoodValues([.energy: 450, .fat: 17.5]), portions: [Portion(amount: 1, description: "bar", grams: 40)])
        try store.addCustomFood(food)
        let entry = try store.addEntry(profileID: profile.id, date: day, meal: .lunch, foodID: "C0001", grams: 40)
        XCTAssertFalse(try store.removeCustomFood(food), "an entry uses it")
        _ = try store.removeEntry(id: entry.id, profileID: profile.id)
        XCTAssertTrue(try store.removeCustomFood(food))
        XCTAssertEqual(try store.customFoods(), [])
        XCTAssertTrue(try store.restoreCustomFood(food))
        XCTAssertEqual(try store.customFoods().map(\.id), ["C0001"])
        XCTAssertEqual(try store.customFoods().first?.portions.first?.grams, 40)
        XCTAssertFalse(try store.restoreCustomFood(food), "the id is taken")
    }
}
