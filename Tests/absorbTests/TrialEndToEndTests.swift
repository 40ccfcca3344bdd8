import Foundation
import XCTest

/// The trial screen in a real terminal (tmux, 80 × 24): a trial started from the
/// dashboard's form (after a refusal that saves nothing), shown, ended, the end undone and
/// redone, as the journal and `absorb trial` then have it.
final class TrialEndToEndTests: XCTestCase {
    var directory: URL!
    var journal: String { directory.appendingPathComponent("journal.sqlite").path }

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("absorb-trial-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func testATrialIsStartedShownAndEndedFromTheDashboard() throws {
        let cli = AbsorbProcess(journal: journal)
        XCTAssertEqual(try cli.run(["profile", "set", "--scales", "itch"]).status, 0)
        XCTAssertEqual(try cli.run(["check-in", "--itch", "5"]).status, 0)
        XCTAssertEqual(try cli.run(["log", "add", "onions", "raw", "160", "g"]).status, 0)
        let terminal = try TmuxSession(width: 80, height: 24)
        try terminal.shell("\(TmuxSession.quote(AbsorbProcess.executable.path)) --journal \(TmuxSession.quote(journal))")
        try terminal.waitFor("Onion, raw")
        try terminal.press("s")
        try terminal.waitFor("30 days to ")
        try terminal.press("t")
        try terminal.waitFor("No trial yet for")
        try terminal.press("n")
        try terminal.waitFor("Start a trial")
        // An exclusion absorb does not know is refused in the model's words; nothing is saved.
        try terminal.press("Down", "DC")
        try terminal.type("no_dairyy")
        try terminal.press("Down")
        try terminal.type("no dairy")
        try terminal.press("Enter")
        try terminal.waitFor("! \"no_dairyy\" is not a diet or allergen absorb knows")
        XCTAssertTrue(try cli.run(["trial", "list"]).stdout.contains(": 0"))
        try terminal.press("Up", "BSpace")
        try terminal.press("Enter")
        var rows = try terminal.waitFor("Started the trial \"no dairy\"")
        XCTAssertTrue(rows.contains { $0.hasPrefix(" Trial \"no dairy\" · Me · following no_dairy: no dairy") }, rows.joined(separator: "\n"))
        XCTAssertTrue(rows.contains { $0.hasPrefix(" Status: in its trial phase (today, ") }, rows.joined(separator: "\n"))
        XCTAssertTrue(rows.contains { $0 == "     trial          too few: 1 of 7 days" }, rows.joined(separator: "\n"))
        XCTAssertTrue(rows.contains { $0 == " What changed: What changed needs at least 14 days of check-ins; there is 1." }, rows.joined(separator: "\n"))
        let listed = try cli.run(["trial", "list"]).stdout
        XCTAssertTrue(listed.contains("\"no dairy\"  following no_dairy: no dairy") && listed.contains("running"), listed)
        // e asks; y ends it today.
        try terminal.press("e")
        try terminal.waitFor("End the trial \"no dairy\" today")
        try terminal.press("y")
        rows = try terminal.waitFor("Ended the trial \"no dairy\" on ")
        XCTAssertTrue(rows.contains { $0.hasPrefix(" Status: ended on ") }, rows.joined(separator: "\n"))
        let shown = try cli.run(["trial", "show", "--format", "json"]).stdout
        XCTAssertTrue(shown.contains("\"ended_on\":\"") && shown.contains("\"finished\":true"), shown)
        // u takes the end back (the trial runs again), ^R ends it again.
        try terminal.press("u")
        rows = try terminal.waitFor("Undone: Ended the trial \"no dairy\"")
        XCTAssertTrue(try cli.run(["trial", "list"]).stdout.contains("running"))
        try terminal.press("C-r")
        try terminal.waitFor("Redone: Ended the trial \"no dairy\"")
        XCTAssertTrue(try cli.run(["trial", "list"]).stdout.contains("ended "))
        // Esc back to skin and gut, where the trial's phases are marked; then the day, and q.
        try terminal.press("Escape")
        try terminal.waitFor("b T r: no dairy")
        try terminal.press("Escape", "q")
        try terminal.waitFor(TmuxSession.prompt)
        try terminal.assertShellUsable()
    }
}
