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

/// One field's place in the file: a byte range and whether it needs unescaping. The
/// field's line and column are worked out only when an error names them.
struct CSVFieldSpan {
    /// Offset of the field's first byte (inside the quotes, for a quoted field).
    var start: Int
    /// Offset one past the field's last byte (before the closing quote).
    var end: Int
    /// Whether the field was quoted.
    var quoted: Bool
    /// Whether the field contains doubled quotes that must be collapsed.
    var hasEscapedQuotes: Bool

    /// Offset where the field starts in the file, counting the opening quote.
    var rawStart: Int { quoted ? start - 1 : start }
}

/// One record of a CSV file: its fields as byte ranges, read on demand.
///
/// The fields' places live in storage the record owns and reuses from one record to the
/// next (it is not copyable, so nothing else can hold on to them).
public struct CSVRecord: ~Copyable {
    let buffer: UnsafeBufferPointer<UInt8>
    let fileName: String
    private var spans: UnsafeMutablePointer<CSVFieldSpan>
    private var capacity: Int
    /// The number of fields in the record.
    public private(set) var count: Int = 0
    /// The line on which the record starts, from 1.
    public internal(set) var line: Int = 0
    /// Offset of the record's first byte.
    var offset: Int = 0

    init(buffer: UnsafeBufferPointer<UInt8>, fileName: String) {
        self.buffer = buffer
        self.fileName = fileName
        capacity = 32
        spans = .allocate(capacity: capacity)
    }

    deinit { spans.deallocate() }

    /// Starts the next record at `offset`, on `line`.
    mutating func reset(offset: Int, line: Int) {
        count = 0
        self.offset = offset
        self.line = line
    }

    /// Adds a field.
    @inline(__always)
    mutating func append(_ span: CSVFieldSpan) {
        if count == capacity {
            let larger = UnsafeMutablePointer<CSVFieldSpan>.allocate(capacity: capacity * 2)
            larger.moveInitialize(from: spans, count: count)
            spans.deallocate()
            spans = larger
            capacity *= 2
        }
        (spans + count).initialize(to: span)
        count += 1
    }

    @inline(__always)
    func span(_ index: Int) -> CSVFieldSpan {
        precondition(index >= 0 && index < count, "field \(index) of a record of \(count)")
        return spans[index]
    }

