import Foundation
import XCTest

/// `absorb export` and `absorb import` as a person runs them: a lossless round trip
/// through files, and every bad file under Tests/Fixtures/BadImports refused whole with
/// its place named, the journal unchanged.
final class ArchiveCommandTests: XCTestCase {
    static let corpus = AbsorbProcess.packageRoot.appendingPathComponent("Tests/Fixtures/BadImports")
    var scratch: URL!

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("absorb-archive-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    private func absorb(_ name: String) -> AbsorbProcess { AbsorbProcess(journal: scratch.appendingPathComponent(name).path) }

    private func ok(_ process: AbsorbProcess, _ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let result = try process.run(arguments)
        XCTAssertEqual(result.status, 0, "\(arguments): \(result.stderr)", file: file, line: line)
        return result.stdout
    }

    func testExportImportExportThroughFilesIsIdenticalInBothFormats() throws {
        let source = absorb("source.sqlite")
        _ = try ok(source, ["log", "add", "salmon", "cooked", "150", "g", "--date", "2026-11-20", "--meal", "dinner"])
        _ = try ok(source, ["foods", "add", "Granola bar, \"Brand X\"", "--serving", "40", "--measure", "bar", "--fat", "7", "--vitamin-e", "1.5"])
        _ = try ok(source, ["foods", "recipe", "Spinach omelette", "--ingredient", "egg whole raw 2 large",
                            "--ingredient", "spinach raw 1 cup", "--cooked", "120", "--servings", "2"])
        _ = try ok(source, ["log", "add", "R0001", "1", "serving", "--date", "2026-11-21", "--meal", "breakfast"])
        _ = try ok(source, ["log", "add", "C0001", "1", "bar", "--date", "2026-11-21", "--meal", "snack"])
        _ = try ok(source, ["foods", "favourite", "C0001"])
        _ = try ok(source, ["profile", "add", "Patient B"])
        _ = try ok(source, ["profile", "set", "--sex", "male", "--age", "70"])
        _ = try ok(source, ["profile", "target", "vitamin_d", "25"])
        _ = try ok(source, ["log", "add", "spinach", "raw", "1/3", "cup", "--date", "2026-11-22", "--meal", "lunch"])

        for format in ["json", "csv"] {
            let first = scratch.appendingPathComponent("first.\(format)").path
            let output = try source.run(["export", "--format", format, "--output", first])
            XCTAssertEqual(output.status, 0, output.stderr)
            XCTAssertTrue(output.stderr.contains("Exported 2 profiles, 4 entries, 1 custom food and 1 recipe"), output.stderr)
            let mode = (try FileManager.default.attributesOfItem(atPath: first)[.posixPermissions] as? NSNumber)?.intValue
            XCTAssertEqual(mode, 0o600, "an export is health data")

            let copy = absorb("copy-\(format).sqlite")
            let imported = try ok(copy, ["import", first])
            XCTAssertTrue(imported.contains("4 entries, 2 new profiles, 1 target, 1 favourite, 1 custom food, 1 recipe"), imported)
            let again = try ok(copy, ["export", "--format", format])
            XCTAssertEqual(again, try String(contentsOfFile: first, encoding: .utf8), "\(format): export → import → export differs")
            // The copy is a working journal: the recipe is scored, the profile active.
            let report = try copy.json(["report", "--date", "2026-11-21", "--format", "json", "--profile", "Me"])
            XCTAssertEqual((report["entries"] as? [Any])?.count, 2)

            let twice = try ok(copy, ["import", first])
            XCTAssertTrue(twice.contains("0 entries (4 already there)"), twice)
            XCTAssertEqual(try ok(copy, ["export", "--format", format]), again, "importing the same file twice changes nothing")
        }
        // The same journal in the two formats holds the same things.
        let json = try ok(source, ["export"])
        let csv = try ok(source, ["export", "--format", "csv"])
        XCTAssertTrue(json.contains("\"name\" : \"Patient B\"") && csv.contains("\r\nprofile,Patient B,male,840,"))
    }

    func testARangeAndAProfileLimitTheExport() throws {
        let source = absorb("range.sqlite")
        for date in ["2026-11-01", "2026-11-15", "2026-11-30"] {
            _ = try ok(source, ["log", "add", "spinach", "raw", "30", "g", "--date", date])
        }
        let csv = try ok(source, ["export", "--format", "csv", "--from", "2026-11-10", "--to", "2026-11-20"])
        XCTAssertTrue(csv.contains("archive,absorb-journal,4,2026-11-10,2026-11-20"))
        XCTAssertEqual(csv.components(separatedBy: "\r\nentry,").count - 1, 1)
        let bad = try source.run(["export", "--from", "2026-11-20", "--to", "2026-11-10"])
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stderr.contains("--from 2026-11-20 is after --to 2026-11-10"), bad.stderr)
        for command in [["export"], ["summary", "--format", "html"]] {
            let nowhere = try source.run(command + ["--output", scratch.appendingPathComponent("no/such/folder/out").path])
            XCTAssertEqual(nowhere.status, 1, "\(command)")
            XCTAssertTrue(nowhere.stderr.contains("cannot be written: No such file or directory (check the folder"), nowhere.stderr)
            let file = scratch.appendingPathComponent("out-\(command[0])").path
            try "an older file".write(toFile: file, atomically: true, encoding: .utf8)
            XCTAssertEqual(try source.run(command + ["--output", file]).status, 0)
            XCTAssertFalse(try String(contentsOfFile: file, encoding: .utf8).contains("an older file"), "replaced whole")
            let mode = (try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? NSNumber)?.intValue
            XCTAssertEqual(mode, 0o600, "\(command): health data is private")
            XCTAssertFalse(FileManager.default.fileExists(atPath: file + ".part"))
        }
        let nobody = try source.run(["export", "--profile", "Nobody"])
        XCTAssertEqual(nobody.status, 1)
        XCTAssertTrue(nobody.stderr.contains("--profile Nobody: no such profile"), nobody.stderr)
    }

