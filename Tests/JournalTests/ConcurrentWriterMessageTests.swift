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

    func testAWriteBlockedByAnImportSaysAnImportIsRunningAndAStaleMarkIsIgnored() throws {
        let path = directory + "/journal.sqlite"
        let journal = try JournalStore(path: path)
        let profile = try journal.activeProfile()
        // An import in another process: its mark beside the journal, and the lock held.
        let importer = Process()
        importer.executableURL = URL(fileURLWithPath: "/bin/sleep")
        importer.arguments = ["30"]
        try importer.run()
        defer { importer.terminate(); importer.waitUntilExit() }
        try Data("\(importer.processIdentifier)\n".utf8).write(to: URL(fileURLWithPath: path + ".importing"))
        var configuration = Configuration()
        configuration.busyMode = .immediateError
        let other = try DatabaseQueue(path: path, configuration: configuration)
        let locked = DispatchSemaphore(value: 0)
        let released = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            try? other.inTransaction(.immediate) { _ in
                locked.signal()
                Thread.sleep(forTimeInterval: 12)  // two of the journal's 5-second busy timeouts
                return .rollback
            }
            released.signal()
        }
        locked.wait()
        defer { released.wait() }
        XCTAssertThrowsError(try journal.addEntry(profileID: profile.id, date: day, meal: .lunch, foodID: "11457", grams: 30)) { error in
            let message = "\(error)"
            XCTAssertTrue(message.contains("another absorb (process \(importer.processIdentifier)) is importing a file into this journal"), message)
            XCTAssertTrue(message.contains("Nothing was changed"), message)
        }
        // A mark left by an import that was killed: the process is gone, so it is not named.
        importer.terminate()
        importer.waitUntilExit()
        XCTAssertThrowsError(try journal.addEntry(profileID: profile.id, date: day, meal: .lunch, foodID: "11457", grams: 30)) { error in
            let message = "\(error)"
            XCTAssertFalse(message.contains("importing"), message)
            XCTAssertTrue(message.contains("another absorb is writing this journal"), message)
        }
    }

    func testAnImportMarksTheJournalWhileItRunsAndNotAfter() throws {
        let path = directory + "/journal.sqlite"
        let journal = try JournalStore(path: path)
        let archive = try journal.exportArchive()
        // The import waits for another writer's lock: meanwhile its mark is there, with its process id.
        let other = try DatabaseQueue(path: path)
        let locked = DispatchSemaphore(value: 0)
        let imported = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            try? other.inTransaction(.immediate) { _ in
                locked.signal()
                Thread.sleep(forTimeInterval: 1.5)
                return .rollback
            }
        }
        locked.wait()
        DispatchQueue.global().async {
            _ = try? journal.importArchive(archive)
            imported.signal()
        }
        Thread.sleep(forTimeInterval: 0.5)
        let mark = FileManager.default.contents(atPath: path + ".importing").map { String(decoding: $0, as: UTF8.self) }
        XCTAssertEqual(mark, "\(getpid())\n")
        imported.wait()
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + ".importing"), "the mark goes with the import")
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
