#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
/// An RFC 4180 CSV reader that works on bytes: it finds the fields of each record
/// without making a `String` per row, so the bundled tables load in milliseconds.
///
/// It accepts quoted fields (with embedded commas, doubled quotes and line breaks),
/// CRLF or LF line endings, a leading UTF-8 byte order mark, and a last line without a
/// line ending. Lines that are entirely empty are skipped. Anything else that RFC 4180
/// does not allow (an unterminated quote, a quote inside an unquoted field, text after a
/// closing quote) is an error with the file, line and column where it was found.
public struct CSVReader: Sendable {
    /// The file's bytes.
    public let bytes: [UInt8]
    /// The name used in error messages (usually the file's path).
    public let fileName: String

    /// Makes a reader over `bytes`; `fileName` names the source in errors.
    public init(bytes: [UInt8], fileName: String) {
        self.bytes = bytes
        self.fileName = fileName
    }

    /// Calls `body` with each record in order. The record is only valid during the call.
    public func forEachRecord(_ body: (borrowing CSVRecord) throws(CSVError) -> Void) throws(CSVError) {
        try bytes.withUnsafeBufferPointer { buffer throws(CSVError) in
            var parser = CSVParser(buffer: buffer, fileName: fileName)
            var record = CSVRecord(buffer: buffer, fileName: fileName)
            while try parser.next(into: &record) {
                try body(record)
            }
        }
    }

    /// Reads the whole file into an array of string rows; for small files and tests.
    public func allRows() throws(CSVError) -> [[String]] {
        var rows: [[String]] = []
        try forEachRecord { record throws(CSVError) in
            var row: [String] = []
            row.reserveCapacity(record.count)
            for index in 0..<record.count { row.append(try record.string(at: index)) }
            rows.append(row)
        }
        return rows
    }
}

/// One field's place in the file: a byte range and whether it needs unescaping.
public struct CSVFieldSpan: Sendable {
    /// Offset of the field's first byte (inside the quotes, for a quoted field).
    public var start: Int
    /// Offset one past the field's last byte (before the closing quote).
    public var end: Int
    /// Line on which the field starts, from 1.
    public var line: Int
    /// Offset where the field starts in the file, counting the opening quote.
    public var rawStart: Int
    /// Whether the field was quoted.
    public var quoted: Bool
    /// Whether the field contains doubled quotes that must be collapsed.
    public var hasEscapedQuotes: Bool
}

/// One record of a CSV file: its fields as byte ranges, read on demand.
public struct CSVRecord: ~Copyable {
    let buffer: UnsafeBufferPointer<UInt8>
    let fileName: String
    /// Where each field lies in the file.
    public internal(set) var spans: [CSVFieldSpan] = []
    /// The line on which the record starts, from 1.
    public internal(set) var line: Int = 0

    init(buffer: UnsafeBufferPointer<UInt8>, fileName: String) {
        self.buffer = buffer
        self.fileName = fileName
        spans.reserveCapacity(32)
    }

    /// The number of fields in the record.
    public var count: Int { spans.count }

    /// Whether field `index` holds exactly `bytes` (no `String` is made: for loaders that
    /// see the same value row after row).
    public func field(at index: Int, equals bytes: [UInt8]) -> Bool {
        let span = spans[index]
        guard !span.hasEscapedQuotes, span.end - span.start == bytes.count else { return false }
        return bytes.withUnsafeBufferPointer { other in
            memcmp(buffer.baseAddress! + span.start, other.baseAddress!, bytes.count) == 0
        }
    }

    /// The field's raw bytes (quotes removed, doubled quotes kept as they are).
    public func rawBytes(at index: Int) -> [UInt8] {
        Array(UnsafeBufferPointer(rebasing: buffer[spans[index].start..<spans[index].end]))
    }

    /// Whether field `index` is empty (an empty cell means "no value").
    public func isEmpty(at index: Int) -> Bool { spans[index].start == spans[index].end }

    /// The field's bytes, with doubled quotes collapsed.
    public func bytes(at index: Int) -> [UInt8] {
        let span = spans[index]
        let raw = UnsafeBufferPointer(rebasing: buffer[span.start..<span.end])
        guard span.hasEscapedQuotes else { return Array(raw) }
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var i = 0
        while i < raw.count {
            out.append(raw[i])
            if raw[i] == CSVByte.quote { i += 1 }  // skip the second quote of a pair
            i += 1
        }
        return out
    }

    /// The field as a string; an error if it is not valid UTF-8.
    public func string(at index: Int) throws(CSVError) -> String {
        let span = spans[index]
        if !span.hasEscapedQuotes {
            let raw = UnsafeBufferPointer(rebasing: buffer[span.start..<span.end])
            // ASCII (most fields) is valid UTF-8 as it stands: skip the generic validator.
            if raw.allSatisfy({ $0 < 0x80 }) { return String(decoding: raw, as: UTF8.self) }
            if let text = String(validating: raw, as: UTF8.self) { return text }
        } else if let text = String(validating: bytes(at: index), as: UTF8.self) {
            return text
        }
        throw error(at: index, "the text is not valid UTF-8")
    }