    func testEveryBadImportIsRefusedWithItsPlaceAndNothingIsSaved() throws {
        let fm = FileManager.default
        let target = absorb("target.sqlite")
        _ = try ok(target, ["log", "add", "spinach", "raw", "30", "g", "--date", "2026-11-24"])
        let before = try ok(target, ["export"])

        // A 10 MB line is made here rather than kept in the repository.
        let huge = scratch.appendingPathComponent("csv-10mb-line.csv")
        let header = "record,format,version,from,to\r\narchive,absorb-journal,1,,\r\nrecord,id,description,energy_kcal,fat_g,fiber_g,vitamin_a_rae_ug,retinol_ug,vitamin_d_ug,vitamin_e_mg,vitamin_e_added_mg,vitamin_k_ug,linoleic_acid_g,alpha_linolenic_acid_g,epa_g,dha_g,created_at\r\n"
        try (header + "food,C0001," + String(repeating: "x", count: 10 << 20) + ",180,7,,,,,,,,,,,,2026-11-20T08:00:00.000Z\r\n")
            .write(to: huge, atomically: true, encoding: .utf8)
        var cases = try fm.contentsOfDirectory(atPath: Self.corpus.path).filter { !$0.hasSuffix(".expected.txt") }.sorted()
            .map { (path: Self.corpus.appendingPathComponent($0).path, expected: "") }
        cases = try cases.map { item in
            let expected = String(item.path[..<item.path.lastIndex(of: ".")!]) + ".expected.txt"
            return (item.path, try String(contentsOfFile: expected, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        cases.append((huge.path, "csv-10mb-line.csv:4:12 (description): is 10485760 bytes long; at most 1000 are accepted"))
        XCTAssertGreaterThanOrEqual(cases.count, 27)
        for (path, expected) in cases {
            let name = (path as NSString).lastPathComponent
            let result = try target.run(["import", path])
            XCTAssertEqual(result.status, 1, "\(name): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains((expected as NSString).lastPathComponent) || result.stderr.contains(expected),
                          "\(name): expected \"\(expected)\", got: \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("Nothing was imported"), "\(name): \(result.stderr)")
            XCTAssertEqual(result.stdout, "", name)
        }
        XCTAssertEqual(try ok(target, ["export"]), before, "a refused import changed the journal")
    }

    func testAnImportWithABOMAndOnlyLFLineEndingsIsFine() throws {
        let source = absorb("bom-source.sqlite")
        _ = try ok(source, ["log", "add", "spinach", "raw", "30", "g", "--date", "2026-11-24"])
        let csv = try ok(source, ["export", "--format", "csv"])
        let file = scratch.appendingPathComponent("bom.csv")
        try ("\u{FEFF}" + csv.replacingOccurrences(of: "\r\n", with: "\n")).write(to: file, atomically: true, encoding: .utf8)
        let target = absorb("bom-target.sqlite")
        XCTAssertTrue(try ok(target, ["import", file.path]).contains("1 entry"))
        XCTAssertEqual(try ok(target, ["export", "--format", "csv"]), csv)
    }
}
