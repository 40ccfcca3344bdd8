import Foundation
import XCTest

/// A real terminal for the end-to-end tests: a detached tmux session on a private server,
/// running an interactive shell, driven with `send-keys` and read with `capture-pane`.
final class TmuxSession {
    enum Failure: Error, CustomStringConvertible {
        case missing(String)
        case failed(String)
        var description: String {
            switch self {
            case .missing(let text), .failed(let text): text
            }
        }
    }

    let tmux: String
    let socket = "absorb-test-\(UUID().uuidString.prefix(8))"
    let target = "main"
    /// The prompt of the shell in the pane (as captured: capture-pane drops trailing spaces).
    static let prompt = "shell$"

    /// Starts a shell in a `width` × `height` pane. Throws (and the test fails, never
    /// passes silently) when tmux is not installed.
    init(width: Int = 80, height: Int = 24, environment: [String: String] = [:]) throws {
        guard let tmux = Self.find("tmux") else {
            throw Failure.missing("tmux is needed for the end-to-end dashboard tests and is not on PATH (.ci/run installs it: apt-get install tmux)")
        }
        self.tmux = tmux
        var variables = ["LANG": "C.UTF-8", "LC_ALL": "", "TZ": "UTC", "PS1": Self.prompt + " ", "ABSORB_DATA": "", "ABSORB_JOURNAL": "",
                         "XDG_CACHE_HOME": AbsorbProcess.cacheHome,
                         // The test runner may set NO_COLOR for its own output; empty means unset.
                         "NO_COLOR": ""]
        for (key, value) in environment { variables[key] = value }
        let assignments = variables.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
        try run(["-f", "/dev/null", "-u", "new-session", "-d", "-s", target, "-x", "\(width)", "-y", "\(height)",
                 "env \(assignments) bash --norc --noprofile"])
        try run(["set-option", "-g", "status", "off"])
        try waitFor(Self.prompt)
    }

    deinit {
        _ = try? run(["kill-server"])
    }

    /// Types text literally.
    func type(_ text: String) throws { try run(["send-keys", "-t", target, "-l", text]) }

    /// Presses keys by tmux's names: `Enter`, `Escape`, `Left`, `C-c`, `Tab`, `q`.
    func press(_ keys: String...) throws { try run(["send-keys", "-t", target] + keys) }

    /// Types a command line into the shell and presses Enter.
    func shell(_ command: String) throws {
        try type(command)
        try press("Enter")
    }

    /// The screen as rows of text.
    func capture() throws -> [String] {
        try run(["capture-pane", "-p", "-t", target]).components(separatedBy: "\n")
    }

    /// The screen with its colours and attributes as escape sequences.
    func captureWithAttributes() throws -> String { try run(["capture-pane", "-p", "-e", "-t", target]) }

    /// A tmux format of the pane, such as `#{cursor_flag}` or `#{alternate_on}`.
    func format(_ format: String) throws -> String {
        try run(["display-message", "-p", "-t", target, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Checks that the terminal is as a shell needs it: canonical input with echo, the
    /// cursor shown, the normal screen, and a command typed at the prompt runs.
    func assertShellUsable(file: StaticString = #filePath, line: UInt = #line) throws {
        try shell("stty -a | tr ' ;' '\\n\\n' | grep -x -e echo -e -echo -e icanon -e -icanon | tr '\\n' ' '; echo END-$((40+2))")
        let rows = try waitFor("END-42")
        XCTAssertTrue(rows.contains { $0.contains("icanon echo END-42") }, "the terminal was left raw:\n" + rows.joined(separator: "\n"),
                      file: file, line: line)
        XCTAssertEqual(try format("#{alternate_on}"), "0", "still on the alternate screen", file: file, line: line)
        XCTAssertEqual(try format("#{cursor_flag}"), "1", "the cursor is hidden", file: file, line: line)
    }

    /// Resizes the pane.
    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", target, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Waits until some row contains `text`; the screen then. Throws with the screen when it
    /// never appears.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 15) throws -> [String] {
        try waitUntil("a row containing \"\(text)\"", timeout: timeout) { rows in rows.contains { $0.contains(text) } }
    }

    /// Waits until no row contains `text`.
    @discardableResult
    func waitForNo(_ text: String, timeout: TimeInterval = 15) throws -> [String] {
        try waitUntil("no row containing \"\(text)\"", timeout: timeout) { rows in !rows.contains { $0.contains(text) } }
    }

    func waitUntil(_ what: String, timeout: TimeInterval, _ condition: ([String]) -> Bool) throws -> [String] {
        let deadline = Date().addingTimeInterval(timeout)
        var rows: [String] = []
        while Date() < deadline {
            rows = try capture()
            if condition(rows) {
                // A frame can be caught half drawn (tmux reads the program's output in
                // pieces): the screen is returned once two captures 50 ms apart agree, so
                // what the test then reads off other rows belongs to the same frame.
                Thread.sleep(forTimeInterval: 0.05)
                let again = try capture()
                if again == rows { return rows }
                continue
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw Failure.failed("waited \(Int(timeout)) s for \(what); the screen was:\n" + rows.joined(separator: "\n"))
    }

    /// The row that starts with `prefix` (after its first space), for reading one nutrient.
    func row(_ prefix: String, in rows: [String]) -> String? {
        rows.first { $0.hasPrefix(" " + prefix) }
    }

    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        let (status, output, errors) = try Self.spawn(tmux, ["-L", socket] + arguments)
        guard status == 0 else {
            throw Failure.failed("tmux \(arguments.joined(separator: " ")) failed (\(status)): \(errors)")
        }
        return output
    }

    /// Runs a program and waits for it, its output read from files. Not Foundation's
    /// `Process`: on Linux it learns that a child ended when a socket the child inherited
    /// closes, and the tmux server that `new-session` forks keeps that socket open, so the
    /// wait would never end.
    static func spawn(_ path: String, _ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
        let outPath = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-out-\(UUID().uuidString)").path
        let errPath = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-err-\(UUID().uuidString)").path
        defer {
            unlink(outPath)
            unlink(errPath)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "TMUX")
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, nil, argv, envp)
        guard spawned == 0 else { throw Failure.failed("could not start \(path): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let output = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let errors = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        return (exitStatus, output, errors)
    }

    static func find(_ program: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(program)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Quotes a word for the shell.
    static func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}