    /// The field as a finite number, `nil` if the field is empty, or an error naming the
    /// field when it holds something that is not a number.
    public func number(at index: Int, column name: @autoclosure () -> String) throws(CSVError) -> Double? {
        let span = spans[index]
        if span.start == span.end { return nil }
        let raw = UnsafeBufferPointer(rebasing: buffer[span.start..<span.end])
        if let value = DecimalParser.parse(raw) { return value }
        let shown = String(decoding: raw.prefix(40), as: UTF8.self)
        throw error(at: index, "\(name()) must be a number, found \"\(shown)\"")
    }

    /// An error located at the start of field `index`.
    public func error(at index: Int, _ message: String) -> CSVError {
        let span = spans[index]
        return CSVError(
            file: fileName, line: span.line,
            column: CSVParser.column(of: span.rawStart, in: buffer), message: message)
    }

    /// An error located at the start of the record.
    public func recordError(_ message: String) -> CSVError {
        CSVError(file: fileName, line: line, column: 1, message: message)
    }
}

enum CSVByte {
    static let quote: UInt8 = 0x22
    static let comma: UInt8 = 0x2C
    static let cr: UInt8 = 0x0D
    static let lf: UInt8 = 0x0A
}

/// The state machine behind `CSVReader`.
struct CSVParser {
    let buffer: UnsafeBufferPointer<UInt8>
    let fileName: String
    var position = 0
    var line = 1

    init(buffer: UnsafeBufferPointer<UInt8>, fileName: String) {
        self.buffer = buffer
        self.fileName = fileName
        if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF {
            position = 3
        }
    }

    /// The 1-based column, in characters, of byte `offset` on its line.
    static func column(of offset: Int, in buffer: UnsafeBufferPointer<UInt8>) -> Int {
        let end = min(offset, buffer.count)
        var lineStart = end
        while lineStart > 0, buffer[lineStart - 1] != CSVByte.lf { lineStart -= 1 }
        if lineStart == 0, end >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF {
            lineStart = 3
        }
        var column = 1
        for i in lineStart..<end where buffer[i] & 0xC0 != 0x80 { column += 1 }
        return column
    }

    private func error(at offset: Int, line: Int, _ message: String) -> CSVError {
        CSVError(file: fileName, line: line, column: Self.column(of: offset, in: buffer), message: message)
    }

    /// Reads the next record into `record`; `false` at the end of the file.
    mutating func next(into record: inout CSVRecord) throws(CSVError) -> Bool {
        let count = buffer.count
        // Skip lines that are entirely empty.
        while position < count {
            if buffer[position] == CSVByte.lf {
                position += 1; line += 1
            } else if buffer[position] == CSVByte.cr, position + 1 < count, buffer[position + 1] == CSVByte.lf {
                position += 2; line += 1
            } else {
                break
            }
        }
        if position >= count { return false }
        record.spans.removeAll(keepingCapacity: true)
        record.line = line
        while true {
            let fieldStart = position
            let fieldLine = line
            if position < count, buffer[position] == CSVByte.quote {
                var i = position + 1
                var escaped = false
                var closed = false
                while i < count {
                    let byte = buffer[i]
                    if byte == CSVByte.quote {
                        if i + 1 < count, buffer[i + 1] == CSVByte.quote {
                            escaped = true
                            i += 2
                            continue
                        }
                        closed = true
                        break
                    }
                    if byte == CSVByte.lf { line += 1 }
                    i += 1
                }
                guard closed else {
                    throw error(at: fieldStart, line: fieldLine,
                                "a quoted field is never closed: add the closing \" before the end of the file")
                }
                record.spans.append(CSVFieldSpan(
                    start: fieldStart + 1, end: i, line: fieldLine, rawStart: fieldStart,
                    quoted: true, hasEscapedQuotes: escaped))
                position = i + 1
                if position < count {
                    let after = buffer[position]
                    if after != CSVByte.comma && after != CSVByte.lf && after != CSVByte.cr {
                        throw error(at: position, line: line,
                                    "unexpected text after a closing quote: a quoted field must end at a comma or the end of the line")
                    }
                }
            } else {
                var i = position
                while i < count {
                    let byte = buffer[i]
                    if byte == CSVByte.comma || byte == CSVByte.lf || byte == CSVByte.cr { break }
                    if byte == CSVByte.quote {
                        throw error(at: i, line: line,
                                    "a quote inside an unquoted field: quote the whole field and double the quote (\"\")")
                    }
                    i += 1
                }
                record.spans.append(CSVFieldSpan(
                    start: fieldStart, end: i, line: fieldLine, rawStart: fieldStart,
                    quoted: false, hasEscapedQuotes: false))
                position = i
            }
            // After a field: a comma, a line ending, or the end of the file.
            if position >= count { return true }
            let byte = buffer[position]
            if byte == CSVByte.comma {
                position += 1
                continue
            }
            if byte == CSVByte.cr {
                position += 1
                if position < count, buffer[position] == CSVByte.lf { position += 1 }
                line += 1
                return true
            }
            // A line feed.
            position += 1
            line += 1
            return true
        }
    }
}
