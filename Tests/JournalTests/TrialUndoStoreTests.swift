import Foundation
import XCTest
@testable import Journal
@testable import NutrientModel

/// Undo and redo of the dashboard's trials in the journal: a started trial taken out and
/// put back, an end taken back and made again, each only where the journal still is as the
/// change expects (another absorb may have changed it since).
final class TrialUndoStoreTests: XCTestCase {
    private var directory: String!

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "absorb-trial-undo-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func day(_ text: String) -> LocalDate { try! LocalDate(parsing: text) }

    func testAStartedTrialIsTakenOutAndPutBackOnlyAsItWas() throws {
        let journal = try JournalStore(path: directory + "/j.sqlite")
        let id = try journal.activeProfile().id
        let trial = Trial(name: "no dairy", kind: .remove("no_dairy"), start: day("2026-11-10"), weeks: 3, reintroduceWeeks: 1)
        try journal.addTrial(trial, profileID: id) { _ throws(TrialError) in }
        // Not as started (another absorb ended it): left as it is.
        var other = trial
        other.weeks = 2
        XCTAssertFalse(try journal.removeTrial(other, profileID: id))
        XCTAssertEqual(try journal.trials(profileID: id), [trial])
        XCTAssertTrue(try journal.removeTrial(trial, profileID: id))
        XCTAssertEqual(try journal.trials(profileID: id), [])
        XCTAssertFalse(try journal.removeTrial(trial, profileID: id), "no longer there")
        // Redo puts it back; not twice, and not over a trial started since that shares its days.
        XCTAssertTrue(try journal.restoreTrial(trial, profileID: id))
        XCTAssertEqual(try journal.trials(profileID: id), [trial])
        XCTAssertFalse(try journal.restoreTrial(trial, profileID: id))
        XCTAssertTrue(try journal.removeTrial(trial, profileID: id))
        let since = Trial(name: "D3", kind: .supplement("S0001"), start: day("2026-11-20"), weeks: 1)
        try journal.addTrial(since, profileID: id) { _ throws(TrialError) in }
        XCTAssertFalse(try journal.restoreTrial(trial, profileID: id))
        XCTAssertEqual(try journal.trials(profileID: id), [since])
    }

    func testAnEndIsTakenBackAndMadeAgainOnlyFromWhatItExpects() throws {
        let journal = try JournalStore(path: directory + "/j.sqlite")
        let id = try journal.activeProfile().id
        let running = Trial(name: "D3", kind: .supplement("S0001"), start: day("2026-11-20"), weeks: 2)
        try journal.addTrial(running, profileID: id) { _ throws(TrialError) in }
        let ended = try XCTUnwrap(try journal.endTrial(named: "D3", on: day("2026-11-25"), profileID: id))
        XCTAssertTrue(try journal.replaceTrial(ended, with: running, profileID: id))
        XCTAssertEqual(try journal.trials(profileID: id), [running])
        XCTAssertFalse(try journal.replaceTrial(ended, with: running, profileID: id), "it is no longer as ended")
        XCTAssertTrue(try journal.replaceTrial(running, with: ended, profileID: id))
        XCTAssertEqual(try journal.trials(profileID: id), [ended])
        var renamed = ended
        renamed.name = "other"
        XCTAssertFalse(try journal.replaceTrial(ended, with: renamed, profileID: id), "only the end day changes")
    }
}
