import Foundation
import XCTest

/// `scripts/install.sh` (what `make install` runs) into a temporary prefix, with the
/// absorb these tests built (the release build and the clean clone are `.ci/run`'s): the
/// program, its tables, the man page and the completions land where they belong, and the
/// installed absorb uses the installed tables.
final class InstallTests: XCTestCase {
    var scratch: URL!

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("absorb-install-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    private func install(_ arguments: [String]) throws -> AbsorbProcess.Result {
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "ABSORB_DATA")
        environment.removeValue(forKey: "PREFIX")
        environment.removeValue(forKey: "DESTDIR")
        return try AbsorbProcess.runProgram(
            "/bin/bash", [AbsorbProcess.packageRoot.appendingPathComponent("scripts/install.sh").path,
                          "--binary", AbsorbProcess.executable.path] + arguments,
            environment: environment)
    }

    /// Runs the installed absorb from `/`, with no ABSORB_DATA, on a journal of its own.
    private func runInstalled(_ prefix: URL, _ arguments: [String]) throws -> AbsorbProcess.Result {
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "ABSORB_DATA")
        environment["ABSORB_JOURNAL"] = scratch.appendingPathComponent("journal.sqlite").path
        environment["XDG_CACHE_HOME"] = scratch.appendingPathComponent("cache").path
        environment["TZ"] = "UTC"
        return try AbsorbProcess.runProgram(prefix.appendingPathComponent("bin/absorb").path, arguments, environment: environment)
    }

    func testAnInstallPutsEverythingUnderThePrefixAndTheProgramFindsItsTables() throws {
        let prefix = scratch.appendingPathComponent("prefix with space")
        let result = try install(["--prefix", prefix.path])
        XCTAssertEqual(result.status, 0, result.stderr + result.stdout)
        XCTAssertTrue(result.stdout.contains("installed absorb in \(prefix.path)"), result.stdout)
        let fm = FileManager.default
        for file in ["bin/absorb", "share/absorb/Data/foods.csv", "share/absorb/Data/demo", "share/man/man1/absorb.1",
                     "share/bash-completion/completions/absorb", "share/zsh/site-functions/_absorb",
                     "share/fish/vendor_completions.d/absorb.fish"] {
            XCTAssertTrue(fm.fileExists(atPath: prefix.appendingPathComponent(file).path), file)
        }
        XCTAssertTrue(fm.isExecutableFile(atPath: prefix.appendingPathComponent("bin/absorb").path))
        let mode = try fm.attributesOfItem(atPath: prefix.appendingPathComponent("share/man/man1/absorb.1").path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o644)
        XCTAssertEqual(try Data(contentsOf: prefix.appendingPathComponent("share/man/man1/absorb.1")),
                       try Data(contentsOf: AbsorbProcess.packageRoot.appendingPathComponent("man/absorb.1")))
        XCTAssertTrue(try String(contentsOf: prefix.appendingPathComponent("share/bash-completion/completions/absorb"), encoding: .utf8)
            .contains("absorb"))

        let search = try runInstalled(prefix, ["foods", "search", "salmon", "--limit", "1"])
        XCTAssertEqual(search.status, 0, search.stderr)
        XCTAssertTrue(search.stdout.lowercased().contains("salmon"), search.stdout)

        // The tables it read are the installed ones: one made bad there is reported there.
        let lifeStages = prefix.appendingPathComponent("share/absorb/Data/life_stages.csv")
        let header = try String(contentsOf: lifeStages, encoding: .utf8).split(separator: "\n")[0]
        try (header + "\n").write(to: lifeStages, atomically: true, encoding: .utf8)
        let bad = try runInstalled(prefix, ["report"])
        XCTAssertEqual(bad.status, 1, bad.stdout)
        XCTAssertTrue(bad.stderr.contains(prefix.appendingPathComponent("share/absorb/Data/life_stages.csv").path), bad.stderr)

        // Installing again replaces the tables whole; uninstalling removes it all.
        XCTAssertEqual(try install(["--prefix", prefix.path]).status, 0)
        XCTAssertEqual(try runInstalled(prefix, ["report"]).status, 0)
        let removed = try install(["--uninstall", "--prefix", prefix.path])
        XCTAssertEqual(removed.status, 0, removed.stderr)
        XCTAssertFalse(fm.fileExists(atPath: prefix.appendingPathComponent("bin/absorb").path))
        XCTAssertFalse(fm.fileExists(atPath: prefix.appendingPathComponent("share/absorb").path))
    }

    func testADestdirStagesTheFilesAndMakeUsesTheScript() throws {
        let stage = scratch.appendingPathComponent("stage")
        let result = try install(["--prefix", "/usr/local", "--destdir", stage.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: stage.appendingPathComponent("usr/local/bin/absorb").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: stage.appendingPathComponent("usr/local/share/absorb/Data/targets.csv").path))
        let makefile = try String(contentsOf: AbsorbProcess.packageRoot.appendingPathComponent("Makefile"), encoding: .utf8)
        XCTAssertTrue(makefile.contains("scripts/install.sh --prefix \"$(PREFIX)\" --destdir \"$(DESTDIR)\""))
        let unknown = try install(["--frobnicate"])
        XCTAssertEqual(unknown.status, 64)
    }
}
