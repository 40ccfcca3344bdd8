import Foundation
import GRDB
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
            var expected: String?
            for file in try fm.contentsOfDirectory(atPath: folder.path) {
                if file == "expected.txt" {
                    expected = try Self.expectedMessage(in: folder, name)
                    continue
                }
                try fm.removeItem(atPath: data + "/" + file)
                try fm.copyItem(atPath: folder.appendingPathComponent(file).path, toPath: data + "/" + file)
            }
            guard let expected else {
                XCTFail("\(name): the case has no expected.txt")
                continue
            }
            let result = try absorb.run(["report", "--date", "2026-11-24", "--data", data])
            XCTAssertNotEqual(result.status, 0, "\(name): exit status")
            XCTAssertLessThan(result.status, 128, "\(name): crashed (signal)")
            XCTAssertTrue(result.stderr.contains("/" + expected), "\(name): expected \"\(expected)\", got: \(result.stderr)")
            XCTAssertEqual(result.stdout, "", name)
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: journal)), before, "a bad table changed the journal")
    }

    /// A case's `expected.txt`: the message it must give, which names its file, line,
    /// column and reason (`foods.csv:3:24: fat_g cannot be negative`).
    static func expectedMessage(in folder: URL, _ name: String) throws -> String {
        let expected = try String(contentsOf: folder.appendingPathComponent("expected.txt"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let located = try Regex(#"^[a-z_]+\.csv:[0-9]+:[0-9]+: \S.{5,}$"#)
        XCTAssertNotNil(expected.wholeMatch(of: located), "\(name): expected.txt must be file:line:column: reason, found \"\(expected)\"")
        return expected
    }

    /// A foods.csv with each food id given the `C` a custom food's id needs (`01001` →
    /// `C01001`), so that an import refuses it only for what is wrong in it.
    static func withCustomIDs(_ bytes: Data) -> Data {
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Data($0) }
        for index in lines.indices.dropFirst() {
            let line = lines[index]
            if line.count > 5, line.prefix(5).allSatisfy({ (0x30...0x39).contains($0) }), line[line.startIndex + 5] == UInt8(ascii: ",") {
                lines[index] = Data("C".utf8) + line
            }
        }
        return Data(lines.joined(separator: [UInt8(ascii: "\n")]))
    }

    /// The same bad foods.csv files as a custom-food import: the same located errors, and
    /// not one food saved.
    func testEveryBadFoodsFileIsRefusedByImportAndNothingIsSaved() throws {
        let fm = FileManager.default
        let scratch = fm.temporaryDirectory.appendingPathComponent("absorb-bad-import-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: scratch) }
        try fm.createDirectory(at: scratch, withIntermediateDirectories: true)
        let journal = scratch.appendingPathComponent("journal.sqlite").path
        let absorb = AbsorbProcess(journal: journal)
        var tried = 0
        for name in try fm.contentsOfDirectory(atPath: Self.corpus.path).sorted() where name.hasPrefix("foods-") {
            let folder = Self.corpus.appendingPathComponent(name)
            let expected = try Self.expectedMessage(in: folder, name)
            let result = try absorb.run(["foods", "import", folder.appendingPathComponent("foods.csv").path])
            XCTAssertEqual(result.status, 1, "\(name): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("/" + expected) && result.stderr.contains("Nothing was imported"),
                          "\(name): expected \"\(expected)\", got: \(result.stderr)")
            // The same file with ids an import accepts: refused for what is wrong in it, and
            // for nothing else.
            let custom = scratch.appendingPathComponent(name).path
            try fm.createDirectory(atPath: custom, withIntermediateDirectories: true)
            try Self.withCustomIDs(try Data(contentsOf: folder.appendingPathComponent("foods.csv")))
                .write(to: URL(fileURLWithPath: custom + "/foods.csv"))
            let again = try absorb.run(["foods", "import", custom + "/foods.csv"])
            XCTAssertEqual(again.status, 1, "\(name) with C ids: \(again.stderr)")
            XCTAssertTrue(again.stderr.contains("Nothing was imported"), "\(name) with C ids: \(again.stderr)")
            XCTAssertFalse(again.stderr.contains("must start with C") || again.stderr.contains("there is already a food"),
                           "\(name) with C ids was refused for its ids, not for what is wrong in it: \(again.stderr)")
            tried += 1
        }
        XCTAssertGreaterThanOrEqual(tried, 12)
        let queue = try DatabaseQueue(path: journal)
        XCTAssertEqual(try queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM custom_food") }, 0, "a failed import saved a food")
        try queue.close()
        // The control: the first food of those files, alone and with a C id, is imported.
        let good = scratch.appendingPathComponent("good.csv")
        let rows = try String(contentsOf: Self.corpus.appendingPathComponent("foods-negative/foods.csv"), encoding: .utf8)
            .components(separatedBy: "\n")
        try Self.withCustomIDs(Data((rows[0...1].joined(separator: "\n") + "\n").utf8)).write(to: good)
        let control = try AbsorbProcess(journal: scratch.appendingPathComponent("control.sqlite").path).run(["foods", "import", good.path])
        XCTAssertEqual(control.status, 0, control.stderr)
        XCTAssertTrue(control.stdout.contains("Imported 1 food"), control.stdout)
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
