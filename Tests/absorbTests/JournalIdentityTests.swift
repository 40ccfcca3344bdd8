import Foundation
import GRDB
@testable import Journal
import XCTest

/// The journal knows it is a journal: a new or migrated one carries absorb's application id;
/// another program's SQLite database is refused, opened read-only, its bytes unchanged;
/// and twenty first uses at once (or twenty on a journal that needs migrating) all save.
final class JournalIdentityTests: XCTestCase {
    var scratch: URL!

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("absorb-identity-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    private func applicationID(_ path: String) throws -> Int {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read { try Int.fetchOne($0, sql: "PRAGMA application_id") ?? 0 }
    }

    func testANewJournalCarriesAbsorbsMark() throws {
        let absorb = AbsorbProcess(journal: scratch.appendingPathComponent("new.sqlite").path)
        XCTAssertEqual(try absorb.run(["log", "add", "egg", "whole", "raw", "50", "g"]).status, 0)
        XCTAssertEqual(try applicationID(absorb.journal), Int(JournalStore.applicationID))
        XCTAssertEqual(JournalStore.applicationID, 0x6162_7362, "the mark is fixed: journals already written carry it")
    }

    func testAFirstCreationKilledBeforeItsFirstMigrationStillOpens() throws {
        // What a `log add` killed mid-creation leaves: GRDB's table of migrations, empty,
        // and nothing else (the first migration's transaction never committed). It is
        // absorb's own, not another program's: the next command makes the journal.
        let path = scratch.appendingPathComponent("interrupted.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)") }
        try queue.close()
        let absorb = AbsorbProcess(journal: path)
        let result = try absorb.run(["log", "add", "egg", "whole", "raw", "50", "g"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try applicationID(path), Int(JournalStore.applicationID))
    }

