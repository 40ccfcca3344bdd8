import Foundation
import Journal
import XCTest

/// Exports prove they are whole (format version 2: an end with counts and a SHA-256):
/// a real export cut anywhere — at every byte through the library, at every line boundary
/// and in the middle of every number through `absorb import` — or changed is refused with
/// the journal untouched; exports of version 1 (no end) still import.
final class ExportIntegrityTests: XCTestCase {
    var scratch: URL!

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("absorb-integrity-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    private func absorb(_ name: String) -> AbsorbProcess { AbsorbProcess(journal: scratch.appendingPathComponent(name).path) }

    @discardableResult
    private func ok(_ process: AbsorbProcess, _ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let result = try process.run(arguments)
        XCTAssertEqual(result.status, 0, "\(arguments): \(result.stderr)", file: file, line: line)
        return result.stdout
    }

    /// A journal with something of every kind: two profiles, a target, a favourite, a
    /// custom food with a measure, a recipe and four entries.
    private func sourceJournal() throws -> AbsorbProcess {
        let source = absorb("source.sqlite")
        try ok(source, ["log", "add", "salmon", "cooked", "150", "g", "--date", "2026-11-20", "--meal", "dinner"])
        try ok(source, ["foods", "add", "Granola bar, \"Brand X\"", "--serving", "40", "--measure", "bar", "--fat", "7", "--vitamin-e", "1.5"])
        try ok(source, ["foods", "recipe", "Spinach omelette", "--ingredient", "egg whole raw 2 large",
                        "--ingredient", "spinach raw 1 cup", "--cooked", "120", "--servings", "2"])
        try ok(source, ["log", "add", "R0001", "1", "serving", "--date", "2026-11-21", "--meal", "breakfast"])
        try ok(source, ["log", "add", "C0001", "1", "bar", "--date", "2026-11-21", "--meal", "snack"])
        try ok(source, ["foods", "favourite", "C0001"])
        try ok(source, ["profile", "add", "Patient B"])
        try ok(source, ["profile", "target", "vitamin_d", "25"])
        try ok(source, ["log", "add", "egg", "whole", "raw", "100", "g", "--date", "2026-11-22", "--meal", "dinner"])
        return source
    }

    /// Byte lengths at which to cut: after every line ending, and after the first digit
    /// of every number of two or more digits (`100` → `1`).
    private func cutPoints(_ bytes: [UInt8]) -> [Int] {
        var cuts: [Int] = [0]
        for (i, byte) in bytes.enumerated() where byte == 0x0A { cuts.append(i + 1) }
        func digit(_ i: Int) -> Bool { i >= 0 && i < bytes.count && (0x30...0x39).contains(bytes[i]) }
        for i in bytes.indices where digit(i) && !digit(i - 1) && digit(i + 1) { cuts.append(i + 1) }
        return Array(Set(cuts.filter { $0 < bytes.count })).sorted()
    }

    func testEveryCutOfARealExportIsRefusedAndTheJournalIsUnchanged() throws {
        let source = try sourceJournal()
        let target = absorb("target.sqlite")
        try ok(target, ["log", "add", "spinach", "raw", "30", "g", "--date", "2026-11-01"])
        let before = try ok(target, ["export", "--format", "csv"])
        let journalBytes = try Data(contentsOf: URL(fileURLWithPath: target.journal))
        var tried = 0
        for format in ["csv", "json"] {
            let export = Array(try ok(source, ["export", "--format", format]).utf8)
            XCTAssertTrue(String(decoding: export, as: UTF8.self).contains(format == "csv" ? "archive,absorb-journal,4," : "\"version\" : 4"))
            // The whole file imports (into a journal of its own).
            let whole = scratch.appendingPathComponent("whole.\(format)")
            try Data(export).write(to: whole)
            try ok(absorb("whole-\(format).sqlite"), ["import", whole.path])

            // Through the library: every byte.
            for length in 0..<export.count {
                let cut = Array(export[..<length])
                if format == "csv" {
                    XCTAssertThrowsError(try JournalArchive.read(csv: cut, fileName: "cut.csv"), "CSV cut at byte \(length) read")
                } else {
                    XCTAssertThrowsError(try JournalArchive.read(json: cut, fileName: "cut.json"), "JSON cut at byte \(length) read")
                }
            }
            tried += export.count
            // Through the command: line boundaries and numbers cut short.
            for length in cutPoints(export) {
                let file = scratch.appendingPathComponent("cut-\(length).\(format)")
                try Data(export[..<length]).write(to: file)
                let result = try target.run(["import", file.path])
                XCTAssertEqual(result.status, 1, "\(format) cut at byte \(length) imported: \(result.stdout)")
                XCTAssertTrue(result.stderr.contains("Nothing was imported"), result.stderr)
                XCTAssertEqual(result.stdout, "")
                XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: target.journal)), journalBytes,
                               "\(format) cut at byte \(length) changed the journal")
                XCTAssertFalse(FileManager.default.fileExists(atPath: target.journal + "-wal"))
                tried += 1
            }
        }
        XCTAssertEqual(try ok(target, ["export", "--format", "csv"]), before)
        print("ExportIntegrityTests: \(tried) cuts refused")
    }

    func testAChangedExportIsRefusedWithWhatWasWrong() throws {
        let source = try sourceJournal()
        let target = absorb("target.sqlite")
        try ok(target, ["log", "add", "spinach", "raw", "30", "g", "--date", "2026-11-01"])
        let journalBytes = try Data(contentsOf: URL(fileURLWithPath: target.journal))
        let csv = try ok(source, ["export", "--format", "csv"])
        let json = try ok(source, ["export"])
        let cases: [(String, String, String)] = [
            ("csv", csv.replacingOccurrences(of: ",01123,100,", with: ",01123,10,"), "the checksum does not match"),
            ("csv", csv.replacingOccurrences(of: "\r\nentry,Patient B,2026-11-22", with: "\r\nentry,Patient B,2026-11-23"), "the checksum does not match"),
            ("csv", csv.replacingOccurrences(of: "\r\nend,2,1,1,1,1,1,2,4,", with: "\r\nend,2,1,1,1,1,1,2,5,"), "5 entries said, 4 found"),
            ("csv", csv + "entry,Me,2026-11-23,lunch,1123,100,2026-11-23T10:00:00.000Z\r\n", "a row after the end row"),
            ("csv", csv.replacingOccurrences(of: "\r\nfavourite,", with: "\nfavourite,"), "the checksum does not match"),
            ("json", json.replacingOccurrences(of: "\"grams\" : 100,", with: "\"grams\" : 10,"), "the checksum does not match"),
            ("json", json.replacingOccurrences(of: "\"entries\" : 4", with: "\"entries\" : 3"), "3 entries said, 4 found"),
            ("json", json.replacingOccurrences(of: "\n  \"end\"", with: "\n  \"End\""), "the file is cut off"),
        ]
        for (index, (format, text, expected)) in cases.enumerated() {
            XCTAssertNotEqual(text, format == "csv" ? csv : json, "case \(index) changed nothing")
            let file = scratch.appendingPathComponent("changed-\(index).\(format)")
            try Data(text.utf8).write(to: file)
            let result = try target.run(["import", file.path])
            XCTAssertEqual(result.status, 1, "case \(index) imported")
            XCTAssertTrue(result.stderr.contains(expected) && result.stderr.contains("Nothing was imported"), "case \(index): \(result.stderr)")
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: target.journal)), journalBytes)
        }
    }

    func testExportsOfVersionOneStillImport() throws {
        let source = try sourceJournal()
        let csv = try ok(source, ["export", "--format", "csv"])
        let json = try ok(source, ["export"])
        // Version 1 as absorb 0.4 wrote it: no end, version 1.
        let endStart = try XCTUnwrap(csv.range(of: "record,profiles,targets,"))
        let csv1 = String(csv[..<endStart.lowerBound]).replacingOccurrences(of: "archive,absorb-journal,4,", with: "archive,absorb-journal,1,")
        let jsonEnd = try XCTUnwrap(json.range(of: ",\n  \"end\" : {"))
        let json1 = String(json[..<jsonEnd.lowerBound]).replacingOccurrences(of: "\"version\" : 4", with: "\"version\" : 1") + "\n}\n"
        for (format, text) in [("csv", csv1), ("json", json1)] {
            let file = scratch.appendingPathComponent("v1.\(format)")
            try Data(text.utf8).write(to: file)
            let copy = absorb("v1-\(format).sqlite")
            let imported = try ok(copy, ["import", file.path])
            XCTAssertTrue(imported.contains("4 entries, 2 new profiles, 1 target, 1 favourite, 1 custom food, 1 recipe"), imported)
            XCTAssertEqual(try ok(copy, ["export", "--format", format]), format == "csv" ? csv : json,
                           "a version 1 export imports to the same journal")
        }
        // A version 2 file without its end is cut off, not version 1.
        let file = scratch.appendingPathComponent("v2-no-end.csv")
        try Data(String(csv[..<endStart.lowerBound]).utf8).write(to: file)
        let result = try absorb("v2.sqlite").run(["import", file.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("the file is cut off"), result.stderr)
    }

    func testTheChecksumIsSHA256OfTheBytesBeforeTheEnd() throws {
        XCTAssertEqual(SHA256Check.hex(Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256Check.hex([]), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let long = Array(repeating: UInt8(ascii: "a"), count: 1_000)
        XCTAssertEqual(SHA256Check.hex(long), "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}

import NutrientModel
/// NutrientModel's SHA-256 under a name that does not clash with another module's.
typealias SHA256Check = NutrientModel.SHA256
