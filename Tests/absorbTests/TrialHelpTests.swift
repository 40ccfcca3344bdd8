import Foundation
import XCTest

/// `absorb trial start --help` states the weeks a trial may last as `Data/trials.csv` has
/// them: the help is read from the file, not typed beside it.
final class TrialHelpTests: XCTestCase {
    func testTheHelpsWeeksComeFromTrialsCSV() throws {
        let bundled = AbsorbProcess.packageRoot.appendingPathComponent("Data")
        let help = try AbsorbProcess(journal: "/nonexistent/journal.sqlite").run(["trial", "start", "--help"], useJournalOption: false)
        let rules = try String(contentsOf: bundled.appendingPathComponent("trials.csv"), encoding: .utf8)
        func value(_ key: String, in csv: String) -> String {
            csv.split(separator: "\n").first { $0.hasPrefix(key + ",") }!.split(separator: ",")[1].description
        }
        XCTAssertTrue(help.stdout.contains("How many weeks the trial lasts, \(value("min_weeks", in: rules)) to \(value("max_weeks", in: rules))."), help.stdout)

        // A Data/ folder whose trials.csv allows 2 to 10 weeks and 4 of reintroduction.
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("absorb-trial-help-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: copy) }
        try FileManager.default.copyItem(at: bundled, to: copy)
        let changed = rules.replacingOccurrences(of: "\nmin_weeks,1,", with: "\nmin_weeks,2,")
            .replacingOccurrences(of: "\nmax_weeks,12,", with: "\nmax_weeks,10,")
            .replacingOccurrences(of: "\nmax_reintroduce_weeks,8,", with: "\nmax_reintroduce_weeks,4,")
            .replacingOccurrences(of: "\nmin_phase_days,7,", with: "\nmin_phase_days,5,")
        XCTAssertNotEqual(changed, rules)
        try changed.write(to: copy.appendingPathComponent("trials.csv"), atomically: true, encoding: .utf8)
        var process = AbsorbProcess(journal: "/nonexistent/journal.sqlite")
        process.environment["ABSORB_DATA"] = copy.path
        let start = try process.run(["trial", "start", "--help"], useJournalOption: false).stdout
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        XCTAssertTrue(start.contains("How many weeks the trial lasts, 2 to 10."), start)
        XCTAssertTrue(start.contains("Weeks of reintroduction after it, 0 to 4 (default: 0)."), start)
        XCTAssertTrue(start.contains("--reintroduce-weeks from 0 to 4 (Data/trials.csv)"), start)
        XCTAssertTrue(start.contains("--weeks from 2 to 10 and"), start)
        // The discussion is wrapped: read on across its line breaks.
        let trial = try process.run(["trial", "--help"], useJournalOption: false).stdout
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        XCTAssertTrue(trial.contains("from 5 days (POEM: 2 weeks; Data/trials.csv)"), trial)
    }
}
