import Foundation
import GRDB
import Journal
import NutrientModel
import XCTest

/// The journal and the terminal under the worst a machine does: processes killed at any
/// moment, a storm of resizes, no terminal at all.
final class ReliabilityTests: XCTestCase {
    var directory: URL!
    var journal: String { directory.appendingPathComponent("journal.sqlite").path }

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("absorb-reliability-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    /// 200 runs of `absorb log add`, each killed with SIGKILL at a random moment (or left to
    /// finish): afterwards the journal passes SQLite's integrity check and holds every entry
    /// whose command said it was saved.
    func testSIGKILLAtRandomMomentsLosesNothingReportedAndCorruptsNothing() throws {
        // Seeded, so a failure can be replayed: ABSORB_TEST_SEED=<the seed printed> swift test.
        let seed = ProcessInfo.processInfo.environment["ABSORB_TEST_SEED"].flatMap { UInt64($0) } ?? 20_261_124
        var generator = SeededGenerator(seed: seed)
        var reported: [Double] = []
        var killed = 0
        for run in 1...200 {
            let grams = Double(run)  // a different weight each run marks its entry
            let process = Process()
            process.executableURL = AbsorbProcess.executable
            process.arguments = ["log", "add", "--food", "11457", "--grams", String(run), "--date", "2026-11-24",
                                 "--meal", "lunch", "--journal", journal]
            var environment = ProcessInfo.processInfo.environment
            environment["TZ"] = "UTC"
            process.environment = environment
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Somewhere between at once and after a run would have finished.
            usleep(UInt32.random(in: 0...350_000, using: &generator))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                killed += 1
            }
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            if process.terminationReason == .exit, process.terminationStatus == 0, text.hasPrefix("Logged") {
                reported.append(grams)
            }
        }
        XCTAssertGreaterThan(killed, 20, "the delays should kill a good share of the runs (seed \(seed))")
        XCTAssertGreaterThan(reported.count, 20, "and let a good share finish (seed \(seed))")

        let database = try DatabaseQueue(path: journal)
        XCTAssertEqual(try database.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") }, ["ok"], "seed \(seed)")
        try database.close()
        let store = try JournalStore(path: journal)
        let saved = Set(try store.entries(profileID: try store.activeProfile().id,
                                          in: DateRange(day: LocalDate(year: 2026, month: 11, day: 24)!)).map(\.grams))
        for grams in reported {
            XCTAssertTrue(saved.contains(grams), "the run that logged \(grams) g said so, but its entry is gone (seed \(seed))")
        }
        print("SIGKILL runs (seed \(seed)): \(killed) killed, \(reported.count) reported saved, \(saved.count) entries in the journal")
    }

    /// A read-only journal, a journal in a folder the person cannot write, and a new journal
    /// there: a clear message, a non-zero exit, the file unchanged and no -wal/-shm left.
    /// Run as the unprivileged user `nobody` when the suite runs as root (root passes every
    /// permission check), else as the user running it: never skipped.
    func testAReadOnlyJournalAndAnUnwritableFolderAreClearErrorsThatChangeNothing() throws {
        let fm = FileManager.default
        let root = getuid() == 0
        if root {
            XCTAssertTrue(fm.isExecutableFile(atPath: "/usr/bin/setpriv"), "as root, the test needs setpriv (util-linux) to run absorb as nobody")
        }
        let nobody = root ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
        func asNobody(_ arguments: [String]) throws -> AbsorbProcess.Result {
            let program = [AbsorbProcess.executable.path] + arguments
            return try AbsorbProcess.runProgram((nobody + program)[0], Array((nobody + program).dropFirst()))
        }
        XCTAssertEqual(try asNobody(["--version"]).status, 0,
                       "the unprivileged user cannot run \(AbsorbProcess.executable.path) (a folder above it is private)")
        let open = directory.appendingPathComponent("mine").path, locked = directory.appendingPathComponent("locked").path
        try fm.createDirectory(atPath: open, withIntermediateDirectories: true)
        try fm.createDirectory(atPath: locked, withIntermediateDirectories: true)
        let readOnly = open + "/journal.sqlite", inLocked = locked + "/journal.sqlite"
        for path in [readOnly, inLocked] {
            XCTAssertEqual(try AbsorbProcess(journal: path).run(["log", "add", "spinach", "raw", "30", "g"]).status, 0)
        }
        if root {
            chown(directory.path, 65534, 65534)
            chown(open, 65534, 65534)
            for path in [readOnly, inLocked] { chown(path, 65534, 65534) }
        }
        chmod(readOnly, 0o400)
        chmod(locked, 0o555)  // (as root, made by root: nobody could not write it anyway)
        defer { chmod(locked, 0o755) }
        let before = try [readOnly, inLocked].map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        let cases: [(path: String, says: String)] = [
            (readOnly, "is read-only for you: absorb saves every entry as it is made"),
            (inLocked, "is in a folder you cannot write (\(locked))"),
            (locked + "/new.sqlite", "cannot be created: the folder \(locked) is not writable for you"),
        ]
        for (path, says) in cases {
            for command in [["log", "add", "spinach", "raw", "30", "g"], ["report"], []] {
                let result = try asNobody(command + ["--journal", path])
                XCTAssertEqual(result.status, 1, "\(command) on \(path): \(result.stderr)")
                XCTAssertTrue(result.stderr.contains(says), "\(command) on \(path): \(result.stderr)")
            }
        }
        XCTAssertEqual(try [readOnly, inLocked].map { try Data(contentsOf: URL(fileURLWithPath: $0)) }, before)
        for leftover in [readOnly + "-wal", readOnly + "-shm", locked + "/new.sqlite"] {
            XCTAssertFalse(fm.fileExists(atPath: leftover), "left behind: \(leftover)")
        }
    }
}

/// A small seeded generator (SplitMix64), so random tests can be replayed from their seed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
