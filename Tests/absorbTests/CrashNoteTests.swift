import Foundation
import GRDB
import XCTest

/// A command that stops on an internal error, in a real terminal: one line that says what
/// happened, and the shell back at once, never the runtime's 30-second "Press space to
/// interact" crash screen. The abort is sent while `log add` waits for another writer's lock.
final class CrashNoteTests: XCTestCase {
    func testAnAbortedCommandSaysSoAndEndsAtOnce() throws {
        let directory = NSTemporaryDirectory() + "absorb-crash-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let journal = directory + "/journal.sqlite"
        XCTAssertEqual(try AbsorbProcess(journal: journal).run(["log", "add", "--food", "01123", "--grams", "50"]).status, 0)
        // Another writer holds the journal: the next log add waits in its busy handler.
        let holder = try DatabaseQueue(path: journal)
        let release = DispatchSemaphore(value: 0)
        let held = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            try? holder.inDatabase { db in
                try db.execute(sql: "BEGIN EXCLUSIVE")
                held.signal()
                release.wait()
                try db.execute(sql: "ROLLBACK")
            }
        }
        held.wait()
        defer { release.signal() }
        let tmux = try TmuxSession(width: 100, height: 30)
        try tmux.shell("\(AbsorbProcess.executable.path) log add --food 01123 --grams 75 --journal \(journal); echo EXIT=$?")
        // The command is waiting for the lock; abort it.
        Thread.sleep(forTimeInterval: 1.5)
        let pkill = try TmuxSession.spawn("/usr/bin/pkill", ["-ABRT", "-f", "grams 75 --journal \(journal)"])
        XCTAssertEqual(pkill.status, 0, "no absorb to abort: \(pkill.errors)")
        let started = Date()
        let rows = try tmux.waitFor("EXIT=", timeout: 10)
        XCTAssertLessThan(Date().timeIntervalSince(started), 5, "the crash screen waited")
        let screen = rows.joined(separator: "\n")
        XCTAssertTrue(screen.contains("EXIT=134"), screen)  // 128 + SIGABRT
        XCTAssertTrue(screen.replacingOccurrences(of: "\n", with: "").contains("absorb stopped on an internal error (a bug: please report it"), screen)
        XCTAssertFalse(screen.contains("Press space"), screen)
        release.signal()
        // Nothing half-written: the first entry only.
        let count = try DatabaseQueue(path: journal).read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM entry") }
        XCTAssertEqual(count, 1)
    }
}
