import Foundation
import XCTest

/// Messages for input absorb refuses (issue 16): they say the rule, and numeric options
/// read numbers by one rule, that of `--grams` (decimal digits with a point).
final class InputMessageTests: XCTestCase {
    var directory: String!
    var absorb: AbsorbProcess!

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "absorb-input-message-tests-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        absorb = AbsorbProcess(journal: directory + "/journal.sqlite")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Exit 1 (or ArgumentParser's 64) and stderr, for a command that must be refused.
    private func refused(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let result = try absorb.run(arguments)
        XCTAssertNotEqual(result.status, 0, "\(arguments) was accepted: \(result.stdout)", file: file, line: line)
        return result.stderr
    }

    func testYearZeroSaysTheYearMustBeOneOrLater() throws {
        let message = try refused(["report", "--date", "0000-01-01"])
        XCTAssertTrue(message.contains("the year must be 1 or later"), message)
        XCTAssertFalse(message.contains("January 0"), message)
    }

    func testANegativeFatThresholdIsReadAndRefusedWithTheRule() throws {
        for value in ["-1", "-0.5", "101", "0x10", "1e1"] {
            let message = try refused(["profile", "set", "--fat-threshold", value])
            XCTAssertTrue(message.contains("must be 0 to 100 g"), "\(value): \(message)")
            XCTAssertFalse(message.contains("Missing value"), "\(value): \(message)")
        }
        let result = try absorb.run(["profile", "set", "--fat-threshold", "7.5"])
        XCTAssertEqual(result.status, 0, result.stderr)
    }

    func testAHugeQueryIsNotEchoedWhole() throws {
        let query = String(repeating: "q", count: 10_000)
        let message = try refused(["foods", "search", query])
        XCTAssertLessThan(message.utf8.count, 1_000, "the message echoes the whole query")
        XCTAssertTrue(message.contains(String(repeating: "q", count: 60) + "…\" (10000 characters)"), String(message.prefix(300)))
        let short = try refused(["foods", "search", "qqqzzz"])
        XCTAssertTrue(short.contains("\"qqqzzz\""), short)
    }

    /// (10 KB: a whole echo of 100 KB would fill the pipe before the test reads it.)
    /// Every numeric option but `--grams` took Swift's `Double`, which reads `0x10` as 16
    /// and `1e3` as 1000; they are refused as `--grams` refuses them.
    func testHexadecimalAndExponentsAreRefusedInEveryNumericOption() throws {
        let cases: [(String, [String])] = [
            ("--serving", ["foods", "add", "Bar", "--fat", "1"]),
            ("--fat", ["foods", "add", "Bar", "--serving", "40"]),
            ("--vitamin-d", ["foods", "add", "Bar", "--serving", "40"]),
            ("--epa", ["foods", "add", "Bar", "--serving", "40"]),
            ("--cooked", ["foods", "recipe", "Dish", "--ingredient", "egg 1"]),
            ("--servings", ["foods", "recipe", "Dish", "--ingredient", "egg 1"]),
        ]
        for (option, command) in cases {
            let hex = try refused(command + [option, "0x10"])
            XCTAssertTrue(hex.contains("hexadecimal numbers are not amounts"), "\(option): \(hex)")
            let exponent = try refused(command + [option, "1e3"])
            XCTAssertTrue(exponent.contains("\"1e3\" is not a number: write decimal digits"), "\(option): \(exponent)")
            // A label's negative value is read, and refused by the label's own rule.
            let negative = try refused(command + [option, "-2"])
            XCTAssertTrue(negative.contains(option) && (negative.contains("(found -2)") || negative.contains("must be a number of 0 or more")),
                          "\(option): \(negative)")
            XCTAssertFalse(negative.contains("Missing value"), "\(option): \(negative)")
        }
        for value in ["0x10", "1e3"] {
            let message = try refused(["profile", "target", "vitamin_a", value])
            XCTAssertTrue(message.contains("decimal digits"), "\(value): \(message)")
        }
        let added = try absorb.run(["foods", "add", "Bar", "--serving", "40", "--fat", "0", "--energy", "150.5"])
        XCTAssertEqual(added.status, 0, added.stderr)
        let target = try absorb.run(["profile", "target", "vitamin_a", "700"])
        XCTAssertEqual(target.status, 0, target.stderr)
    }
}
