import XCTest
@testable import NutrientModel

final class CSVReaderTests: XCTestCase {
    func testPlainFieldsWithLFAndCRLF() throws {
        XCTAssertEqual(try TestData.rows("a,b,c\n1,2,3\n"), [["a", "b", "c"], ["1", "2", "3"]])
        XCTAssertEqual(try TestData.rows("a,b,c\r\n1,2,3\r\n"), [["a", "b", "c"], ["1", "2", "3"]])
        XCTAssertEqual(try TestData.rows("a,b\r\n1,2"), [["a", "b"], ["1", "2"]], "last line without a line ending")
    }

    func testQuotedFieldsWithCommasQuotesAndLineBreaks() throws {
        let text = "id,description\r\n1,\"Butter, salted\"\r\n2,\"pat (1\"\" sq)\"\r\n3,\"two\r\nlines\"\r\n4,\"\"\r\n"
        XCTAssertEqual(try TestData.rows(text), [
            ["id", "description"], ["1", "Butter, salted"], ["2", "pat (1\" sq)"], ["3", "two\r\nlines"], ["4", ""],
        ])
    }

    func testEmptyFieldsAndEmptyLines() throws {
        XCTAssertEqual(try TestData.rows("a,,c\n\n,,\n\r\nx,y,z"), [["a", "", "c"], ["", "", ""], ["x", "y", "z"]])
    }

