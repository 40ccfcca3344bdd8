import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Every file read is a regular file of a sane size: a FIFO as a data table, an import or a
/// journal is refused at once (it hung every command), a device or a huge sparse file is
/// refused with its size (it aborted allocating); SIGQUIT stops the dashboard like SIGTERM,
/// restoring the terminal, with the conventional status.
final class ReadSafetyTests: XCTestCase {
    var scratch: URL!

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("absorb-read-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    /// Runs absorb under `timeout 30`, so a hang fails the test instead of stopping it.
    private func run(_ arguments: [String]) throws -> AbsorbProcess.Result {
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "ABSORB_DATA")
        env["XDG_CACHE_HOME"] = AbsorbProcess.cacheHome
        env["ABSORB_NO_CACHE"] = "1"
        return try AbsorbProcess.runProgram("/usr/bin/timeout", ["30", AbsorbProcess.executable.path] + arguments, environment: env)
    }

    func testFIFOsDevicesAndHugeFilesAreRefusedWithoutHangingOrAllocating() throws {
        let journal = scratch.appendingPathComponent("j.sqlite").path
        XCTAssertEqual(try run(["log", "add", "egg", "whole", "raw", "50", "g", "--journal", journal]).status, 0)
        let journalBytes = try Data(contentsOf: URL(fileURLWithPath: journal))
        let fifo = scratch.appendingPathComponent("fifo").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let sparse = scratch.appendingPathComponent("sparse.csv").path
        XCTAssertTrue(FileManager.default.createFile(atPath: sparse, contents: nil))
        XCTAssertEqual(truncate(sparse, 20 << 30), 0, "a 20 GB sparse file")
        // A Data/ folder whose portions.csv is a FIFO, and one whose foods.csv is huge.
        let data = AbsorbProcess.packageRoot.appendingPathComponent("Data")
        var folders: [(String, String)] = []
        for (name, table, replacement) in [("fifo-data", "portions.csv", fifo), ("huge-data", "foods.csv", sparse)] {
            let folder = scratch.appendingPathComponent(name)
            try FileManager.default.copyItem(at: data, to: folder)
            try FileManager.default.removeItem(at: folder.appendingPathComponent(table))
            try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent(table).path, withDestinationPath: replacement)
            folders.append((folder.path, name == "fifo-data" ? "is a FIFO (named pipe), not a regular file" : "absorb reads files of at most 256 MB"))
        }
        var cases: [([String], String)] = [
            (["import", fifo, "--journal", journal], "is a FIFO (named pipe), not a regular file"),
            (["import", "/dev/zero", "--journal", journal], "is a device, not a regular file"),
            (["import", sparse, "--journal", journal], "absorb reads files of at most 256 MB"),
            (["import", scratch.path, "--journal", journal], "is a folder, not a regular file"),
            (["foods", "import", fifo, "--journal", journal], "is a FIFO"),
            (["today", "--journal", fifo], "is not a regular file"),
            (["log", "add", "egg", "whole", "raw", "50", "g", "--journal", fifo], "is not a regular file"),
        ]
        for (folder, says) in folders { cases.append((["today", "--data", folder, "--journal", journal], says)) }
        for (arguments, says) in cases {
            let started = Date()
            let result = try run(arguments)
            XCTAssertEqual(result.status, 1, "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains(says), "\(arguments): \(result.stderr)")
            XCTAssertLessThan(Date().timeIntervalSince(started), 20, "\(arguments) took too long")
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: journal)), journalBytes)
        print("ReadSafetyTests: \(cases.count) unreadable files refused")
    }

    func testSIGQUITStopsTheDashboardRestoresTheTerminalAndExitsNonZero() throws {
        guard TmuxSession.find("tmux") != nil else { throw XCTSkip("tmux is not installed") }
        let journal = scratch.appendingPathComponent("dash.sqlite").path
        let terminal = try TmuxSession()
        try terminal.shell("\(TmuxSession.quote(AbsorbProcess.executable.path)) --journal \(TmuxSession.quote(journal)); echo status $?")
        try terminal.waitFor("Nothing logged on")
        let kill = Process()
        kill.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        kill.arguments = ["pkill", "-QUIT", "-f", "--", "--journal \(journal)"]
        try kill.run()
        kill.waitUntilExit()
        XCTAssertEqual(kill.terminationStatus, 0, "pkill found no absorb")
        let rows = try terminal.waitUntil("the exit status", timeout: 15) { $0.contains { $0.hasPrefix("status ") } }
        XCTAssertTrue(rows.contains("status 131"), rows.joined(separator: "\n"))
        XCTAssertFalse(rows.contains { $0.contains("Nothing logged on") }, "the dashboard is gone")
        try terminal.assertShellUsable()
    }
}
