import Foundation
import GRDB
import XCTest

/// A journal whose write-ahead log another user owns (absorb once run with sudo): every
/// command, reads too, says so and what to do, and leaves the files as they were
/// (issue 16: a read-only `today` said "could not be saved").
final class WriteAheadOwnerTests: XCTestCase {
    private var directory = ""

    override func setUpWithError() throws {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else {
            throw XCTSkip("needs root and setpriv, to run absorb as another user")
        }
        directory = "/tmp/absorb-wal-owner-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory + "/journal", withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o777])
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: directory)
    }

    override func tearDownWithError() throws {
        if !directory.isEmpty { try? FileManager.default.removeItem(atPath: directory) }
    }

    /// `absorb arguments...` as the user nobody.
    private func asNobody(_ arguments: [String]) throws -> AbsorbProcess.Result {
        let environment = ["HOME": directory, "TZ": "UTC", "XDG_CACHE_HOME": directory + "/cache", "PATH": "/usr/bin:/bin"]
        return try AbsorbProcess.runProgram("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups",
                                                                 AbsorbProcess.executable.path] + arguments
                                                + ["--journal", directory + "/journal/journal.sqlite"],
                                            environment: environment)
    }

    func testARootOwnedWriteAheadLogIsNamedForReadsAndWritesAndLeftAlone() throws {
        let path = directory + "/journal/journal.sqlite"
        let first = try asNobody(["log", "add", "--food", "15236", "--grams", "100"])
        try XCTSkipIf(first.status != 0 && first.stderr.contains("Permission denied"), "nobody cannot run the built absorb here: \(first.stderr)")
        XCTAssertEqual(first.status, 0, first.stderr)
        // Root writes while nobody's journal is open elsewhere: the log stays, and is then root's.
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO entry (profileId, date, meal, food_id, grams, logged_at) SELECT profileId, date, meal, food_id, grams, logged_at FROM entry")
        }
        for file in [path + "-wal", path + "-shm"] {
            try FileManager.default.setAttributes([.ownerAccountID: 0, .groupOwnerAccountID: 0, .posixPermissions: 0o644], ofItemAtPath: file)
        }
        let before = try [path, path + "-wal", path + "-shm"].map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        for command in [["today"], ["log", "list"], ["log", "add", "--food", "01123", "--grams", "50"]] {
            let result = try asNobody(command)
            XCTAssertEqual(result.status, 1, "\(command): \(result.stdout)")
            XCTAssertTrue(result.stderr.contains("journal.sqlite-wal, belongs to the user root and you cannot write it"), "\(command): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("sudo chown $(id -un) \(path)-wal"), result.stderr)
            XCTAssertTrue(result.stderr.contains("do not delete it"), result.stderr)
            XCTAssertFalse(result.stderr.contains("could not be saved"), result.stderr)
        }
        let after = try [path, path + "-wal", path + "-shm"].map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        XCTAssertEqual(after, before, "the journal and its log are as they were")
        try queue.close()
    }
}
