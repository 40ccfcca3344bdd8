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

    func testTheEightBytesAtATimeScanFindsAnUnsafeScalarAtEveryPlaceInALongLine() {
        // Long ASCII runs take the word-at-a-time path: the scalar at every offset of a
        // 24-byte run, with ASCII on both sides (both word boundaries and the tail).
        let values: [UInt32] = [0x00, 0x09, 0x0A, 0x0D, 0x1B, 0x1F, 0x7F, 0x80, 0x9F, 0x061C, 0x200E, 0x202E, 0x2066, 0x2069]
        let safe: [UInt32] = [0x20, 0x21, 0x40, 0x5F, 0x60, 0x7E, 0xA0, 0xE9, 0x2010, 0x20AC]
        for value in values + safe {
            let scalar = Unicode.Scalar(value)!
            for offset in 0...24 {
                let text = String(repeating: "a", count: offset) + "\(scalar)" + String(repeating: "~", count: 24 - offset)
                for keep in [false, true] {
                    XCTAssertEqual(TextRules.escaped(text, keepingLineBreaks: keep), reference(text, keepingLineBreaks: keep),
                                   "U+\(String(value, radix: 16)) at \(offset), keeping line breaks: \(keep)")
                }
            }
        }
        // Random text of safe and unsafe bytes, long enough for many words.
        var generator = SystemRandomNumberGenerator()
        let pool: [Unicode.Scalar] = ["a", "Z", " ", "~", "\u{1B}", "\u{7F}", "\n", "\t", "\r", "\u{85}", "é", "\u{202E}", "€", "\u{1F}"]
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<Int.random(in: 0...60, using: &generator) {
                text.unicodeScalars.append(Int.random(in: 0..<4, using: &generator) == 0 ? pool.randomElement(using: &generator)! : "x")
            }
            for keep in [false, true] {
                XCTAssertEqual(TextRules.escaped(text, keepingLineBreaks: keep), reference(text, keepingLineBreaks: keep), text.debugDescription)
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
