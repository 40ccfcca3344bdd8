import Foundation
import GRDB
import XCTest
@testable import Journal
@testable import NutrientModel

/// Trials in the journal (issue 22): migration v7 after v6 with the backup, saving, ending,
/// and a refused trial saving nothing.
final class TrialStoreTests: XCTestCase {
    static let data: NutrientData = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try! NutrientData(directory: root.appendingPathComponent("Data").path)
    }()
    private var directory: String!

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "absorb-trial-tests-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func day(_ text: String) -> LocalDate { try! LocalDate(parsing: text) }

    func testV7ComesAfterV6AndAV6JournalIsBackedUpFirst() throws {
        let names = JournalSchema.migrator.migrations
        let v6 = try XCTUnwrap(names.firstIndex { $0.hasPrefix("v6: ") })
        XCTAssertTrue(names[v6 + 1].hasPrefix("v7: trials"), "\(names)")
        let path = directory + "/journal.sqlite"
        do {
            let old = try DatabaseQueue(path: path)
            try JournalSchema.migrator.migrate(old, upTo: names[v6])
            try old.write { db in
                try db.execute(sql: "INSERT INTO profile (name, condition, created_at) VALUES ('Ana', 'none', ?)", arguments: [Date()])
            }
            try old.close()
        }
        let journal = try JournalStore(path: path)
        XCTAssertEqual(try journal.appliedMigrations().last, names[v6 + 1])
        XCTAssertTrue(FileManager.default.fileExists(atPath: path + ".schema-v6.backup"))
        let copy = try DatabaseQueue(path: path + ".schema-v6.backup")
        XCTAssertFalse(try copy.read { try $0.tableExists("trial") }, "the backup is the journal as it was")
        XCTAssertEqual(try journal.trials(profileID: try journal.activeProfile().id), [])
    }

    func testATrialIsSavedEndedAndARefusedOneSavesNothing() throws {
        let journal = try JournalStore(path: directory + "/j.sqlite")
        let id = try journal.activeProfile().id
        let data = Self.data
        let today = day("2026-11-30")
        let trial = Trial(name: "no dairy", kind: .remove("no_dairy"), start: day("2026-11-10"), weeks: 3, reintroduceWeeks: 1)
        try journal.addTrial(trial, profileID: id) { existing throws(TrialError) in
            try data.checkTrial(trial, existing: existing, today: today)
        }
        XCTAssertEqual(try journal.trials(profileID: id), [trial])
        let overlapping = Trial(name: "vitamin D", kind: .supplement("S0001"), start: day("2026-11-20"), weeks: 2)
        XCTAssertThrowsError(try journal.addTrial(overlapping, profileID: id) { existing throws(TrialError) in
            try data.checkTrial(overlapping, existing: existing, today: today)
        }) { error in
            XCTAssertTrue("\(error)".contains("the trial was not saved: the trial would overlap \"no dairy\""), "\(error)")
        }
        XCTAssertEqual(try journal.trials(profileID: id), [trial])
        let ended = try journal.endTrial(named: "no dairy", on: day("2026-11-25"), profileID: id)
        XCTAssertEqual(ended?.endedOn, day("2026-11-25"))
        XCTAssertEqual(try journal.trials(profileID: id).first?.lastDay, day("2026-11-25"))
        XCTAssertNil(try journal.endTrial(named: "none such", on: today, profileID: id))
        try journal.removeAllTrials(profileID: id)
        XCTAssertEqual(try journal.trials(profileID: id), [])
    }
}