    @inline(__always)
    private func raw(_ span: CSVFieldSpan) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: buffer.baseAddress! + span.start, count: span.end - span.start)
    }

    /// Whether field `index` holds exactly `bytes` (no `String` is made: for loaders that
    /// see the same value row after row).
    public func field(at index: Int, equals bytes: [UInt8]) -> Bool {
        let span = span(index)
        guard !span.hasEscapedQuotes, span.end - span.start == bytes.count else { return false }
        if bytes.isEmpty { return true }
        return bytes.withUnsafeBufferPointer { other in
            UnsafeBufferPointer(start: buffer.baseAddress! + span.start, count: bytes.count).elementsEqual(other)
        }
    }

    /// The field's raw bytes (quotes removed, doubled quotes kept as they are).
    public func rawBytes(at index: Int) -> [UInt8] { Array(raw(span(index))) }

    /// Whether field `index` is empty (an empty cell means "no value").
    public func isEmpty(at index: Int) -> Bool {
        let span = span(index)
        return span.start == span.end
    }

    /// The field's bytes, with doubled quotes collapsed.
    public func bytes(at index: Int) -> [UInt8] {
        let span = span(index)
        let raw = raw(span)
        guard span.hasEscapedQuotes else { return Array(raw) }
        return [UInt8](unsafeUninitializedCapacity: raw.count) { out, written in
            var i = 0, j = 0
            while i < raw.count {
                out[j] = raw[i]
                j += 1
                if raw[i] == CSVByte.quote { i += 1 }  // skip the second quote of a pair
                i += 1
            }
            written = j
        }
    }

    /// The field as a string; an error if it is not valid UTF-8.
    public func string(at index: Int) throws(CSVError) -> String {
        try withUTF8(at: index) { utf8 in String(decoding: utf8, as: UTF8.self) }
    }

    /// Calls `body` with the field's UTF-8 (doubled quotes collapsed), after checking it
    /// is valid: for a loader that keeps the bytes rather than a `String`.
    public func withUTF8<Result>(at index: Int,
                                 _ body: (UnsafeBufferPointer<UInt8>) throws(CSVError) -> Result) throws(CSVError) -> Result {
        let span = span(index)
        // ASCII (most fields) is valid UTF-8 as it stands and skips the generic validator.
        func checked(_ utf8: UnsafeBufferPointer<UInt8>) throws(CSVError) -> Result {
            guard CSVByte.isASCII(utf8) || String(validating: utf8, as: UTF8.self) != nil else {
                throw error(at: index, "the text is not valid UTF-8")
            }
            return try body(utf8)
        }
        if !span.hasEscapedQuotes { return try checked(raw(span)) }
        return try bytes(at: index).withUnsafeBufferPointer { buffer throws(CSVError) in try checked(buffer) }
    }

    /// The field as a finite number, `nil` if the field is empty, or an error naming the
    /// field when it holds something that is not a number.
    public func number(at index: Int, column name: @autoclosure () -> String) throws(CSVError) -> Double? {
        let span = span(index)
        if span.start == span.end { return nil }
        let raw = raw(span)
        if let value = DecimalParser.parse(raw) { return value }
        let shown = String(decoding: raw.prefix(40), as: UTF8.self)
        throw error(at: index, "\(name()) must be a number, found \"\(shown)\"")
    }

    /// The line on which field `index` starts: the record's, unless a quoted field before
    /// it spans lines.
    public func line(ofField index: Int) -> Int {
        let rawStart = span(index).rawStart
        var line = self.line
        for i in offset..<rawStart where buffer[i] == CSVByte.lf { line += 1 }
        return line
    }

    /// An error located at the start of field `index`.
    public func error(at index: Int, _ message: String) -> CSVError {
        CSVError(
            file: fileName, line: line(ofField: index),
            column: CSVParser.column(of: span(index).rawStart, in: buffer), message: message)
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

    /// Whether every byte is ASCII, eight at a time.
    @inline(__always)
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var i = 0
        while i + 8 <= count {
            if UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            i += 8
        }
        while i < count {
            if base[i] >= 0x80 { return false }
            i += 1
        }
        return true
    }
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
        guard let base = buffer.baseAddress else { return false }
        // Skip lines that are entirely empty.
        while position < count {
            if base[position] == CSVByte.lf {
                position += 1; line += 1
            } else if base[position] == CSVByte.cr, position + 1 < count, base[position + 1] == CSVByte.lf {
                position += 2; line += 1
            } else {
                break
            }
        }
        if position >= count { return false }
        record.reset(offset: position, line: line)
        while true {
            let fieldStart = position
            if position < count, base[position] == CSVByte.quote {
                // A quoted field: find its closing quote.
                var i = position + 1
                var escaped = false
                var closed = false
                while i < count {
                    guard let at = Self.firstIndex(of: CSVByte.quote, in: base, from: i, to: count) else { break }
                    if at + 1 < count, base[at + 1] == CSVByte.quote {
                        escaped = true
                        i = at + 2
                        continue
                    }
                    i = at
                    closed = true
                    break
                }
                guard closed else {
                    throw error(at: fieldStart, line: line,
                                "a quoted field is never closed: add the closing \" before the end of the file")
                }
                line += Self.lineFeeds(in: base + fieldStart + 1, count: i - fieldStart - 1)
                record.append(CSVFieldSpan(start: fieldStart + 1, end: i, quoted: true, hasEscapedQuotes: escaped))
                position = i + 1
                if position < count {
                    let after = base[position]
                    if after != CSVByte.comma && after != CSVByte.lf && after != CSVByte.cr {
                        throw error(at: position, line: line,
                                    "unexpected text after a closing quote: a quoted field must end at a comma or the end of the line")
                    }
                }
            } else {
                // An unquoted field ends at a comma or a line ending; a quote in it is an error.
                let i = Self.unquotedEnd(base, from: position, count: count)
                if i < count, base[i] == CSVByte.quote {
                    throw error(at: i, line: line,
                                "a quote inside an unquoted field: quote the whole field and double the quote (\"\")")
                }
                record.append(CSVFieldSpan(start: fieldStart, end: i, quoted: false, hasEscapedQuotes: false))
                position = i
            }
            // After a field: a comma, a line ending, or the end of the file.
            if position >= count { return true }
            let byte = base[position]
            if byte == CSVByte.comma {
                position += 1
                continue
            }
            if byte == CSVByte.cr {
                position += 1
                if position < count, base[position] == CSVByte.lf { position += 1 }
                line += 1
                return true
            }
            // A line feed.
            position += 1
            line += 1
            return true
        }
    }

    /// Where an unquoted field starting at `start` stops: at a comma, a line ending or a
    /// quote (the caller's error), or the end of the buffer. All four are bytes below
    /// 0x2D, so eight bytes at a time are tested for any byte below 0x2D and only such a
    /// byte (a space, say) is looked at on its own.
    @inline(__always)
    static func unquotedEnd(_ base: UnsafePointer<UInt8>, from start: Int, count: Int) -> Int {
        var i = start
        while i + 8 <= count {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
            // The high bit of each byte below 0x2D (exact for the lowest such byte).
            let below = (word &- 0x2D2D_2D2D_2D2D_2D2D) & ~word & 0x8080_8080_8080_8080
            if below == 0 {
                i += 8
                continue
            }
            let at = i + below.trailingZeroBitCount / 8
            if isFieldEnd(base[at]) { return at }
            i = at + 1
        }
        while i < count {
            if isFieldEnd(base[i]) { return i }
            i += 1
        }
        return count
    }

    @inline(__always)
    private static func isFieldEnd(_ byte: UInt8) -> Bool {
        byte <= CSVByte.comma && (byte == CSVByte.comma || byte == CSVByte.lf || byte == CSVByte.cr || byte == CSVByte.quote)
    }

    /// The line feeds in a quoted field (most fields have none).
    private static func lineFeeds(in start: UnsafePointer<UInt8>, count: Int) -> Int {
        var lines = 0
        for offset in 0..<count where start[offset] == CSVByte.lf { lines += 1 }
        return lines
    }

    /// The position of the first `byte` in `base[from..<end]`, or `nil`.
    @inline(__always)
    private static func firstIndex(of byte: UInt8, in base: UnsafePointer<UInt8>, from: Int, to end: Int) -> Int? {
        var i = from
        while i < end {
            if base[i] == byte { return i }
            i += 1
        }
        return nil
    }
}
