import Foundation
import XCTest

/// The check-in and skin-and-gut screens in a real terminal (tmux) at 80 × 24 and
/// 120 × 40, and `absorb check-in --poem` asking its questions on a terminal.
final class SkinGutEndToEndTests: XCTestCase {
    var directory: URL!
    var journal: String { directory.appendingPathComponent("journal.sqlite").path }

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("absorb-skin-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private var command: String {
        "\(TmuxSession.quote(AbsorbProcess.executable.path)) --journal \(TmuxSession.quote(journal))"
    }

    func testACheckInWithAFewKeysAndTheSkinAndGutScreenAtBothSizes() throws {
        let cli = AbsorbProcess(journal: journal)
        XCTAssertEqual(try cli.run(["profile", "set", "--scales", "itch,bristol"]).status, 0)
        XCTAssertEqual(try cli.run(["log", "add", "onions", "raw", "160", "g"]).status, 0)
        for (width, height, itch) in [(80, 24, "6"), (120, 40, "4")] {
            let terminal = try TmuxSession(width: width, height: height)
            try terminal.shell(command)
            try terminal.waitFor("Onion, raw")
            try terminal.press("c")
            var rows = try terminal.waitFor("Check-in · ")
            XCTAssertTrue(rows.contains { $0.hasPrefix(" Itch (peak NRS)") }, rows.joined(separator: "\n"))
            try terminal.type(itch)
            try terminal.press("Down")
            try terminal.type("4")
            try terminal.press("Enter")
            rows = try terminal.waitFor(width == 80 ? "Checked in for" : "Updated the check-in for")
            try terminal.press("s")
            rows = try terminal.waitFor("30 days to ")
            let itchRow = rows.first { $0.hasPrefix(" Itch ") } ?? "(no itch row)"
            XCTAssertTrue(itchRow.hasSuffix("latest \(itch)"), itchRow)
            XCTAssertTrue(rows.contains { $0.hasPrefix(" Bristol") && $0.hasSuffix("latest 4 usual") }, rows.joined(separator: "\n"))
            XCTAssertTrue(rows.contains { $0.contains("prebiotic 2 (onion)") }, rows.joined(separator: "\n"))
            XCTAssertEqual(rows[height - 1], " ↑↓ scale  f figure  v 30/90  c check in  t trial  Esc back  ? help  q quit")
            // A check-in another absorb saves appears in the open screen.
            XCTAssertEqual(try cli.run(["check-in", "--bristol", "6"]).status, 0)
            rows = try terminal.waitFor("latest 6 suggests diarrhoea")
            try terminal.press("Escape", "q")
            try terminal.waitFor(TmuxSession.prompt)
            try terminal.assertShellUsable()
            let saved = try cli.run(["check-ins", "--format", "csv"])
            XCTAssertTrue(saved.stdout.contains(",\(itch),,,,6,,"), saved.stdout)
        }
    }

    /// A trial started with absorb trial while the dashboard is open shows its phases on the
    /// open skin-and-gut screen (tmux, 80 × 24); before it, what changed says why it is empty.
    func testATrialStartedBesideTheDashboardIsMarkedOnTheSkinAndGutScreen() throws {
        let cli = AbsorbProcess(journal: journal)
        XCTAssertEqual(try cli.run(["profile", "set", "--scales", "itch"]).status, 0)
        XCTAssertEqual(try cli.run(["check-in", "--itch", "5"]).status, 0)
        XCTAssertEqual(try cli.run(["log", "add", "onions", "raw", "160", "g"]).status, 0)
        let terminal = try TmuxSession(width: 80, height: 24)
        try terminal.shell(command)
        try terminal.waitFor("Onion, raw")
        try terminal.press("s")
        var rows = try terminal.waitFor("30 days to ")
        XCTAssertFalse(rows.contains { $0.hasPrefix(" Trial") }, rows.joined(separator: "\n"))
        XCTAssertTrue(rows.contains { $0.contains("What changed needs at least 14 days of check-ins; there is 1.") }, rows.joined(separator: "\n"))
        let started = try cli.run(["trial", "start", "no dairy", "--remove", "no_dairy", "--weeks", "2"])
        XCTAssertEqual(started.status, 0, started.stderr)
        rows = try terminal.waitFor("b T r: no dairy")
        let row = rows.first { $0.hasPrefix(" Trial ") } ?? "(no trial row)"
        // 30 columns of a day from x = 16: 15 before the baseline, its 14 days, then today, the trial's first.
        XCTAssertTrue(row.hasPrefix(" Trial" + String(repeating: " ", count: 25) + String(repeating: "b", count: 14) + "T"), row)
        try terminal.press("Escape", "q")
        try terminal.waitFor(TmuxSession.prompt)
        try terminal.assertShellUsable()
    }

    func testPOEMAsksItsQuestionsOnATerminalAndAsksAgainAfterAWrongAnswer() throws {
        let terminal = try TmuxSession()
        try terminal.shell("\(TmuxSession.quote(AbsorbProcess.executable.path)) check-in --poem --journal \(TmuxSession.quote(journal))")
        try terminal.waitFor("1/7 Over the last week, on how many days has your skin been itchy")
        try terminal.type("7")
        try terminal.press("Enter")
        try terminal.waitFor("\"7\" is not an answer: type a number from 0 to 4")
        for answer in ["2", "2", "1", "1", "2", "1", "1"] {
            try terminal.type(answer)
            try terminal.press("Enter")
        }
        try terminal.waitFor("POEM 10/28 (moderate eczema)")
        try terminal.waitFor(TmuxSession.prompt)
        try terminal.assertShellUsable()
    }
}
