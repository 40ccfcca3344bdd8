import Foundation
import GRDB
import Journal
import NutrientModel
import XCTest

/// What a write says when another process is in the way: a long write holding the lock
/// ("database is locked"), or a profile deleted since this process read it ("FOREIGN KEY
/// constraint failed").
final class ConcurrentWriterMessageTests: XCTestCase {
    var directory: String!
    private let day = try! LocalDate(parsing: "2026-11-24")

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "absorb-writers-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    func testAWriteBlockedByAnotherWriterSaysAnotherAbsorbIsWriting() throws {
        let path = directory + "/journal.sqlite"
        let journal = try JournalStore(path: path)
        let profile = try journal.activeProfile()
        // Another process's long import: a connection holding the write lock.
        var configuration = Configuration()
        configuration.busyMode = .immediateError
        let other = try DatabaseQueue(path: path, configuration: configuration)
        let locked = DispatchSemaphore(value: 0)
        let released = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            try? other.inTransaction(.immediate) { _ in
                locked.signal()
                Thread.sleep(forTimeInterval: 7)  // longer than the journal's 5-second busy timeout
                return .rollback
            }
            released.signal()
        }
        locked.wait()
        defer { released.wait() }
        XCTAssertThrowsError(try journal.addEntry(profileID: profile.id, date: day, meal: .lunch, foodID: "11457", grams: 30)) { error in
            let message = "\(error)"
            XCTAssertTrue(message.contains("another absorb is writing this journal"), message)
            XCTAssertTrue(message.contains("Nothing was changed"), message)
        }
    }

    func testSavingForAProfileAnotherProcessDeletedSaysSo() throws {
        let path = directory + "/journal.sqlite"
        let journal = try JournalStore(path: path)
        _ = try journal.activeProfile()
        let gone = try journal.addProfile(PersonProfile(name: "Guest"))
        // The dashboard read the profile; another absorb removed it.
        try JournalStore(path: path).removeProfile(id: gone.id)
        XCTAssertThrowsError(try journal.addEntry(profileID: gone.id, date: day, meal: .lunch, foodID: "11457", grams: 30)) { error in
            let message = "\(error)"
            XCTAssertTrue(message.contains("the profile, custom food or recipe it belongs to is no longer in the journal"), message)
            XCTAssertFalse(message.contains("FOREIGN KEY"), message)
        }
    }
}
