import Foundation
import XCTest

/// A damaged journal is refused, and the -wal and -shm files SQLite made while opening it
/// are private (0600), whatever the journal's mode and the umask: the tightening ran only after
/// a successful open, so a refused journal left them 0644.
final class DamagedJournalTests: XCTestCase {
    func testTheWriteAheadFilesOfADamagedJournalAreMadePrivate() throws {
        let fm = FileManager.default
        let scratch = fm.temporaryDirectory.appendingPathComponent("absorb-damaged-\(UUID().uuidString)")
        try fm.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: scratch) }
        let path = scratch.appendingPathComponent("journal.sqlite").path
        let absorb = AbsorbProcess(journal: path)
        XCTAssertEqual(try absorb.run(["log", "add", "--food", "01001", "--grams", "10", "--date", "2026-11-24"]).status, 0)
        // Every page after the first (the header, which says it is SQLite and absorb's) overwritten.
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertGreaterThan(bytes.count, 8192)
        for i in 4096..<bytes.count { bytes[i] = 0xA5 }
        try bytes.write(to: URL(fileURLWithPath: path))
        for file in [path + "-wal", path + "-shm"] { try? fm.removeItem(atPath: file) }
        // SQLite gives -wal and -shm the journal's own mode: a journal left 0644 (copied, or
        // from before absorb made it private) gave 0644 files.
        try fm.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)

        let saved = umask(0o022)
        defer { umask(saved) }
        let result = try absorb.run(["report", "--date", "2026-11-24"])
        XCTAssertEqual(result.status, 1, result.stdout)
        XCTAssertTrue(result.stderr.contains("is not a journal this absorb can read"), result.stderr)
        let left = [path + "-wal", path + "-shm"].filter { fm.fileExists(atPath: $0) }
        XCTAssertFalse(left.isEmpty, "SQLite left no -wal or -shm: the case no longer tests anything")
        for file in left {
            let mode = try XCTUnwrap(fm.attributesOfItem(atPath: file)[.posixPermissions] as? NSNumber).intValue
            XCTAssertEqual(mode & 0o777, 0o600, "\(file) is \(String(mode & 0o777, radix: 8))")
        }
    }
}
