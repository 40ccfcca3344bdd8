/// A JSON value with object keys kept in the order written, so reports read in the
/// documented order.
enum JSONValue {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    /// A number rounded to `decimals`, or null.
    static func number(_ value: Double?, decimals: Int) -> JSONValue {
        guard let value, value.isFinite else { return .null }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        return .number((value * scale).rounded() / scale)
    }

    /// A string, or null.
    static func string(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

    /// Compact JSON text.
    var text: String {
        var out = ""
        write(into: &out)
        return out
    }

    private func write(into out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .number(let value):
            if value == value.rounded(), abs(value) < 1e15 {
                out += String(Int64(value))
            } else {
                out += "\(value)"
            }
        case .string(let value): Self.writeString(value, into: &out)
        case .array(let values):
            out += "["
            for (index, value) in values.enumerated() {
                if index > 0 { out += "," }
                value.write(into: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { out += "," }
                Self.writeString(key, into: &out)
                out += ":"
                value.write(into: &out)
            }
            out += "}"
        }
    }

    /// A JSON string. Only `"`, `\` and control characters need escaping, and all are
    /// ASCII: a string without them (almost every one) is written whole, and one with them
    /// is escaped byte by byte, never scalar by scalar (a report writes thousands).
    private static func writeString(_ value: String, into out: inout String) {
        out += "\""
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            out += value
        } else {
            var escaped: [UInt8] = []
            escaped.reserveCapacity(value.utf8.count + 8)
            for byte in value.utf8 {
                switch byte {
                case 0x22: escaped += [0x5C, 0x22]  // \"
                case 0x5C: escaped += [0x5C, 0x5C]  // \\
                case 0x0A: escaped += [0x5C, 0x6E]  // \n
                case 0x0D: escaped += [0x5C, 0x72]  // \r
                case 0x09: escaped += [0x5C, 0x74]  // \t
                case ..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    escaped += [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]  // \u00XX
                default: escaped.append(byte)
                }
            }
            out += String(decoding: escaped, as: UTF8.self)
        }
        out += "\""
    }
}