    func testByteOrderMarkIsSkipped() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("id,name\n1,x\n".utf8)
        let rows = try CSVReader(bytes: bytes, fileName: "bom.csv").allRows()
        XCTAssertEqual(rows, [["id", "name"], ["1", "x"]])
    }

    func testUTF8Text() throws {
        XCTAssertEqual(try TestData.rows("unit\nµg RAE\n"), [["unit"], ["µg RAE"]])
    }

    func testUnterminatedQuoteIsReportedWhereItOpens() {
        let error = TestData.error("a,b\n1,\"never closed\n2,3\n")
        XCTAssertEqual(error?.line, 2)
        XCTAssertEqual(error?.column, 3)
        XCTAssertTrue(error?.message.contains("never closed") ?? false, "\(String(describing: error))")
        XCTAssertEqual(error?.description.hasPrefix("test.csv:2:3: "), true)
    }

    func testTextAfterClosingQuote() {
        let error = TestData.error("a,b\n\"x\"y,2\n")
        XCTAssertEqual(error?.line, 2)
        XCTAssertEqual(error?.column, 4)
        XCTAssertTrue(error?.message.contains("after a closing quote") ?? false)
    }

    func testQuoteInsideUnquotedField() {
        let error = TestData.error("a,b\n1,2 \"in\" 3\n")
        XCTAssertEqual(error?.line, 2)
        XCTAssertEqual(error?.column, 5)
    }

    func testLineNumbersCountLineBreaksInsideQuotes() {
        let error = TestData.error("a,b\n\"x\ny\",1\n3,\"4\"z\n")
        XCTAssertEqual(error?.line, 4)
        XCTAssertEqual(error?.column, 6)
    }

    func testAFieldAfterAQuotedLineBreakIsLocatedOnItsOwnLine() {
        var errors: [CSVError] = []
        try? CSVReader(bytes: Array("a,b\n\"x\ny\",abc\n".utf8), fileName: "t.csv").forEachRecord { record throws(CSVError) in
            guard record.line > 1 else { return }
            do throws(CSVError) { _ = try record.number(at: 1, column: "b") } catch { errors.append(error) }
        }
        XCTAssertEqual(errors.map(\.description), ["t.csv:3:4: b must be a number, found \"abc\""])
    }

    func testRecordsWithManyFields() throws {
        // More fields than the record's first storage holds.
        let row = (0..<100).map(String.init)
        XCTAssertEqual(try TestData.rows(row.joined(separator: ",") + "\n" + row.reversed().joined(separator: ",")),
                       [row, row.reversed()])
    }

    func testWithUTF8GivesUnescapedCheckedBytes() throws {
        var seen: [String] = []
        let bytes = Array("\"a \"\"b\"\"\",µg,plain\n".utf8) + [0x22, 0xFF, 0x22, 0x0A]
        var failure: CSVError?
        do {
            try CSVReader(bytes: bytes, fileName: "u.csv").forEachRecord { record throws(CSVError) in
                for index in 0..<record.count {
                    try record.withUTF8(at: index) { utf8 throws(CSVError) in seen.append(String(decoding: utf8, as: UTF8.self)) }
                }
            }
        } catch {
            failure = error
        }
        XCTAssertEqual(seen, ["a \"b\"", "µg", "plain"])
        XCTAssertEqual(failure?.description, "u.csv:2:1: the text is not valid UTF-8")
    }

    func testColumnsCountCharactersNotBytes() {
        // "µ" is two bytes in UTF-8 but one column.
        let error = TestData.error("µg,\"x\"y\n")
        XCTAssertEqual(error?.column, 7)
    }

    func testInvalidUTF8IsAnErrorWithItsPlace() {
        let bytes: [UInt8] = Array("a,b\n1,".utf8) + [0xB5, 0x67] + [0x0A]  // Latin-1 "µg"
        XCTAssertThrowsError(try CSVReader(bytes: bytes, fileName: "latin1.csv").allRows()) { error in
            let error = error as! CSVError
            XCTAssertEqual(error.line, 2)
            XCTAssertEqual(error.column, 3)
            XCTAssertTrue(error.message.contains("UTF-8"))
        }
    }

    func testNumbers() throws {
        let text = "v\n12.5\n-0.25\n\n.5\n1e3\nabc\nnan\n"
        var values: [String] = []
        var errors: [String] = []
        try CSVReader(bytes: Array(text.utf8), fileName: "n.csv").forEachRecord { record throws(CSVError) in
            do throws(CSVError) {
                let value = try record.number(at: 0, column: "v")
                values.append(value.map { "\($0)" } ?? "nil")
            } catch {
                errors.append(error.description)
            }
        }
        XCTAssertEqual(values.prefix(4), ["12.5", "-0.25", "0.5", "1000.0"])
        XCTAssertEqual(errors.count, 3, "the header 'v', 'abc' and 'nan' are not numbers: \(errors)")
        XCTAssertTrue(errors.contains("n.csv:7:1: v must be a number, found \"abc\""), "\(errors)")
    }

    func testDecimalParserIsExactForTableValues() {
        func parse(_ text: String) -> Double? { Array(text.utf8).withUnsafeBufferPointer { DecimalParser.parse($0) } }
        for text in ["0.85", "717", "81.11", "0.000", "482.9", "13.1", "0.1", "1.457", "28.349523125",
                     "1.", ".5", "+3", "-0.25", "1e3", "2.5E-3", "12345678901234567890", "1234567890123456789",
                     "0.00000000000000000000001", "9007199254740993", "9007199254740992.5", "-0", "007.50"] {
            XCTAssertEqual(parse(text), Double(text), text)
        }
        for text in ["", "-", "+", ".", "-.", "1.2.3", "1,5", "abc", "1e", "nan", "inf", "0x10", " 1", "1 "] {
            XCTAssertNil(parse(text), text)
        }
        // Every number in the bundled tables, as the standard library reads it.
        var checked = 0
        for file in ["foods.csv", "portions.csv", "supplements.csv"] {
            let text = try! String(contentsOfFile: TestData.directory + "/" + file, encoding: .utf8)
            for line in text.split(whereSeparator: \.isNewline).dropFirst() {
                for field in line.split(separator: ",", omittingEmptySubsequences: true)
                where field.first.map({ $0.isNumber || $0 == "." }) == true && Double(field) != nil {
                    XCTAssertEqual(parse(String(field)), Double(field), "\(file): \(field)")
                    checked += 1
                }
            }
        }
        XCTAssertGreaterThan(checked, 100_000)
    }

    func testAQuoteFollowedByACombiningMarkIsWrittenSoItReadsBack() throws {
        // Found by the archive fuzz target: `"` + U+05B7 is one Character, and the quote
        // was not doubled.
        let fields = ["\"\u{05B7}\u{0}x", "Caf\"\u{0301}", "plain", "\"\"\u{0301}\""]
        XCTAssertEqual(try TestData.rows(CSVWriter.record(fields)), [fields])
    }

    /// Random tables written with `CSVWriter` read back unchanged (a small fuzz test).
    func testRoundTripOfRandomFields() throws {
        var generator = SplitMix64(seed: 20261124)
        let alphabet: [String] = ["a", "Z", "0", ",", "\"", "\n", "\r\n", " ", "µ", "é", "~", "^", "\t", "\u{0301}", "\u{05B7}"]
        for _ in 0..<300 {
            let columns = Int(generator.next() % 5) + 1
            let rowCount = Int(generator.next() % 6) + 1
            var table: [[String]] = []
            for _ in 0..<rowCount {
                table.append((0..<columns).map { _ in
                    (0..<Int(generator.next() % 8)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }.joined()
                })
            }
            // A row of one empty field is an empty line, which the reader skips by design.
            table = table.map { $0.count == 1 && $0[0].isEmpty ? ["x"] : $0 }
            let text = table.map(CSVWriter.record).joined(separator: "\r\n")
            XCTAssertEqual(try TestData.rows(text), table, text.debugDescription)
        }
    }

    /// Random bytes never crash the reader: they read, or fail with a located error.
    func testRandomBytesNeverCrash() {
        var generator = SplitMix64(seed: 7)
        let pieces: [[UInt8]] = [[0x22], [0x2C], [0x0A], [0x0D], [0x61], [0xC3, 0xA9], [0xFF], [0xEF, 0xBB, 0xBF]]
        for _ in 0..<2000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(generator.next() % 24) { bytes += pieces[Int(generator.next() % UInt64(pieces.count))] }
            do {
                _ = try CSVReader(bytes: bytes, fileName: "fuzz").allRows()
            } catch {
                XCTAssertGreaterThanOrEqual(error.line, 1)
                XCTAssertGreaterThanOrEqual(error.column, 1)
            }
        }
    }
}

/// A small deterministic random generator for the fuzz tests (and any seeded test).
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
