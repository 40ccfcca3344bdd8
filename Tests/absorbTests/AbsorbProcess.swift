import Foundation
import XCTest

/// Runs the real `absorb` binary as a separate process, on a journal of its own.
struct AbsorbProcess {
    /// The result of one run.
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    let journal: String
    var environment: [String: String] = [:]

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The built `absorb` next to the test bundle.
    static var executable: URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL,
            Bundle(for: Marker.self).bundleURL.deletingLastPathComponent(),
        ]
        for directory in candidates {
            let url = directory.appendingPathComponent("absorb")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return packageRoot.appendingPathComponent(".build/debug/absorb")
    }

    private final class Marker {}

    /// The tests' own cache folder (`XDG_CACHE_HOME`), shared by every run of absorb they
    /// start, so none writes to the home of whoever runs the tests.
    static let cacheHome = FileManager.default.temporaryDirectory.appendingPathComponent("absorb-tests-cache").path

    /// Runs `absorb arguments...` with `--journal` pointing at this test's journal.
    @discardableResult
    func run(_ arguments: [String], useJournalOption: Bool = true) throws -> Result {
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "ABSORB_DATA")
        env.removeValue(forKey: "ABSORB_JOURNAL")
        env["TZ"] = "UTC"
        env["XDG_CACHE_HOME"] = Self.cacheHome
        for (key, value) in environment { env[key] = value }
        return try Self.runProgram(Self.executable.path, arguments + (useJournalOption ? ["--journal", journal] : []),
                                   environment: env)
    }

    /// Runs any program to its end, with its output and errors.
    static func runProgram(_ path: String, _ arguments: [String], environment: [String: String]? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Runs and parses stdout as a JSON object.
    func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try run(arguments)
        XCTAssertEqual(result.status, 0, result.stderr)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        return try XCTUnwrap(object as? [String: Any], result.stdout)
    }
}
