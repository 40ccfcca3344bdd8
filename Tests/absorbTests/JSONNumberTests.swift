import Foundation
@testable import absorb
import XCTest

/// The report's figures written straight to bytes must be the text `Double.description`
/// writes for the rounded figure (what JSONValue writes, and what reports wrote before).
final class JSONNumberTests: XCTestCase {
    private func written(_ value: Double?, decimals: Int) -> String {
        var bytes: [UInt8] = []
        JSONValue.writeNumber(value, decimals: decimals, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    func testRoundedFiguresAreWrittenAsSwiftWritesThem() {
        var generator = SeededGenerator(seed: 2026)
        var mismatches: [String] = []
        for decimals in 0...4 {
            for exponent in -6...13 {
                for _ in 0..<1500 {
                    let sign: Double = Bool.random(using: &generator) ? 1 : -1
                    let value = sign * Double.random(in: 0..<1, using: &generator) * pow(10, Double(exponent))
                    let expected = JSONValue.number(value, decimals: decimals).text
                    if written(value, decimals: decimals) != expected {
                        mismatches.append("\(value) to \(decimals): \(written(value, decimals: decimals)) for \(expected)")
                    }
                }
            }
        }
        XCTAssertEqual(mismatches.prefix(10), [])
        // Edges: the smallest and largest written from digits, near-whole figures, ties.
        let cases: [(Double?, Int, String)] = [
            (0.001, 4, "0.001"), (0.00149, 3, "0.001"), (0.0005, 3, "0.001"), (-0.5, 1, "-0.5"), (642.1, 4, "642.1"),
            (0.1 + 0.2, 4, "0.3"), (99_999_999_999.99994, 4, "99999999999.9999"), (2.99999, 4, "3"), (-0.00004, 4, "0"),
            (1234.5678, 2, "1234.57"), (0.0001, 4, "0.0001"), (.nan, 2, "null"), (nil, 2, "null"),
        ]
        for (value, decimals, text) in cases {
            XCTAssertEqual(written(value, decimals: decimals), text, "\(String(describing: value)) to \(decimals) decimals")
            XCTAssertEqual(written(value, decimals: decimals), JSONValue.number(value, decimals: decimals).text)
        }
    }
}
