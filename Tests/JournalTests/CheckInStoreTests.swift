import Foundation
import GRDB
import XCTest
@testable import Journal
import NutrientModel

/// Check-ins, probiotics and each profile's scales in the journal: the v6 migration with
/// its backup, one check-in a day (a second updates it), refusals that save nothing, and
/// export → import into an empty journal → export again, identical in JSON and CSV.
final class CheckInStoreTests: XCTestCase {
    var directory: String!

    static let data: NutrientData = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try! NutrientData(directory: root.appendingPathComponent("Data").path)
    }()
    var scales: CheckInScales { Self.data.checkInScales }

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "absorb-checkin-tests-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func journal(_ name: String) throws -> JournalStore { try JournalStore(path: "\(directory!)/\(name).sqlite") }
    private func day(_ text: String) -> LocalDate { try! LocalDate(parsing: text) }
    private var context: ArchiveContext {
        ArchiveContext(foods: Self.data.foods, knownDiets: Set(Self.data.diets.diets.map(\.key)), maxEntryGrams: 10_000,
                       checkInScales: scales)
    }

    func testAV4JournalIsBackedUpAndMigratedToCheckIns() throws {
        let path = directory + "/journal.sqlite"
        do {
            let old = try DatabaseQueue(path: path)
            try JournalSchema.migrator.migrate(old, upTo: "v4: vitamin E counted toward the upper limit, prescribed foods")
            try old.write { db in
                try db.execute(sql: "INSERT INTO profile (name, condition, created_at) VALUES ('Ana', 'none', ?)", arguments: [Date()])
            }
            try old.close()
        }
        let journal = try JournalStore(path: path)
        XCTAssertTrue(try journal.appliedMigrations().contains("v6: check-ins, probiotics, each profile's scales"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: path + ".schema-v4.backup"))
        let copy = try DatabaseQueue(path: path + ".schema-v4.backup")
        XCTAssertFalse(try copy.read { try $0.tableExists("checkin") }, "the backup is the journal as it was")
        let profile = try journal.activeProfile()
        XCTAssertEqual(profile.profile.scales, [])
        XCTAssertEqual(profile.profile.trackedScales, CheckInScale.allCases)
        try journal.saveCheckIn(CheckIn(date: day("2026-11-24"), itch: 3), profileID: profile.id, scales: scales)
        XCTAssertEqual(try journal.checkIns(profileID: profile.id).map(\.itch), [3])
    }

    func testASecondCheckInTheSameDayUpdatesThatDay() throws {
        let store = try journal("j")
        let id = try store.activeProfile().id
        let first = try store.saveCheckIn(CheckIn(date: day("2026-11-24"), itch: 7, bristol: 4, note: "flare"), profileID: id, scales: scales)
        XCTAssertFalse(first.updated)
        let second = try store.saveCheckIn(CheckIn(date: day("2026-11-24"), itch: 5, bloating: 2), profileID: id, scales: scales)
        XCTAssertTrue(second.updated)
        XCTAssertEqual(try store.checkIns(profileID: id),
                       [CheckIn(date: day("2026-11-24"), itch: 5, bristol: 4, bloating: 2, note: "flare")])
        try store.saveCheckIn(CheckIn(date: day("2026-11-25"), poemAnswers: [1, 2, 0, 4, 3, 2, 1]), profileID: id, scales: scales)
        XCTAssertEqual(try store.checkIns(profileID: id, in: DateRange(day: day("2026-11-25"))).map(\.poemTotal), [13])
        XCTAssertTrue(try store.removeCheckIn(profileID: id, date: day("2026-11-25")))
        XCTAssertEqual(try store.checkIns(profileID: id).count, 1)
    }

    func testValuesOutOfRangeAreRefusedAndNothingIsSaved() throws {
        let store = try journal("j")
        let id = try store.activeProfile().id
        try store.saveCheckIn(CheckIn(date: day("2026-11-24"), itch: 2), profileID: id, scales: scales)
        let bad = [CheckIn(date: day("2026-11-24"), itch: 11), CheckIn(date: day("2026-11-24"), bristol: 0),
                   CheckIn(date: day("2026-11-24"), bristol: 8), CheckIn(date: day("2026-11-24"), bloating: -1),
                   CheckIn(date: day("2026-11-24"), poemAnswers: [1, 2, 5, 0, 0, 0, 0]),
                   CheckIn(date: day("2026-11-24"), poemAnswers: [1, 2]), CheckIn(date: day("2026-11-25"))]
        for checkIn in bad {
            XCTAssertThrowsError(try store.saveCheckIn(checkIn, profileID: id, scales: scales)) { error in
                XCTAssertTrue("\(error)".contains("the check-in was not saved"), "\(error)")
            }
        }
        XCTAssertEqual(try store.checkIns(profileID: id), [CheckIn(date: day("2026-11-24"), itch: 2)])
    }

    func testProbioticsAndScales() throws {
        let store = try journal("j")
        var profile = try store.activeProfile()
        profile.profile.scales = [.poem, .itch]
        try store.updateProfile(profile)
        XCTAssertEqual(try store.activeProfile().profile.scales, [.itch, .poem])
        let dose = try store.addProbiotic(ProbioticDose(date: day("2026-11-24"), strain: "Lactobacillus rhamnosus GG", strainID: "lgg", cfu: 1e10),
                                          profileID: profile.id)
        XCTAssertEqual(try store.probiotics(profileID: profile.id).map(\.dose.cfu), [1e10])
        XCTAssertThrowsError(try store.addProbiotic(ProbioticDose(date: day("2026-11-24"), strain: "x", strainID: nil, cfu: 0), profileID: profile.id))
        XCTAssertTrue(try store.removeProbiotic(id: dose.id, profileID: profile.id))
        XCTAssertEqual(try store.probiotics(profileID: profile.id).count, 0)
    }

    /// A journal with check-ins on two profiles, an awkward note (a quote, a comma, a
    /// formula-like start), POEM answers, a label's probiotic and a table's.
    private func journalWithCheckIns() throws -> JournalStore {
        let store = try journal("rich")
        var me = try store.activeProfile()
        me.profile.scales = [.itch, .poem, .bristol]
        try store.updateProfile(me)
        try store.addEntry(profileID: me.id, date: day("2026-11-20"), meal: .lunch, foodID: "11282", grams: 80)
        try store.saveCheckIn(CheckIn(date: day("2026-11-20"), itch: 6, spots: 3, bristol: 4, bloating: 1, note: "=itchy, \"very\""),
                              profileID: me.id, scales: scales)
        try store.saveCheckIn(CheckIn(date: day("2026-11-21"), poemAnswers: [1, 2, 0, 4, 3, 2, 1]), profileID: me.id, scales: scales)
        try store.addProbiotic(ProbioticDose(date: day("2026-11-20"), strain: "Bacillus coagulans GBI-30 (6086)", strainID: "bc-gbi30", cfu: 2e9), profileID: me.id)
        try store.addProbiotic(ProbioticDose(date: day("2026-11-21"), strain: "Some label strain; 3", strainID: nil, cfu: 2.5e9), profileID: me.id)
        let patient = try store.addProfile(PersonProfile(name: "Patient, B", sex: .male, ageMonths: 40 * 12))
        try store.saveCheckIn(CheckIn(date: day("2026-11-22"), bloating: 0), profileID: patient.id, scales: scales)
        try store.activate(profileID: me.id)
        return store
    }

    func testCheckInsSurviveExportImportExportIdenticallyInJSONAndCSV() throws {
        let original = try journalWithCheckIns().exportArchive()
        XCTAssertEqual(original.version, JournalArchive.currentVersion)
        XCTAssertEqual(original.profiles[0].scales, ["itch", "poem", "bristol"])
        XCTAssertEqual(original.profiles[0].checkIns?.count, 2)
        XCTAssertEqual(original.profiles[0].probiotics?.count, 2)
        XCTAssertNil(original.profiles[1].probiotics)

        let json = original.json()
        XCTAssertTrue(json.contains("\"check_ins\" : 3"), "the end counts the check-ins")
        let read = try JournalArchive.read(json: Array(json.utf8), fileName: "e.json")
        XCTAssertEqual(read, original)
        _ = try read.validate(context) { $0.jsonPath($1) }
        let fromJSON = try journal("from-json")
        let summary = try fromJSON.importArchive(read)
        XCTAssertEqual(summary.checkInsAdded, 3)
        XCTAssertEqual(summary.probioticsAdded, 2)
        XCTAssertEqual(try fromJSON.exportArchive().json(), json, "JSON: export → import → export is identical")

        let csv = original.csv()
        XCTAssertTrue(csv.contains("checkin,Me,2026-11-20,6,3,,4,1,\"'=itchy, \"\"very\"\"\""), csv)
        let (readCSV, places) = try JournalArchive.read(csv: Array(csv.utf8), fileName: "e.csv")
        XCTAssertEqual(readCSV, original, "the CSV form holds everything the JSON form does")
        _ = try readCSV.validate(context, locate: places.locate)
        let fromCSV = try journal("from-csv")
        _ = try fromCSV.importArchive(readCSV)
        XCTAssertEqual(try fromCSV.exportArchive().csv(), csv, "CSV: export → import → export is identical")
        XCTAssertEqual(try fromCSV.exportArchive().json(), json, "and the same journal as the JSON import")

        // Importing again adds nothing; a day the journal already has keeps its own values.
        let again = try fromCSV.importArchive(readCSV)
        XCTAssertEqual(again.checkInsAdded, 0)
        XCTAssertEqual(again.checkInsKept, 3)
        XCTAssertEqual(again.probioticsAlreadyThere, 2)
    }

    func testOlderArchivesStillImportAndCannotHoldCheckIns() throws {
        let store = try journalWithCheckIns()
        var old = try store.exportArchive()
        for index in old.profiles.indices {
            old.profiles[index].checkIns = nil
            old.profiles[index].probiotics = nil
            old.profiles[index].scales = nil
        }
        old.version = 2
        let csv = old.csv()
        XCTAssertTrue(csv.hasPrefix("record,format,version,from,to\r\narchive,absorb-journal,2,"))
        XCTAssertFalse(csv.contains("checkin"), "a version 2 file is written as version 2 was")
        let (read, places) = try JournalArchive.read(csv: Array(csv.utf8), fileName: "v2.csv")
        _ = try read.validate(context, locate: places.locate)
        let json = try JournalArchive.read(json: Array(old.json().utf8), fileName: "v2.json")
        XCTAssertEqual(json, read)
        let imported = try journal("from-v2")
        XCTAssertEqual(try imported.importArchive(read).entriesAdded, 1)

        // A check-in row in a version 2 file is refused where it is.
        let edited = csv.replacingOccurrences(of: "record,profile,date,meal", with: "record,profile,date,itch\r\ncheckin,Me,2026-11-20,3\r\nrecord,profile,date,meal")
        XCTAssertThrowsError(try JournalArchive.read(csv: Array(edited.utf8), fileName: "v2.csv")) { error in
            XCTAssertTrue("\(error)".contains("came with version 3"), "\(error)")
        }
    }

    func testBadCheckInsInAnArchiveAreNamedByTheirPlace() throws {
        let original = try journalWithCheckIns().exportArchive()
        func refusal(_ change: (inout JournalArchive) -> Void) -> String {
            var archive = original
            change(&archive)
            do { _ = try archive.validate(context) { $0.jsonPath($1) }; return "accepted" } catch { return error.description }
        }
        XCTAssertTrue(refusal { $0.profiles[0].checkIns![0].itch = 11 }.hasPrefix("profiles[0].check_ins[0].itch: itch must be a whole number from 0 to 10"))
        XCTAssertTrue(refusal { $0.profiles[0].checkIns![0].bristol = 8 }.hasPrefix("profiles[0].check_ins[0].bristol:"))
        XCTAssertTrue(refusal { $0.profiles[0].checkIns![1].poem = [1, 2, 3] }.contains("POEM has 7 answers"))
        XCTAssertTrue(refusal { $0.profiles[0].checkIns![1].date = $0.profiles[0].checkIns![0].date }.contains("two check-ins"))
        XCTAssertTrue(refusal { $0.profiles[0].checkIns![0].date = "2026-02-30" }.hasPrefix("profiles[0].check_ins[0].date:"))
        XCTAssertTrue(refusal { $0.profiles[0].scales = ["itch", "mood"] }.contains("unknown scale \"mood\""))
        XCTAssertTrue(refusal { $0.profiles[0].probiotics![0].cfu = 0 }.hasPrefix("profiles[0].probiotics[0].cfu:"))
        XCTAssertTrue(refusal { $0.version = 2 }.contains("came with version 3"))
        // In a CSV file, the line and column.
        var edited = original
        edited.profiles[0].checkIns![0].itch = 12
        let csv = edited.csv()
        let (read, places) = try JournalArchive.read(csv: Array(csv.utf8), fileName: "e.csv")
        XCTAssertThrowsError(try read.validate(context, locate: places.locate)) { error in
            XCTAssertTrue("\(error)".contains("(itch): itch must be a whole number from 0 to 10"), "\(error)")
        }
    }

    func testAnExportWithCheckInsCutAtAnyByteIsRefused() throws {
        let archive = try journalWithCheckIns().exportArchive()
        for (format, text) in [("csv", archive.csv()), ("json", archive.json())] {
            let bytes = Array(text.utf8)
            var refused = 0
            for length in 0..<bytes.count {
                let cut = Array(bytes[..<length])
                let read: Bool
                if format == "csv" {
                    read = (try? JournalArchive.read(csv: cut, fileName: "cut.csv")) != nil
                } else {
                    read = (try? JournalArchive.read(json: cut, fileName: "cut.json")) != nil
                }
                XCTAssertFalse(read, "\(format) cut at \(length) of \(bytes.count) bytes was read")
                if !read { refused += 1 }
            }
            XCTAssertEqual(refused, bytes.count)
            XCTAssertNotNil(try? format == "csv" ? JournalArchive.read(csv: bytes, fileName: "whole.csv").0 : JournalArchive.read(json: bytes, fileName: "whole.json"))
        }
    }
}