    func testAnotherProgramsDatabaseIsRefusedAndNotChanged() throws {
        var cases: [(String, String)] = []
        // Tables and no mark: a notes app, and one whose table names are absorb's own.
        for (name, sql) in [("notes.db", "CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO note (text) VALUES ('hi')"),
                            ("lookalike.db", "CREATE TABLE profile (id INTEGER PRIMARY KEY, name TEXT); CREATE TABLE entry (x)"),
                            ("grdb-app.db", "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY); INSERT INTO grdb_migrations VALUES ('createUsers'); CREATE TABLE user (x)"),
                            ("marked.db", "PRAGMA application_id = 12345; CREATE TABLE t (x)"),
                            ("marked-empty.db", "PRAGMA application_id = 777")] {
            let path = scratch.appendingPathComponent(name).path
            let queue = try DatabaseQueue(path: path)
            try queue.writeWithoutTransaction { try $0.execute(sql: sql) }
            try queue.close()
            cases.append((path, name.hasPrefix("marked") ? "is another program's SQLite database" : "is an SQLite database of another program"))
        }
        var tried = 0
        for (path, expected) in cases {
            let before = try Data(contentsOf: URL(fileURLWithPath: path))
            let absorb = AbsorbProcess(journal: path)
            for command in [["today"], ["report", "--format", "json"], ["log", "add", "egg", "whole", "raw", "50", "g"],
                            ["profile", "list"], ["export"]] {
                let result = try absorb.run(command)
                XCTAssertEqual(result.status, 1, "\(path) \(command)")
                XCTAssertTrue(result.stderr.contains(expected) && result.stderr.contains("The file was not changed"), result.stderr)
                XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before, "\(path) changed by \(command)")
                for suffix in ["-wal", "-shm", "-journal"] {
                    XCTAssertFalse(FileManager.default.fileExists(atPath: path + suffix), "\(path)\(suffix) left behind")
                }
                tried += 1
            }
        }
        print("JournalIdentityTests: \(tried) runs on other programs' databases refused")
    }

    func testJournalsFromBeforeTheMarkStillOpenAndGetItWhenMigrated() throws {
        // At the current schema, no mark: opened, used, left as it is.
        let current = scratch.appendingPathComponent("current.sqlite").path
        do {
            let queue = try DatabaseQueue(path: current)
            try JournalSchema.migrator.migrate(queue)
            try queue.close()
        }
        XCTAssertEqual(try AbsorbProcess(journal: current).run(["log", "add", "egg", "whole", "raw", "50", "g"]).status, 0)
        // Older: migrated, and marked.
        let older = scratch.appendingPathComponent("older.sqlite").path
        do {
            let queue = try DatabaseQueue(path: older)
            try JournalSchema.migrator.migrate(queue, upTo: JournalSchema.migrator.migrations[1])
            try queue.close()
        }
        XCTAssertEqual(try AbsorbProcess(journal: older).run(["log", "add", "egg", "whole", "raw", "50", "g"]).status, 0)
        XCTAssertEqual(try applicationID(older), Int(JournalStore.applicationID))
    }

    /// Starts `count` `absorb log add` at once on `journal`; returns the failures' stderr.
    private func concurrentLogAdds(_ count: Int, journal: String) throws -> [String] {
        var processes: [(Process, URL)] = []
        for i in 0..<count {
            let process = Process()
            process.executableURL = AbsorbProcess.executable
            process.arguments = ["log", "add", "egg", "whole", "raw", "\(i + 1)", "g", "--date", "2026-11-24", "--journal", journal]
            var env = ProcessInfo.processInfo.environment
            env.removeValue(forKey: "ABSORB_DATA")
            env["XDG_CACHE_HOME"] = AbsorbProcess.cacheHome
            process.environment = env
            let errors = scratch.appendingPathComponent("err-\(UUID().uuidString)")
            _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
            process.standardError = try FileHandle(forWritingTo: errors)
            process.standardOutput = FileHandle.nullDevice
            processes.append((process, errors))
        }
        for (process, _) in processes { try process.run() }
        var failures: [String] = []
        for (process, errors) in processes {
            process.waitUntilExit()
            if process.terminationStatus != 0 { failures.append((try? String(contentsOf: errors, encoding: .utf8)) ?? "?") }
        }
        return failures
    }

    private func entryCount(_ journal: String) throws -> Int {
        let queue = try DatabaseQueue(path: journal)
        defer { try? queue.close() }
        return try queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM entry") ?? -1 }
    }

    func testTwentyFirstUsesAtOnceAllSave() throws {
        for round in 0..<2 {
            let journal = scratch.appendingPathComponent("round-\(round)/new/journal.sqlite").path
            let failures = try concurrentLogAdds(20, journal: journal)
            XCTAssertEqual(failures, [], "round \(round)")
            XCTAssertEqual(try entryCount(journal), 20, "round \(round)")
            XCTAssertEqual(try applicationID(journal), Int(JournalStore.applicationID))
        }
    }

    func testTwentyAtOnceOnAJournalThatNeedsMigratingAllSave() throws {
        let journal = scratch.appendingPathComponent("v2.sqlite").path
        do {
            let queue = try DatabaseQueue(path: journal)
            try JournalSchema.migrator.migrate(queue, upTo: JournalSchema.migrator.migrations[1])
            try queue.write { db in
                try db.execute(sql: "INSERT INTO profile (name, condition, created_at) VALUES ('Me', 'none', ?)", arguments: [Date()])
            }
            try queue.close()
        }
        let failures = try concurrentLogAdds(20, journal: journal)
        XCTAssertEqual(failures, [])
        XCTAssertEqual(try entryCount(journal), 20)
    }
}

/// Small limits: a journal is private whatever mode it had; absurd options are refused.
final class LimitsTests: XCTestCase {
    func testAnExistingJournalIsMadePrivateAndAnAbsurdLimitIsRefused() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("absorb-limits-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let absorb = AbsorbProcess(journal: scratch.appendingPathComponent("j.sqlite").path)
        XCTAssertEqual(try absorb.run(["log", "add", "egg", "whole", "raw", "50", "g"]).status, 0)
        chmod(absorb.journal, 0o644)
        XCTAssertEqual(try absorb.run(["today"]).status, 0)
        let mode = (try FileManager.default.attributesOfItem(atPath: absorb.journal)[.posixPermissions] as? NSNumber)?.intValue
        XCTAssertEqual(mode, 0o600)
        for limit in ["10000000000", "1001", "0", "-1"] {
            let result = try absorb.run(["foods", "search", "salmon", "--limit", limit])
            XCTAssertNotEqual(result.status, 0, limit)
            XCTAssertFalse(result.stderr.contains("allocate"), result.stderr)
        }
        XCTAssertEqual(try absorb.run(["foods", "search", "salmon", "--limit", "1000"]).status, 0)
    }
}
