/// A JSON value with object keys kept in the order written, so reports read in the
/// documented order.
enum JSONValue {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])
    /// JSON text written by a function straight into the output, where it goes (a long
    /// array: a ten-year report's 36,500 entries, with no value per field made and freed,
    /// and no copy of the bytes); about `estimatedBytes` of it, reserved beforehand when
    /// the whole text is kept. The function marks with `JSONOutput.flushIfFull` the places
    /// between its elements where a streamed output may pass its bytes on.
    case writer(estimatedBytes: Int, write: (inout JSONOutput) -> Void)

    /// A number rounded to `decimals`, or null.
    static func number(_ value: Double?, decimals: Int) -> JSONValue {
        guard let value = rounded(value, decimals: decimals) else { return .null }
        return .number(value)
    }

    /// `value` rounded to `decimals`, or nil where JSON has null (no value, or not finite).
    private static func rounded(_ value: Double?, decimals: Int) -> Double? {
        guard let value, value.isFinite else { return nil }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        return (value * scale).rounded() / scale
    }

    /// Writes what `.number(value, decimals:)` writes, without making the value.
    static func writeNumber(_ value: Double?, decimals: Int, into out: inout [UInt8]) {
        guard let value = rounded(value, decimals: decimals) else {
            out.append(contentsOf: nullBytes)
            return
        }
        if decimals <= 4, value != value.rounded(), abs(value) >= 0.001, abs(value) < 1e11 {
            writeDecimal(value, decimals: decimals, into: &out)
        } else {
            writeNumber(value, into: &out)
        }
    }

    /// A value rounded to `decimals` (at most 4), not whole, from 0.001 to 10^11 in size,
    /// written as `value.description` writes it, from its digits, with no `String` made (a
    /// ten-year report writes 40,000 such figures). The value is the `Double` nearest to
    /// `k / 10^decimals` for the whole number k, and no decimal with fewer digits is as near
    /// (`Double`s that size are less than 10^-4 apart), so that decimal, to its last nonzero
    /// digit, is the shortest text that reads back as the value: what Swift writes.
    private static func writeDecimal(_ value: Double, decimals: Int, into out: inout [UInt8]) {
        var scale: Int64 = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int64((value * Double(scale)).rounded())
        if scaled < 0 { out.append(UInt8(ascii: "-")) }
        let magnitude = scaled.magnitude
        writeInteger(Int64(magnitude / UInt64(scale)), into: &out)
        out.append(UInt8(ascii: "."))
        var fraction = magnitude % UInt64(scale)
        var divisor = UInt64(scale) / 10
        while fraction > 0 {
            out.append(UInt8(ascii: "0") + UInt8(fraction / divisor))
            fraction %= divisor
            divisor /= 10
        }
    }

    /// A number: an integral one as its digits, any other as Swift writes a `Double`.
    static func writeNumber(_ value: Double, into out: inout [UInt8]) {
        if value == value.rounded(), abs(value) < 1e15 {
            writeInteger(Int64(value), into: &out)
        } else {
            // `description` is what string interpolation writes, made as a small string
            // (no allocation for up to 15 bytes, which is almost every figure).
            var text = value.description
            text.withUTF8 { out.append(contentsOf: $0) }
        }
    }

    /// Writes JSON text given as a literal (a key and its punctuation), from the program's
    /// own bytes, with no array made or retained.
    static func write(_ text: StaticString, into out: inout [UInt8]) {
        text.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    /// Writes `true` or `false`.
    static func writeBool(_ value: Bool, into out: inout [UInt8]) {
        out.append(contentsOf: value ? trueBytes : falseBytes)
    }

    /// A string, or null.
    static func string(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

    /// Compact JSON text.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Compact JSON as UTF-8 bytes (what `printJSON` writes, without a `String` made of
    /// megabytes).
    var bytes: [UInt8] {
        var output = JSONOutput(reserving: 4096 + estimatedWriterBytes)
        write(into: &output)
        return output.bytes
    }

    /// Compact JSON as UTF-8 bytes handed to `flush` in pieces of about `chunkBytes` (the
    /// last one smaller), each ending between two values, never inside a string or a
    /// character: a ten-year report is megabytes, which are never all held at once.
    func write(chunkBytes: Int, to flush: ([UInt8]) -> Void) {
        withoutActuallyEscaping(flush) { flush in
            var output = JSONOutput(chunkBytes: chunkBytes, flush: flush)
            write(into: &output)
            output.flush()
        }
    }

    /// What the writers in the value expect to write.
    private var estimatedWriterBytes: Int {
        switch self {
        case .null, .bool, .number, .string: 0
        case .array(let values): values.reduce(0) { $0 + $1.estimatedWriterBytes }
        case .object(let members): members.reduce(0) { $0 + $1.1.estimatedWriterBytes }
        case .writer(let estimatedBytes, _): estimatedBytes
        }
    }

    /// Written as bytes, appended to one array: a ten-year report is megabytes, and
    /// appending to a `String` piece by piece cost most of its time.
    private func write(into output: inout JSONOutput) {
        switch self {
        case .null: output.bytes.append(contentsOf: Self.nullBytes)
        case .bool(let value): Self.writeBool(value, into: &output.bytes)
        case .number(let value): Self.writeNumber(value, into: &output.bytes)
        case .string(let value): Self.writeString(value, into: &output.bytes)
        case .writer(_, let write): write(&output)
        case .array(let values):
            output.bytes.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { output.bytes.append(UInt8(ascii: ",")) }
                value.write(into: &output)
            }
            output.bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            output.bytes.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { output.bytes.append(UInt8(ascii: ",")) }
                Self.writeString(key, into: &output.bytes)
                output.bytes.append(UInt8(ascii: ":"))
                value.write(into: &output)
            }
            output.bytes.append(UInt8(ascii: "}"))
        }
    }

    static let nullBytes = Array("null".utf8), trueBytes = Array("true".utf8), falseBytes = Array("false".utf8)

    /// An integer's decimal digits, without making a `String`.
    static func writeInteger(_ value: Int64, into out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var divisor: UInt64 = 1
        while divisor <= magnitude / 10 { divisor *= 10 }
        repeat {
            out.append(UInt8(ascii: "0") + UInt8(magnitude / divisor))
            magnitude %= divisor
            divisor /= 10
        } while divisor > 0
    }

    /// A JSON string. Only `"`, `\` and control characters need escaping, and all are
    /// ASCII: a string without them (almost every one) is copied whole, and one with them
    /// is escaped byte by byte, never scalar by scalar (a report writes thousands).
    static func writeString(_ value: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { bytes in
            guard bytes.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else {
                out.append(contentsOf: bytes)
                return
            }
            let hex = Array("0123456789abcdef".utf8)
            for byte in bytes {
                switch byte {
                case 0x22: out += [0x5C, 0x22]  // \"
                case 0x5C: out += [0x5C, 0x5C]  // \\
                case 0x0A: out += [0x5C, 0x6E]  // \n
                case 0x0D: out += [0x5C, 0x72]  // \r
                case 0x09: out += [0x5C, 0x74]  // \t
                case ..<0x20: out += [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]  // \u00XX
                default: out.append(byte)
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

/// Where JSON is written: all of it kept in `bytes`, or, streamed, passed on to a `flush`
/// function whenever a writer marks a boundary between values and about `chunkBytes` are
/// held.
struct JSONOutput {
    var bytes: [UInt8] = []
    private let chunkBytes: Int
    private let passOn: (([UInt8]) -> Void)?

    /// An output that keeps every byte, `reserving` room for about that many.
    init(reserving capacity: Int) {
        bytes.reserveCapacity(capacity)
        chunkBytes = .max
        passOn = nil
    }

    /// An output that passes its bytes on to `flush` in pieces of about `chunkBytes`.
    init(chunkBytes: Int, flush: @escaping ([UInt8]) -> Void) {
        self.chunkBytes = max(1, chunkBytes)
        passOn = flush
        bytes.reserveCapacity(self.chunkBytes + 4096)
    }

    /// At a boundary between values: passes the bytes held on if there are enough of them.
    mutating func flushIfFull() {
        if bytes.count >= chunkBytes { flush() }
    }

    /// Passes the bytes held on (nothing, for an output that keeps them).
    mutating func flush() {
        guard let passOn, !bytes.isEmpty else { return }
        passOn(bytes)
        bytes.removeAll(keepingCapacity: true)
    }
}