/// Inputs the archive fuzz target found, run through its round trips.
final class ArchiveFuzzFindingsTests: XCTestCase {
    func testFuzzFindings() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        // Kept here (Fuzz/crashes/ is not in the repository), then any new ones found locally.
        var inputs: [[UInt8]] = [
            // A `to` of "-2026-12-31" in a version 5 archive row: written guarded, read unguarded.
            Array(Data(base64Encoded: "cmVjb3JkLGZvcm1hdCx2ZXJzaW9uLGZyb20sdG8NCmFyY2hpdmUsYWJaWlpaWlpaWlpaWnNvcmItam91cm5hbCw1LDIwMjYtMDExMSwtMjAyNi0xMi0zMQ0KcmVjb3JkLG5sZF9nLHI=")!),
        ]
        let folder = root.appendingPathComponent("Fuzz/crashes/archive")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
            inputs.append(Array(try Data(contentsOf: folder.appendingPathComponent(name))))
        }
        for bytes in inputs {
            guard let (archive, _) = try? JournalArchive.read(csv: bytes, fileName: "fuzz.csv") else { continue }
            let written = archive.csv()
            let again = try JournalArchive.read(csv: Array(written.utf8), fileName: "again.csv").0
            XCTAssertEqual(again, archive, "CSV round trip:\n\(written)")
            let json = archive.json()
            let fromJSON = try JournalArchive.read(json: Array(json.utf8), fileName: "again.json")
            XCTAssertEqual(fromJSON, archive, "JSON round trip:\n\(json)")
            XCTAssertEqual(fromJSON.json(), json)
        }
    }
}
