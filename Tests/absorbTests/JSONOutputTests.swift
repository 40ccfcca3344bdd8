import Foundation
@testable import absorb
import XCTest

/// JSON written in pieces (what `printJSON` does with a report) must be the bytes written
/// whole, cut only between values, so that a piece is never cut inside a character.
final class JSONOutputTests: XCTestCase {
    /// An array of `count` strings written by a writer, as the report writes its entries.
    private func writtenArray(_ texts: [String]) -> JSONValue {
        .object([
            ("before", .string("x\u{202E}y")),
            ("items", .writer(estimatedBytes: 16) { output in
                output.bytes.append(UInt8(ascii: "["))
                for (position, text) in texts.enumerated() {
                    output.flushIfFull()
                    if position > 0 { output.bytes.append(UInt8(ascii: ",")) }
                    JSONValue.writeString(text, into: &output.bytes)
                }
                output.bytes.append(UInt8(ascii: "]"))
            }),
            ("after", .number(2.5)),
        ])
    }

    func testPiecesJoinToTheWholeTextAndEndBetweenValues() throws {
        var generator = SeededGenerator(seed: 41)
        let alphabet = Array("abc\"\\\n\té€😀\u{9B}\u{202E}")
        let texts = (0..<2_000).map { _ in
            String((0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
        }
        let value = writtenArray(texts)
        let whole = value.bytes
        for chunkBytes in [1, 7, 64, 4096, 1 << 20] {
            var pieces: [[UInt8]] = []
            value.write(chunkBytes: chunkBytes) { pieces.append($0) }
            XCTAssertEqual(Array(pieces.joined()), whole, "pieces of \(chunkBytes)")
            XCTAssertFalse(pieces.contains { $0.isEmpty }, "no empty piece (\(chunkBytes))")
            for piece in pieces.dropLast() {
                // Each piece is whole UTF-8 and ends where a writer marked a boundary: after
                // the array's opening bracket or after a complete string.
                XCTAssertNotNil(String(validating: piece, as: UTF8.self), "a piece cut inside a character (\(chunkBytes))")
                XCTAssertTrue(piece.last == UInt8(ascii: "\"") || piece.last == UInt8(ascii: "["),
                              "a piece ends with \(String(decoding: piece.suffix(8), as: UTF8.self))")
            }
            if chunkBytes >= 1 << 20 { XCTAssertEqual(pieces.count, 1) }
        }
        // The whole text is valid JSON that reads back to the strings written.
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(whole)) as? [String: Any])
        XCTAssertEqual(object["items"] as? [String], texts)
        XCTAssertEqual(object["before"] as? String, "x\u{202E}y")
    }

    func testIntegersAreWrittenAsSwiftWritesThem() {
        var generator = SeededGenerator(seed: 7)
        let edges: [Int64] = [0, 1, -1, 9, 10, -10, 99, 100, 36_500, 999_999_999_999_999, .max, .min, .max - 1, .min + 1]
        let values = edges + (0..<5_000).map { _ in
            Int64.random(in: .min ... .max, using: &generator) >> Int64.random(in: 0...63, using: &generator)
        }
        for value in values {
            var written: [UInt8] = []
            JSONValue.writeInteger(value, into: &written)
            XCTAssertEqual(String(decoding: written, as: UTF8.self), String(value))
        }
    }
}
