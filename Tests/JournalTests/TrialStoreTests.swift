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
        XCTAssertTrue(try journal.appliedMigrations().contains(names[v6 + 1]))
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

    private var context: ArchiveContext {
        ArchiveContext(foods: Self.data.foods, knownDiets: Set(Self.data.diets.diets.map(\.key)), maxEntryGrams: 10_000,
                       checkInScales: Self.data.checkInScales)
    }

    /// A journal with an entry, a check-in and two trials (one ended early, with a name that
    /// needs quoting in CSV).
    private func journalWithTrials(_ name: String = "j") throws -> JournalStore {
        let journal = try JournalStore(path: "\(directory!)/\(name).sqlite")
        let id = try journal.activeProfile().id
        try journal.addEntry(profileID: id, date: day("2026-11-20"), meal: .lunch, foodID: "11457", grams: 60)
        try journal.saveCheckIn(CheckIn(date: day("2026-11-20"), itch: 4), profileID: id, scales: Self.data.checkInScales)
        let today = day("2026-12-01")
        for trial in [Trial(name: "no dairy, \"strict\"", kind: .remove("no_dairy"), start: day("2026-10-01"), weeks: 3, reintroduceWeeks: 1,
                            endedOn: day("2026-10-20")),
                      Trial(name: "vitamin D", kind: .supplement("S0001"), start: day("2026-11-10"), weeks: 8)] {
            try journal.addTrial(trial, profileID: id) { existing throws(TrialError) in
                try Self.data.checkTrial(trial, existing: existing, today: today)
            }
        }
        return journal
    }

    func testTrialsSurviveExportImportExportIdenticallyInJSONAndCSV() throws {
        let original = try journalWithTrials().exportArchive()
        XCTAssertEqual(original.version, 4)
        XCTAssertEqual(original.profiles[0].trials?.map(\.name), ["no dairy, \"strict\"", "vitamin D"])
        XCTAssertEqual(original.profiles[0].trials?.first?.endedOn, "2026-10-20")
        let json = original.json()
        XCTAssertTrue(json.contains("\"trials\" : 2"), "the end counts the trials")
        let read = try JournalArchive.read(json: Array(json.utf8), fileName: "e.json")
        XCTAssertEqual(read, original)
        _ = try read.validate(context) { $0.jsonPath($1) }
        let fromJSON = try JournalStore(path: directory + "/from-json.sqlite")
        XCTAssertEqual(try fromJSON.importArchive(read).trialsAdded, 2)
        XCTAssertEqual(try fromJSON.exportArchive().json(), json, "JSON: export → import → export is identical")

        let csv = original.csv()
        XCTAssertTrue(csv.contains("trial,Me,\"no dairy, \"\"strict\"\"\",remove,no_dairy,2026-10-01,3,1,2026-10-20,"), csv)
        XCTAssertTrue(csv.contains("record,profiles,targets,favourites,custom_foods,portions,recipes,ingredients,entries,check_ins,probiotics,trials,sha256"))
        let (readCSV, places) = try JournalArchive.read(csv: Array(csv.utf8), fileName: "e.csv")
        XCTAssertEqual(readCSV, original)
        _ = try readCSV.validate(context, locate: places.locate)
        let fromCSV = try JournalStore(path: directory + "/from-csv.sqlite")
        _ = try fromCSV.importArchive(readCSV)
        XCTAssertEqual(try fromCSV.exportArchive().csv(), csv, "CSV: export → import → export is identical")
        XCTAssertEqual(try fromCSV.trials(profileID: try fromCSV.activeProfile().id), try journalWithTrials("again").trials(profileID: 1))
        // Again: nothing added, the journal's trials kept.
        let again = try fromCSV.importArchive(readCSV)
        XCTAssertEqual(again.trialsAdded, 0)
        XCTAssertEqual(again.trialsKept, 2)
    }

    func testAVersion3ArchiveStillImportsAndCannotHoldTrials() throws {
        var old = try journalWithTrials().exportArchive()
        old.profiles[0].trials = nil
        old.version = 3
        let csv = old.csv()
        XCTAssertTrue(csv.contains("archive,absorb-journal,3,"))
        XCTAssertFalse(csv.contains("record,profile,name,kind"), "a version 3 file is written as version 3 was")
        XCTAssertTrue(csv.contains("check_ins,probiotics,sha256"))
        let (read, places) = try JournalArchive.read(csv: Array(csv.utf8), fileName: "v3.csv")
        _ = try read.validate(context, locate: places.locate)
        XCTAssertEqual(try JournalArchive.read(json: Array(old.json().utf8), fileName: "v3.json"), read)
        let imported = try JournalStore(path: directory + "/from-v3.sqlite")
        let summary = try imported.importArchive(read)
        XCTAssertEqual(summary.checkInsAdded, 1)
        XCTAssertEqual(summary.trialsAdded, 0)
        // A trial row in a version 3 file is refused where it is.
        let edited = csv.replacingOccurrences(of: "record,profile,date,itch", with: "record,profile,name,kind,value,start,weeks,reintroduce_weeks,ended_on,created_at\r\ntrial,Me,x,remove,no_dairy,2026-10-01,3,0,,2026-10-01T00:00:00.000Z\r\nrecord,profile,date,itch")
        XCTAssertThrowsError(try JournalArchive.read(csv: Array(edited.utf8), fileName: "v3.csv")) { error in
            XCTAssertTrue("\(error)".contains("trials came with version 4"), "\(error)")
        }
        var withTrials = try journalWithTrials("b").exportArchive()
        withTrials.version = 3
        XCTAssertThrowsError(try withTrials.validate(context) { $0.jsonPath($1) }) { error in
            XCTAssertTrue("\(error)".contains("trials came with version 4"), "\(error)")
        }
    }

    func testBadTrialsInAnArchiveAreNamedByTheirPlaceAndNothingIsImported() throws {
        let original = try journalWithTrials().exportArchive()
        func refusal(_ change: (inout JournalArchive) -> Void) -> String {
            var archive = original
            change(&archive)
            do { _ = try archive.validate(context) { $0.jsonPath($1) }; return "accepted" } catch { return error.description }
        }
        XCTAssertTrue(refusal { $0.profiles[0].trials![0].value = "dairy" }.hasPrefix("profiles[0].trials[0].value: unknown diet \"dairy\""))
        XCTAssertTrue(refusal { $0.profiles[0].trials![0].kind = "swap" }.hasPrefix("profiles[0].trials[0].kind:"))
        XCTAssertTrue(refusal { $0.profiles[0].trials![0].start = "2026-02-30" }.hasPrefix("profiles[0].trials[0].start:"))
        XCTAssertTrue(refusal { $0.profiles[0].trials![1].weeks = 0 }.hasPrefix("profiles[0].trials[1].weeks:"))
        XCTAssertTrue(refusal { $0.profiles[0].trials![1].name = "No dairy, \"strict\"" }.contains("two trials named"))
        XCTAssertTrue(refusal { $0.profiles[0].trials![1].start = "2026-10-15" }.contains("overlaps"))
        // Into a journal whose trial overlaps one of the file's: refused, nothing imported.
        let other = try JournalStore(path: directory + "/other.sqlite")
        let id = try other.activeProfile().id
        let mine = Trial(name: "mine", kind: .add("11457"), start: day("2026-11-20"), weeks: 2)
        try other.addTrial(mine, profileID: id) { _ throws(TrialError) in }
        let before = try other.exportArchive().json()
        XCTAssertThrowsError(try other.importArchive(original)) { error in
            XCTAssertTrue("\(error)".contains("overlaps the journal's trial \"mine\""), "\(error)")
        }
        XCTAssertEqual(try other.exportArchive().json(), before)
    }

    func testAnExportWithTrialsCutAtAnyByteIsRefused() throws {
        let archive = try journalWithTrials().exportArchive()
        for (format, text) in [("csv", archive.csv()), ("json", archive.json())] {
            let bytes = Array(text.utf8)
            for cut in 0..<bytes.count {
                let part = Array(bytes[..<cut])
                if format == "csv" {
                    XCTAssertThrowsError(try JournalArchive.read(csv: part, fileName: "e.csv"), "\(format) cut at \(cut)")
                } else {
                    XCTAssertThrowsError(try JournalArchive.read(json: part, fileName: "e.json"), "\(format) cut at \(cut)")
                }
            }
        }
    }
}
