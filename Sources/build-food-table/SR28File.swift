/// Reads one of the USDA SR28 ASCII files: `^`-separated fields, `~`-quoted text,
/// ISO-8859-1 (Latin-1) bytes, CRLF line endings (the last line may have none).
struct SR28File {
    /// The file's name, for error messages.
    let name: String
    let bytes: [UInt8]

    /// A problem in an SR28 file, with the line it was found on.
    struct FormatError: Error, CustomStringConvertible {
        let file: String
        let line: Int
        let message: String
        var description: String { "\(file):\(line): \(message)" }
    }

    /// Calls `body` with the first `fieldLimit` fields of each line, decoded from Latin-1.
    func forEachLine(fieldLimit: Int = .max, expectingAtLeast minimum: Int,
                     _ body: (_ fields: [String], _ line: Int) throws -> Void) throws {
        var line = 0
        var fields: [String] = []
        var lineStart = 0
        let count = bytes.count
        while lineStart < count {
            var lineEnd = lineStart
            while lineEnd < count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            line += 1
            var contentEnd = lineEnd
            if contentEnd > lineStart, bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            if contentEnd > lineStart {
                fields.removeAll(keepingCapacity: true)
                var fieldStart = lineStart
                var position = lineStart
                while fields.count < fieldLimit {
                    while position < contentEnd, bytes[position] != 0x5E { position += 1 }  // ^
                    fields.append(try field(from: fieldStart, to: position, line: line))
                    if position >= contentEnd { break }
                    position += 1
                    fieldStart = position
                }
                if fields.count < minimum {
                    throw FormatError(file: name, line: line,
                                      message: "expected at least \(minimum) fields, found \(fields.count)")
                }
                try body(fields, line)
            }
            lineStart = lineEnd + 1
        }
    }

    private func field(from start: Int, to end: Int, line: Int) throws -> String {
        var start = start
        var end = end
        if end > start, bytes[start] == 0x7E {  // ~
            guard end - start >= 2, bytes[end - 1] == 0x7E else {
                throw FormatError(file: name, line: line, message: "a ~ quoted field is not closed")
            }
            start += 1
            end -= 1
        }
        // Latin-1 maps each byte to the Unicode scalar of the same number.
        var text = ""
        text.unicodeScalars.append(contentsOf: bytes[start..<end].map { Unicode.Scalar($0) })
        return text
    }
}
