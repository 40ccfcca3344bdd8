import XCTest
@testable import absorb

/// The session summary's markdown escaping, made byte by byte where it can be: the same
/// text as escaping character by character, whatever the text (issue 20).
final class MarkdownEscapeTests: XCTestCase {
    /// The rule as it reads: each character that is one of markdown's marks gets a backslash.
    func reference(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\`*_[]<>|#".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    func testEveryMarkIsEscapedOnceAndNothingElseChanges() {
        XCTAssertEqual(SessionSummary.escapeMarkdown("Fish *oil*, [raw] <1> | #2 _x_ `y` \\"),
                       "Fish \\*oil\\*, \\[raw\\] \\<1\\> \\| \\#2 \\_x\\_ \\`y\\` \\\\")
        XCTAssertEqual(SessionSummary.escapeMarkdown("Vitamin D 4.4 µg — 29 %"), "Vitamin D 4.4 µg — 29 %")
    }

    func testTheSameAsCharacterByCharacterNextToAnyText() {
        // Marks beside text that is not ASCII: a unit, a dash, a combining accent (one
        // character with the mark), a keycap, a prepended sign, emoji, line breaks.
        let pieces = ["#", "*", "_", "[", "]", "<", ">", "|", "`", "\\", "a", " ", "µg", "—", "\u{301}", "\u{FE0F}\u{20E3}",
                      "\u{600}", "👩‍🍳", "\r\n", "\n", "é", "1"]
        var random = SeededGenerator(seed: 2026_12_02)
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...8, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            XCTAssertEqual(SessionSummary.escapeMarkdown(text), reference(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        XCTAssertEqual(SessionSummary.escapeMarkdown("#\u{301}"), "#\u{301}", "a mark with an accent is not the mark")
        XCTAssertEqual(SessionSummary.escapeMarkdown("#\u{FE0F}\u{20E3}"), "#\u{FE0F}\u{20E3}", "a keycap is not the mark")
    }
}
