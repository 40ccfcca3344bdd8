import XCTest
@testable import NutrientModel

/// `TextRules.escaped` scans a report's bytes before its scalars; the result must be the
/// same as the scalar-by-scalar rule for every unsafe scalar and its neighbours.
final class TextRulesTests: XCTestCase {
    /// The rule written out plainly, scalar by scalar (the definition the fast path keeps).
    private func reference(_ text: String, keepingLineBreaks: Bool) -> String {
        var out = ""
        let scalars = Array(text.unicodeScalars)
        for (i, scalar) in scalars.enumerated() {
            let lineBreak = scalar == "\n" || scalar == "\t" || (scalar == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n")
            if TextRules.isUnsafe(scalar), !(keepingLineBreaks && lineBreak) {
                out += String(format: "\\u%04X", scalar.value)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    func testEveryUnsafeScalarAndItsNeighboursAreEscapedAsTheRuleSays() {
        var values: [UInt32] = [0x09, 0x0A, 0x0D, 0x1B, 0x1F, 0x20, 0x7E, 0x7F, 0x80, 0x9F, 0xA0, 0xC2, 0xE9, 0x061B, 0x061C, 0x061D,
                                0x200D, 0x200E, 0x200F, 0x2010, 0x2027, 0x2028, 0x2029, 0x202A, 0x202E, 0x202F, 0x2065,
                                0x2066, 0x2069, 0x206A, 0x20AC, 0x1F600]
        values += (0..<0x20).map { UInt32($0) }
        for value in values {
            let scalar = Unicode.Scalar(value)!
            for text in ["\(scalar)", "Egg \(scalar) whole", "\(scalar)\n", "a\r\n\(scalar)b", "Crème brûlée \(scalar)"] {
                for keep in [false, true] {
                    XCTAssertEqual(TextRules.escaped(text, keepingLineBreaks: keep), reference(text, keepingLineBreaks: keep),
                                   "U+\(String(value, radix: 16)) in \(text.debugDescription), keeping line breaks: \(keep)")
                }
            }
        }
    }

    func testSafeTextComesBackUnchanged() {
        let text = "Cereals, oats, regular and quick, cooked with water — 234 g\n\tCrème fraîche, 30 g; €2\n"
        XCTAssertEqual(TextRules.escaped(text, keepingLineBreaks: true), text)
        XCTAssertEqual(TextRules.escaped(text), reference(text, keepingLineBreaks: false))
        XCTAssertTrue(TextRules.escaped(text).contains("\\u000A"))
    }
}
