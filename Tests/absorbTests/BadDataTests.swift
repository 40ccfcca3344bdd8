import Foundation
import XCTest

/// The corpus of bad data tables under Tests/Fixtures/BadData: each case is a folder of
/// tables that replace the bundled ones, and `expected.txt`, the start of the error it must
/// give (file:line:column: what). Each runs `absorb report --data` on a journal that holds
/// an entry: a clear error, a non-zero exit, no crash, and the journal untouched.
final class BadDataTests: XCTestCase {
    static let corpus = AbsorbProcess.packageRoot.appendingPathComponent("Tests/Fixtures/BadData")

    func testEveryBadTableGivesAClearLocatedErrorAndChangesNothing() throws {
        let fm = FileManager.default
        let scratch = fm.temporaryDirectory.appendingPathComponent("absorb-bad-data-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: scratch) }
        try fm.createDirectory(at: scratch, withIntermediateDirectories: true)
        let journal = scratch.appendingPathComponent("journal.sqlite").path
        let absorb = AbsorbProcess(journal: journal)
        XCTAssertEqual(try absorb.run(["log", "add", "spinach", "raw", "30", "g", "--date", "2026-11-24"]).status, 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: journal))

        let cases = try fm.contentsOfDirectory(atPath: Self.corpus.path).sorted()
        XCTAssertGreaterThanOrEqual(cases.count, 16)
        for name in cases {
            let data = scratch.appendingPathComponent(name).path
            try fm.copyItem(atPath: AbsorbProcess.packageRoot.appendingPathComponent("Data").path, toPath: data)
            let folder = Self.corpus.appendingPathComponent(name)
            var expected = ""
            for file in try fm.contentsOfDirectory(atPath: folder.path) {
                if file == "expected.txt" {
                    expected = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                        .trimmingCharacters(in: .whitespacesAndNewlines)
                    continue
                }
                try fm.removeItem(atPath: data + "/" + file)
                try fm.copyItem(atPath: folder.appendingPathComponent(file).path, toPath: data + "/" + file)
            }
            let result = try absorb.run(["report", "--date", "2026-11-24", "--data", data])
            XCTAssertNotEqual(result.status, 0, "\(name): exit status")
            XCTAssertLessThan(result.status, 128, "\(name): crashed (signal)")
            XCTAssertTrue(result.stderr.contains(expected), "\(name): expected \"\(expected)\", got: \(result.stderr)")
            XCTAssertEqual(result.stdout, "", name)
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: journal)), before, "a bad table changed the journal")
    }

    /// The same bad foods.csv files as a custom-food import: the same located errors, and
    /// not one food saved.
    func testEveryBadFoodsFileIsRefusedByImportAndNothingIsSaved() throws {
        let fm = FileManager.default
        let scratch = fm.temporaryDirectory.appendingPathComponent("absorb-bad-import-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: scratch) }
        try fm.createDirectory(at: scratch, withIntermediateDirectories: true)
        let absorb = AbsorbProcess(journal: scratch.appendingPathComponent("journal.sqlite").path)
        var tried = 0
        for name in try fm.contentsOfDirectory(atPath: Self.corpus.path).sorted() where name.hasPrefix("foods-") {
            let folder = Self.corpus.appendingPathComponent(name)
            let expected = try String(contentsOf: folder.appendingPathComponent("expected.txt"), encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            let result = try absorb.run(["foods", "import", folder.appendingPathComponent("foods.csv").path])
            XCTAssertEqual(result.status, 1, "\(name): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains(expected) && result.stderr.contains("Nothing was imported"),
                          "\(name): expected \"\(expected)\", got: \(result.stderr)")
            tried += 1
        }
        XCTAssertGreaterThanOrEqual(tried, 12)
        let search = try absorb.run(["foods", "search", "butter", "--limit", "200"])
        XCTAssertFalse(search.stdout.contains("Custom foods"), "a failed import saved a food")
    }

    func testAByteOrderMarkAndCRLFAreFine() throws {
        let fm = FileManager.default
        let data = fm.temporaryDirectory.appendingPathComponent("absorb-bom-\(UUID().uuidString)").path
        defer { try? fm.removeItem(atPath: data) }
        try fm.copyItem(atPath: AbsorbProcess.packageRoot.appendingPathComponent("Data").path, toPath: data)
        let foods = try String(contentsOfFile: data + "/foods.csv", encoding: .utf8)
        try ("\u{FEFF}" + foods.replacingOccurrences(of: "\n", with: "\r\n")).write(toFile: data + "/foods.csv", atomically: true, encoding: .utf8)
        let result = try AbsorbProcess(journal: data + "/j.sqlite").run(["foods", "show", "01001", "--data", data])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("Butter, salted"), result.stdout)
    }

    func testATenMegabyteLineIsRefused() throws {
        let fm = FileManager.default
        let data = fm.temporaryDirectory.appendingPathComponent("absorb-long-\(UUID().uuidString)").path
        defer { try? fm.removeItem(atPath: data) }
        try fm.copyItem(atPath: AbsorbProcess.packageRoot.appendingPathComponent("Data").path, toPath: data)
        // (The tables end lines with CRLF, which Swift counts as one Character: split on scalars.)
        let header = try String(contentsOfFile: data + "/foods.csv", encoding: .utf8).components(separatedBy: .newlines)[0]
        let long = "01001,\"" + String(repeating: "x", count: 10_000_000) + "\",Dairy,717,81,,,,,,,,,,,,,\n"
        try (header + "\n" + long).write(toFile: data + "/foods.csv", atomically: true, encoding: .utf8)
        try (try String(contentsOfFile: data + "/portions.csv", encoding: .utf8).components(separatedBy: .newlines)[0] + "\n")
            .write(toFile: data + "/portions.csv", atomically: true, encoding: .utf8)
        let result = try AbsorbProcess(journal: data + "/j.sqlite").run(["report", "--data", data])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("foods.csv:2:7: the description is 10000000 bytes long; a food's description is at most 1000"),
                      result.stderr)
    }
}
