import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Every write checked: output that cannot be written (a full device, a closed
/// descriptor, a file too large) is an error with exit 1, never a silent success; `-o`
/// writes a private temporary file beside the target and renames it, follows a symbolic
/// link to a regular file, and refuses devices, FIFOs, sockets and folders untouched.
final class OutputSafetyTests: XCTestCase {
    var scratch: URL!
    var absorb: AbsorbProcess!

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("absorb-output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        absorb = AbsorbProcess(journal: scratch.appendingPathComponent("journal.sqlite").path)
        let logged = try absorb.run(["log", "add", "spinach", "raw", "30", "g", "--date", "2026-11-24"])
        XCTAssertEqual(logged.status, 0, logged.stderr)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    /// Runs a shell line in which `ABSORB` is the binary and `JOURNAL` the test's journal.
    private func shell(_ line: String) throws -> AbsorbProcess.Result {
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "ABSORB_DATA")
        env["ABSORB_JOURNAL"] = absorb.journal
        env["ABSORB"] = AbsorbProcess.executable.path
        env["XDG_CACHE_HOME"] = AbsorbProcess.cacheHome
        env["TZ"] = "UTC"
        return try AbsorbProcess.runProgram("/bin/sh", ["-c", line], environment: env)
    }

    private func leftovers() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { $0.contains(".absorb-") }
    }

    func testAStandardOutputThatCannotBeWrittenIsAnError() throws {
        var tried = 0
        for command in ["\"$ABSORB\" export --format csv", "\"$ABSORB\" export", "\"$ABSORB\" today", "\"$ABSORB\" log list",
                        "\"$ABSORB\" report --date 2026-11-24 --format csv", "\"$ABSORB\" --help"] {
            for redirect in ["> /dev/full", ">&-"] {
                let result = try shell("\(command) \(redirect)")
                XCTAssertEqual(result.status, 1, "\(command) \(redirect): \(result.stderr)")
                XCTAssertTrue(result.stderr.contains("could not write to standard output"), "\(command) \(redirect): \(result.stderr)")
                tried += 1
            }
        }
        XCTAssertTrue(try shell("\"$ABSORB\" today > /dev/full").stderr.contains("No space left on device"))
        XCTAssertTrue(try shell("\"$ABSORB\" today >&-").stderr.contains("it is closed"))
        // Written whole, it is fine.
        XCTAssertEqual(try shell("\"$ABSORB\" today > /dev/null").status, 0)
        // A command that saves still saved; only its message was lost.
        XCTAssertEqual(try shell("\"$ABSORB\" log add egg whole raw 50 g --date 2026-11-24 >&-").status, 1)
        XCTAssertTrue(try absorb.run(["log", "list", "--date", "2026-11-24"]).stdout.lowercased().contains("egg"))
        print("OutputSafetyTests: \(tried) unwritable outputs refused")
    }

    func testOutputGoesToARegularFileWholeAndPrivateOrNowhere() throws {
        let file = scratch.appendingPathComponent("export.json").path
        // An existing file readable by others is replaced by one readable by its owner.
        try Data("old".utf8).write(to: URL(fileURLWithPath: file))
        chmod(file, 0o644)
        XCTAssertEqual(try absorb.run(["export", "-o", file]).status, 0)
        XCTAssertTrue(try String(contentsOfFile: file, encoding: .utf8).contains("\"end\""))
        XCTAssertEqual(try mode(file), 0o600)
        XCTAssertEqual(try leftovers(), [])

        // A symbolic link is followed: the link stays, the file it names is written.
        let real = scratch.appendingPathComponent("real.csv").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: real))
        let link = scratch.appendingPathComponent("link.csv").path
        symlink("real.csv", link)
        XCTAssertEqual(try absorb.run(["export", "--format", "csv", "-o", link]).status, 0)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), "real.csv")
        XCTAssertTrue(try String(contentsOfFile: real, encoding: .utf8).hasPrefix("record,format,version"))
        XCTAssertEqual(try mode(real), 0o600)

        // Never a folder, a FIFO, a socket, a device, or a link to one: refused, left as it was.
        var refused: [(String, String)] = [(scratch.path, "is a folder")]
        let fifo = scratch.appendingPathComponent("fifo").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        refused.append((fifo, "is a FIFO"))
        let socketPath = scratch.appendingPathComponent("sock").path
        if bindSocket(at: socketPath) { refused.append((socketPath, "is a socket")) }
        let device = scratch.appendingPathComponent("null-device").path
        if getuid() == 0, mknod(device, S_IFCHR | 0o666, dev_t((1 << 8) | 3)) == 0 {
            refused.append((device, "is a device"))
            let deviceLink = scratch.appendingPathComponent("device-link").path
            symlink(device, deviceLink)
            refused.append((deviceLink, "is a device"))
        }
        let dangling = scratch.appendingPathComponent("dangling").path
        symlink("nowhere", dangling)
        refused.append((dangling, "a symbolic link to a file that cannot be reached"))
        for (path, expected) in refused {
            var before = stat()
            lstat(path, &before)
            let result = try absorb.run(["export", "-o", path])
            XCTAssertEqual(result.status, 1, path)
            XCTAssertTrue(result.stderr.contains(expected) && result.stderr.contains("Nothing was written"), result.stderr)
            var after = stat()
            lstat(path, &after)
            XCTAssertEqual(after.st_mode, before.st_mode, "\(path) was replaced")
            XCTAssertEqual(after.st_ino, before.st_ino, "\(path) was replaced")
        }
        XCTAssertEqual(try leftovers(), [])
        print("OutputSafetyTests: \(refused.count) targets refused")
    }

    func testAWriteThatFailsLeavesTheOldFileAndNoTemporaryFile() throws {
        // Enough entries that the export is larger than a file may be (ulimit -f, in KiB).
        var rows = ["record,format,version,from,to", "archive,absorb-journal,1,,",
                    "record,name,sex,age_months,condition,fat_threshold_g,diets,active,created_at",
                    "profile,Me,,,none,,,yes,2026-11-25T05:19:54.804Z", "record,profile,date,meal,food_id,grams,logged_at"]
        for i in 0..<1_000 { rows.append("entry,Me,2026-11-\(String(format: "%02d", 1 + i % 28)),lunch,11457,\(i + 1),2026-11-25T05:19:55.\(String(format: "%03d", i))Z") }
        let many = scratch.appendingPathComponent("many.csv")
        try Data((rows.joined(separator: "\n") + "\n").utf8).write(to: many)
        XCTAssertEqual(try absorb.run(["import", many.path]).status, 0)
        let file = scratch.appendingPathComponent("big.json").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: file))
        let result = try shell("trap '' XFSZ; ulimit -f 100; exec \"$ABSORB\" export -o '\(file)'")
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("File too large") && result.stderr.contains("the file is as it was"), result.stderr)
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), "old")
        XCTAssertEqual(try leftovers(), [])
    }

    private func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    /// Makes a Unix socket at `path`; false where that is not possible.
    private func bindSocket(at path: String) -> Bool {
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return false }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { return false }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (i, byte) in bytes.enumerated() { raw[i] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        return bound == 0
    }
}
